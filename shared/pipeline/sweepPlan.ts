/** The plan a sweep runs by, fixed at its start and stored beside its outputs. */
import { z } from 'zod';
import { RECORD_KINDS } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';

/**
 * Most account buckets a sweep may have. The maps read their items from S3 (mapItems.ts), so the count is bounded by
 * what a bucket must hold (planSweep's TARGET_BUCKET_BYTES), not by the state's 256 KiB: a 300M-account snapshot
 * needs ~37,000 buckets of 64 MB (docs/scale.md).
 */
export const MAX_BUCKETS = 65_536;

export const sweepIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'a sweep id is 1-80 letters, digits, dot, dash or underscore, starting with a letter or digit');

/** The campaign a sweep runs for: its version, its day, whether it enforces or only shadows, and the time zone its notices speak in. */
export const campaignRefSchema = z.object({
  campaignId: z.string().min(1),
  version: z.number().int().min(1),
  day: z.string(),
  mode: z.enum(['enforce', 'shadow']),
  timeZone: z.string().optional(),
});
export type CampaignRef = z.infer<typeof campaignRefSchema>;

export const sweepInputSchema = z.object({
  sweepId: sweepIdSchema,
  snapshot: z.string().min(1, 'snapshot location is required'),
  policy: z.unknown(),
  codes: z.array(z.enum(VIOLATION_CODES)).optional(),
  /** `auto` accepts the review sample; `human` waits for reviewers' verdicts and the precision gate. */
  review: z.enum(['auto', 'human']).default('auto'),
  /** Override of the shuffle width; by default it follows the snapshot's size. */
  bucketCount: z.number().int().min(1).max(MAX_BUCKETS).optional(),
  /** When penalties start (ISO-8601); by default the time the review releases the sweep to Enforce. */
  enforceAt: z.string().datetime({ offset: true }).optional(),
  /** Set by a campaign's trigger: Enforce checks the campaign's kill switch, and a shadow campaign enforces nothing. */
  campaign: campaignRefSchema.optional(),
});
export type SweepInput = z.input<typeof sweepInputSchema>;

export const partItemSchema = z.object({ kind: z.enum(RECORD_KINDS), part: z.string(), index: z.number().int().min(0) });
export type PartItem = z.infer<typeof partItemSchema>;
export const channelItemSchema = z.object({ channel: z.string(), bucket: z.number().int().min(0) });
export type ChannelItem = z.infer<typeof channelItemSchema>;

/**
 * The plan as stored in `plan.json` (read and written by sweepArtifacts.ts). The channel and account bucket lists
 * follow from `channels` and `bucketCount` and are not stored: every stage item reads the plan, and at 37,000
 * buckets the channel list alone would be ~12 MB (issue 17). Plans written before `channels` carry the lists.
 */
export const storedPlanSchema = z.object({
  sweepId: sweepIdSchema,
  snapshot: z.string().min(1),
  snapshotId: z.string().min(1),
  takenAt: z.string().min(1),
  policyVersion: z.string().min(1),
  codes: z.array(z.enum(VIOLATION_CODES)).nullable(),
  review: z.enum(['auto', 'human']),
  /** How long a human review may stay open (policy review.timeoutHours); the review Task's TimeoutSecondsPath. */
  reviewTimeoutSeconds: z.number().positive().optional(),
  bucketCount: z.number().int().min(1).max(MAX_BUCKETS),
  /** The input's enforceAt, when the operator fixed when penalties start. */
  enforceAt: z.string().optional(),
  campaign: campaignRefSchema.optional(),
  parts: z.array(partItemSchema),
  /** The shuffle's channels, in the order their buckets are grouped. */
  channels: z.array(z.string().min(1)).optional(),
  channelBuckets: z.array(channelItemSchema).optional(),
  accountBuckets: z.array(z.number().int().min(0)).optional(),
});
export type StoredPlan = z.infer<typeof storedPlanSchema>;

export const channelItemsOf = (channels: readonly string[], bucketCount: number): ChannelItem[] =>
  channels.flatMap((channel) => Array.from({ length: bucketCount }, (_, bucket) => ({ channel, bucket })));
export const accountBucketsOf = (bucketCount: number): number[] => Array.from({ length: bucketCount }, (_, b) => b);

/** The plan as the stages use it: the bucket lists filled in. */
export const sweepPlanSchema = storedPlanSchema
  .refine((p) => p.channels !== undefined || (p.channelBuckets !== undefined && p.accountBuckets !== undefined), {
    message: 'a plan names its channels (or, written before them, lists channelBuckets and accountBuckets)',
  })
  .transform((p) => ({
    ...p,
    channelBuckets: p.channelBuckets ?? channelItemsOf(p.channels ?? [], p.bucketCount),
    accountBuckets: p.accountBuckets ?? accountBucketsOf(p.bucketCount),
  }));

/** What plan.json holds: the lists dropped when they follow from the channels. */
export function storedPlanOf(plan: SweepPlan): StoredPlan {
  if (plan.channels === undefined) return plan;
  const { channelBuckets: _c, accountBuckets: _a, ...rest } = plan;
  return rest;
}
export type SweepPlan = z.output<typeof sweepPlanSchema>;

/** Map iterations receive `{ sweepId, item }` (see the ItemSelector in the state machine). */
export const mapEventSchema = <T extends z.ZodTypeAny>(item: T) => z.object({ sweepId: sweepIdSchema, item });
export const sweepEventSchema = z.object({ sweepId: sweepIdSchema }).passthrough();
