/**
 * A versioned policy file: which rules run, their thresholds and severity, the penalty
 * ladder and escalation, sampling and appeals. Every decision records the version.
 */
import { z } from 'zod';
import { brandLedgerPolicySchema } from '#shared/brand/brandPoints';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { LEXICON_NAMES } from '#shared/detect/text/lexicons';

const compiles = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};
/** An operator's additions to a lexicon (plain phrases, matched literally), or a regular expression replacing it. */
const lexiconExtension = z
  .object({
    add: z.array(z.string().min(1).max(200)).max(2000).optional(),
    pattern: z.string().min(1).max(20_000).refine(compiles, 'not a valid regular expression').optional(),
  })
  .strict();

const severity = z.enum(['low', 'medium', 'high', 'critical']);

export const ladderStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('warn') }).strict(),
  z.object({ action: z.literal('limit'), days: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('suspend'), days: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('ban') }).strict(),
]);
export type LadderStep = z.infer<typeof ladderStepSchema>;

/** A consequence of the brand points left: it applies when the points left after a sweep are at or below `pointsAtOrBelow`. */
const brandTierSchema = z
  .object({
    pointsAtOrBelow: z.number().int().min(0),
    step: ladderStepSchema,
    /** Applied by the platform's consumers of the enforcement event, not by us. */
    reducedSearch: z.boolean().optional(),
    brandContentHidden: z.boolean().optional(),
  })
  .strict();
export type BrandTier = z.infer<typeof brandTierSchema>;

/**
 * Brand points: the ledger's settings (shared/brand/brandPoints.ts: points, period, cap) and what
 * deciding needs on top (shared/policy/consequences.ts): which seeding campaigns are charged, and
 * the consequence of the points left.
 */
export const brandPointsPolicySchema = brandLedgerPolicySchema
  .extend({
    /**
     * Coordinated seeding campaigns other accounts post for the brand (rule `brand-campaign`) cost
     * the brand one promotion's points per campaign. Off: only the brand's own notes count (a
     * platform that fears competitors framing brands with fake campaigns).
     */
    attributeCampaigns: z.boolean().default(true),
    /** Distinct ordinary accounts a campaign needs before it is charged to the brand (evidence lists up to 50). */
    minCampaignAccounts: z.number().int().min(2).max(50).default(5),
    tiers: z.array(brandTierSchema).min(1),
  })
  .strict();
export type BrandPointsPolicy = z.infer<typeof brandPointsPolicySchema>;

/** What happens to one item (a note or a comment): removed, or its distribution limited (hidden from search and recommendations). */
export const CONTENT_ACTIONS = ['remove', 'limit'] as const;
export type ContentActionKind = (typeof CONTENT_ACTIONS)[number];
const contentItemsSchema = z.object({ notes: z.enum(CONTENT_ACTIONS).optional(), comments: z.enum(CONTENT_ACTIONS).optional() }).strict();

/**
 * Content actions (shared/enforcement/decideContentActions.ts): per violation code, what happens to the
 * account's own notes and comments that the acted-on findings name, whatever the account's own action
 * (a warned ring member's ring comments are still removed); `banned` applies on top to a banned
 * account's items. At most `maxItemsPerAccount` items per account per sweep, enforced in transactions
 * of at most `itemsPerWrite` items each (DynamoDB allows 100 items per transaction).
 */
export const contentActionsPolicySchema = z
  .object({
    codes: z.partialRecord(z.enum(VIOLATION_CODES), contentItemsSchema).default({}),
    banned: contentItemsSchema.optional(),
    maxItemsPerAccount: z.number().int().min(1).max(1000).default(200),
    itemsPerWrite: z.number().int().min(1).max(45).default(40),
  })
  .strict();
export type ContentActionsPolicy = z.infer<typeof contentActionsPolicySchema>;

export const reviewPolicySchema = z
  .object({
    /** A rule is held back when the lower bound of its estimated precision is under this. */
    minPrecision: z.number().min(0).max(1).default(0.9),
    /** Per-rule overrides of minPrecision. */
    rules: z.record(z.string(), z.object({ minPrecision: z.number().min(0).max(1) }).strict()).default({}),
    /** Confidence of the precision interval (Wilson) and of the sample size. */
    confidence: z.number().gt(0.5).lt(1).default(0.95),
    /** Half-width the sample is sized for: 0.03 asks for a 95% interval no wider than ±3 points. */
    margin: z.number().gt(0).max(0.5).default(0.03),
    /** Smallest number of cases drawn from a stratum (rule × action × follower tier), or all of it when smaller. */
    stratumFloor: z.number().int().min(1).default(5),
    /** Every account at or above this many followers goes to human review in full. */
    followerThreshold: z.number().int().min(0).default(100_000),
    /** Every permanent ban of an account at or above this many followers goes to human review in full. */
    banFollowerThreshold: z.number().int().min(0).default(10_000),
    /** A review not closed within this many hours times out: nothing of the sweep is enforced. */
    timeoutHours: z
      .number()
      .positive()
      .max(24 * 365)
      .default(72),
  })
  .strict();

