/** The plan a sweep runs by, fixed at its start and stored beside its outputs. */
import { z } from 'zod';
import { RECORD_KINDS } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';

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
  bucketCount: z.number().int().min(1).max(4096).optional(),
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

/** The plan as stored in `plan.json` (read and written by sweepArtifacts.ts). */
export const sweepPlanSchema = z.object({
  sweepId: sweepIdSchema,
  snapshot: z.string().min(1),
  snapshotId: z.string().min(1),
  takenAt: z.string().min(1),
  policyVersion: z.string().min(1),
  codes: z.array(z.enum(VIOLATION_CODES)).nullable(),
  review: z.enum(['auto', 'human']),
  /** How long a human review may stay open (policy review.timeoutHours); the review Task's TimeoutSecondsPath. */
  reviewTimeoutSeconds: z.number().positive().optional(),
  bucketCount: z.number().int().min(1),
  /** The input's enforceAt, when the operator fixed when penalties start. */
  enforceAt: z.string().optional(),
  campaign: campaignRefSchema.optional(),
  parts: z.array(partItemSchema),
  channelBuckets: z.array(channelItemSchema),
  accountBuckets: z.array(z.number().int().min(0)),
});
export type SweepPlan = z.infer<typeof sweepPlanSchema>;

/** Map iterations receive `{ sweepId, item }` (see the ItemSelector in the state machine). */
export const mapEventSchema = <T extends z.ZodTypeAny>(item: T) => z.object({ sweepId: sweepIdSchema, item });
export const sweepEventSchema = z.object({ sweepId: sweepIdSchema }).passthrough();
