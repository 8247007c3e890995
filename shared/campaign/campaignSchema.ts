/**
 * A campaign: a named, versioned crackdown that runs one sweep a day over a period, against all
 * violation codes or one (an on-demand campaign), enforcing or in shadow. The definition is data
 * (a file under `campaigns/`, like a policy); what changes at run time — paused or not, which days
 * ran — is the campaign's state, kept apart so that the definition an auditor reads never moves.
 */
import { z } from 'zod';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'not a calendar day');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const campaignIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'a campaign id is 1-48 lower-case letters, digits or dashes, starting with a letter or digit');

export const campaignSchema = z
  .object({
    campaignId: campaignIdSchema,
    /** Raised on every change of the definition; each day's sweep records the version it ran under. */
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    period: z.object({ start: day, end: day }),
    schedule: z.object({
      /** Local time of day the sweep starts. */
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM (24 h)'),
      timeZone: z.string().refine(isTimeZone, 'not an IANA time zone such as Asia/Shanghai'),
    }),
    /** Empty: every code. */
    codes: z.array(z.enum(VIOLATION_CODES)).default([]),
    policyVersion: z.string().min(1),
    /** Where each day's snapshot is: `{date}` becomes the day (YYYY-MM-DD), `{yyyymmdd}` the compact form. */
    snapshotTemplate: z.string().refine((t) => t.includes('{date}') || t.includes('{yyyymmdd}'), 'the snapshot template must contain {date} or {yyyymmdd}'),
    /** shadow: detect, decide, sample and report; enforce nothing and notify no one. */
    mode: z.enum(['enforce', 'shadow']).default('enforce'),
    limits: z
      .object({
        /** Accounts actioned per day at most; a day that would exceed it is held for review. */
        maxActionsPerDay: z.number().int().min(1).optional(),
        /** Accounts over 10k / 100k followers actioned per day without review. */
        maxOver10kPerDay: z.number().int().min(0).optional(),
        maxOver100kPerDay: z.number().int().min(0).optional(),
      })
      .default({}),
  })
  .superRefine((c, ctx) => {
    if (c.period.end < c.period.start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: `ends (${c.period.end}) before it starts (${c.period.start})` });
  });

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;

export class CampaignError extends Error {
  override name = 'CampaignError';
}

/** Parses a campaign definition; the error names the source, the field and what is wrong. */
export function parseCampaign(value: unknown, source: string): Campaign {
  const r = campaignSchema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new CampaignError(`${source}: invalid campaign: ${issues.join('; ')}`);
}