export const policySchema = z
  .object({
    policyVersion: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64'),
    description: z.string().optional(),
    /** Penalties from mildest to harshest; a finding enters at its severity's step and climbs one step per prior offense. */
    ladder: z.array(ladderStepSchema).min(1),
    severityStart: z.object({ low: z.number().int().min(0), medium: z.number().int().min(0), high: z.number().int().min(0), critical: z.number().int().min(0) }),
    /** Extra steps when an account is found under this many distinct codes or more. */
    multiCode: z.object({ minCodes: z.number().int().min(2), extraSteps: z.number().int().min(0) }).optional(),
    codes: z.partialRecord(z.enum(VIOLATION_CODES), z.object({ enabled: z.boolean() }).strict()).default({}),
    /** The platform's own domains: links to them are the platform's own content, not diversion (default: Xiaohongshu's). */
    /** Phrase lists the rules match (shared/detect/text/lexicons.ts): extended or replaced per policy version. */
    lexicons: z.partialRecord(z.enum(LEXICON_NAMES), lexiconExtension).optional(),
    platform: z
      .object({ ownDomains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case domain such as xhslink.com')).min(1) })
      .strict()
      .optional(),
    rules: z
      .record(
        z.string(),
        z
          .object({
            enabled: z.boolean().default(true),
            severity: severity.optional(),
            /** Findings scoring below this are recorded as signals but not acted on. */
            minScore: z.number().min(0).max(1).optional(),
            thresholds: z.record(z.string(), z.number()).optional(),
            /** `strong`: may suspend or ban alone; `supporting`: needs a finding on another evidence basis. */
            strength: z.enum(['strong', 'supporting']).optional(),
          })
          .strict(),
      )
      .default({}),
    sampling: z
      .object({
        /** Fraction of each rule's decisions drawn for review, with a floor and a cap per rule. */
        rate: z.number().min(0).max(1),
        floor: z.number().int().min(0),
        cap: z.number().int().min(0),
      })
      .strict(),
    appeal: z.object({ windowDays: z.number().int().positive(), url: z.string().min(1) }).strict(),
    /**
     * Evidence sufficiency: a decision that rests only on supporting findings of fewer than
     * `minIndependentBases` evidence bases is weak, and its action is capped at `weakCap` (the
     * strongest ladder step weak evidence may reach). Suspensions and bans need strong evidence
     * or corroboration.
     */
    evidence: z
      .object({
        minIndependentBases: z.number().int().min(2).default(2),
        weakCap: ladderStepSchema.default({ action: 'limit', days: 7 }),
      })
      .strict()
      .prefault({}),
    /**
     * The blast-radius guard (shared/review/blastRadiusGuard.ts), checked before anything is enforced:
     * a rule acting on more than `maxRuleShare` of the judged accounts, or on more than `maxRuleGrowth`
     * times its rate in the last `historySweeps` sweeps, a sweep acting on more than `maxSweepShare`,
     * or more accounts of a follower tier than its cap, sends the sweep to human review whatever its
     * review mode; nothing is enforced until the review clears it.
     */
    guard: z
      .object({
        maxRuleShare: z.number().gt(0).max(1).default(0.05),
        maxSweepShare: z.number().gt(0).max(1).default(0.15),
        maxRuleGrowth: z.number().gt(1).default(3),
        /** Below this many accounts a rule is never judged by its share or growth (small sweeps are noisy). */
        minRuleAccounts: z.number().int().min(1).default(50),
        /** Below this many acted accounts the sweep share is not judged: a small demo or canary sweep is not a wave. */
        minSweepAccounts: z.number().int().min(1).default(200),
        /** A ceiling on the accounts one sweep acts on, whatever their share (a campaign's per-day cap). Absent: none. */
        maxSweepActions: z.number().int().min(1).optional(),
        historySweeps: z.number().int().min(0).max(100).default(7),
        followerCaps: z.array(z.object({ atLeast: z.number().int().min(1), maxActions: z.number().int().min(0) }).strict()).default([
          { atLeast: 10_000, maxActions: 200 },
          { atLeast: 100_000, maxActions: 10 },
        ]),
      })
      .strict()
      .prefault({}),
    /**
     * Damaged input (docs/snapshot-input.md): a damaged part is quarantined and the sweep goes on, unless
     * more than `maxDamagedPartShare` of the snapshot's parts are damaged; then the sweep stops before
     * any account is judged, naming the parts. Absent: 0.5.
     */
    input: z
      .object({ maxDamagedPartShare: z.number().min(0).max(1).default(0.5) })
      .strict()
      .optional(),
    /** Absent: accounts are punished and their content is left alone. */
    contentActions: contentActionsPolicySchema.optional(),
    /** Absent: brand accounts go up the ladder like any other account. */
    brandPoints: brandPointsPolicySchema.optional(),
    /** Human review (`review: human` sweeps): stratified sample size, full-review thresholds, the precision gate. */
    review: reviewPolicySchema.prefault({}),
  })
  .strict();

export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;
/** A parsed policy always has `review` (defaults filled in); hand-built ones may leave it out. */
export type Policy = Omit<z.infer<typeof policySchema>, 'review' | 'evidence' | 'guard'> & { review?: ReviewPolicy; evidence?: EvidencePolicy; guard?: GuardPolicy };
export type GuardPolicy = z.infer<typeof policySchema>['guard'];

/** The policy's blast-radius guard, defaults filled in. */
export function guardPolicyOf(policy: Pick<Policy, 'guard'>): GuardPolicy {
  return policy.guard ?? policySchema.shape.guard.parse(undefined);
}
export type EvidencePolicy = z.infer<typeof policySchema>['evidence'];

/** The policy's evidence-sufficiency settings, defaults filled in. */
export function evidencePolicyOf(policy: Pick<Policy, 'evidence'>): EvidencePolicy {
  return policy.evidence ?? { minIndependentBases: 2, weakCap: { action: 'limit', days: 7 } };
}

/** The most of a snapshot's parts that may be damaged before a sweep stops (policy `input`, default 0.5). */
export function maxDamagedPartShareOf(policy: Pick<Policy, 'input'>): number {
  return policy.input?.maxDamagedPartShare ?? 0.5;
}

/** The policy's review settings, defaults filled in. */
export function reviewPolicyOf(policy: Pick<Policy, 'review'>): ReviewPolicy {
  return policy.review ?? reviewPolicySchema.parse({});
}
