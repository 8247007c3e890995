/**
 * The sweep's artifacts in the work store, each read and written only here, through its zod
 * schema: the plan and pinned policy, the decisions, the per-stage stats, the review sample,
 * the blast-radius guard's report and history, the case evidence and the summary. A stage run
 * by another version, a hand edit or a half-written object then fails with an error naming the
 * artifact, where it is and what is wrong, instead of a TypeError far from the cause.
 *
 * The shuffle rows and signals (sweepPaths `accountShuffle`, `channelShuffle`, `signals`) are not
 * here: millions of rows a run writes and reads itself within one sweep, on the hot path.
 */
import { z } from 'zod';
import { ACTIONS } from '#shared/contract/decisionExport';
import { RECORD_KINDS } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import type { Finding } from '#shared/detect/finding';
import type { BlobStore } from '#shared/ports/blobStore';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { CONTENT_ACTIONS, type Policy } from '#shared/policy/policySchema';
import type { GuardHistoryEntry, GuardReport } from '#shared/review/blastRadiusGuard';
import type { DecisionDigest } from '#shared/review/decisionDigest';
import type { GateReport } from '#shared/review/precisionGate';
import type { AccountFacts, CaseEvidence, CommentView, NoteView, RelatedView } from '#shared/review/reviewEvidence';
import type { RelatedWant } from '#shared/review/gatherEvidence';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import type { StratumSummary } from '#shared/review/stratifiedSample';
import type { ReviewItemList } from './mapItems.ts';
import { runLimited } from './runLimited.ts';
import { policyPath, sweepPaths } from './sweepPaths.ts';
import { storedPlanOf, storedPlanSchema, sweepPlanSchema, type SweepPlan } from './sweepPlan.ts';

/** An artifact that is missing, not JSON, or not of its schema; `artifact` names which one. */
export class SweepArtifactError extends Error {
  override readonly name = 'SweepArtifactError';
  constructor(
    readonly artifact: string,
    readonly location: string,
    readonly problem: string,
  ) {
    super(`sweep artifact ${artifact} (${location}) ${problem}`);
  }
}

const describeIssues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** A nested value whose full shape belongs to its own module: checked to be an object, typed as that module says. */
const objectOf = <T>(what: string) => z.custom<T>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: `expected ${what} (an object)` });
const counts = z.record(z.string(), z.number());

/**
 * Reading strips fields a schema does not name, so each schema of a domain type must name all of
 * its fields: `satisfies` checks the types agree, this checks none is missing (a field added to
 * the type and not here fails to compile instead of vanishing on the next read).
 */
type NamesEveryField<T, S extends z.ZodType> = [Exclude<keyof T, keyof z.infer<S>>] extends [never] ? true : { missing: Exclude<keyof T, keyof z.infer<S>> };
const namesEveryField = <T, S extends z.ZodType>(_schema: S, ok: NamesEveryField<T, S>) => ok;

export function parseArtifact<T>(artifact: string, location: string, schema: z.ZodType<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SweepArtifactError(artifact, location, `is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SweepArtifactError(artifact, location, `is invalid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Checks before writing too: a stage must never leave an artifact the next stage cannot read. */
function serialize<T>(artifact: string, location: string, schema: z.ZodType<T>, value: T, indent?: number): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SweepArtifactError(artifact, location, `would be written invalid: ${describeIssues(parsed.error)}`);
  return JSON.stringify(value, null, indent);
}

async function readRequired<T>(work: BlobStore, artifact: string, key: string, schema: z.ZodType<T>): Promise<T> {
  if (!(await work.exists(key))) throw new SweepArtifactError(artifact, work.describe(key), 'is missing');
  return parseArtifact(artifact, work.describe(key), schema, await work.readText(key));
}

async function readOptional<T>(work: BlobStore, artifact: string, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  return (await work.exists(key)) ? parseArtifact(artifact, work.describe(key), schema, await work.readText(key)) : undefined;
}

async function writeArtifact<T>(work: BlobStore, artifact: string, key: string, schema: z.ZodType<T>, value: T, indent?: number): Promise<void> {
  await work.write(key, serialize(artifact, work.describe(key), schema, value, indent));
}

// ---- plan.json: fixed at the sweep's start ----

export const planExists = (work: BlobStore, sweepId: string) => work.exists(sweepPaths(sweepId).plan);
export const readPlan = (work: BlobStore, sweepId: string) => readRequired(work, 'plan.json', sweepPaths(sweepId).plan, sweepPlanSchema);
export const writePlan = (work: BlobStore, plan: SweepPlan) => writeArtifact(work, 'plan.json', sweepPaths(plan.sweepId).plan, storedPlanSchema, storedPlanOf(plan));

// ---- policy.json: the policy the sweep runs by (its schema and checks are the policy's own) ----

export async function readSweepPolicy(work: BlobStore, sweepId: string): Promise<Policy> {
  const key = sweepPaths(sweepId).policy;
  const json = await readRequired(work, 'policy.json', key, z.unknown());
  return parsePolicy(json, `sweep artifact policy.json (${work.describe(key)})`);
}

/** The policy as it is stored: pinning (policies/<version>.json) compares this exact text, so it is checked, not rewritten. */
export function policyText(policy: Policy): string {
  parsePolicy(policy, `policy ${policy.policyVersion}`);
  return JSON.stringify(policy, null, 2);
}

export async function writeSweepPolicy(work: BlobStore, sweepId: string, policy: Policy): Promise<void> {
  await work.write(sweepPaths(sweepId).policy, policyText(policy));
}

/** The immutable copy of a policy version (policies/<version>.json), as text for the pinning comparison. */
export async function readPinnedPolicyText(work: BlobStore, version: string): Promise<string | undefined> {
  const key = policyPath(version);
  return (await work.exists(key)) ? work.readText(key) : undefined;
}

/** The policy a past action was decided under, if that version was ever used by a sweep here. */
export async function readPinnedPolicy(work: BlobStore, version: string): Promise<Policy | undefined> {
  const key = policyPath(version);
  const json = await readOptional(work, `policies/${version}.json`, key, z.unknown());
  return json === undefined ? undefined : parsePolicy(json, `pinned policy ${version} (${work.describe(key)})`);
}

export async function writePinnedPolicy(work: BlobStore, policy: Policy): Promise<void> {
  await work.write(policyPath(policy.policyVersion), policyText(policy));
}

// ---- decisions/<bucket>.jsonl: one decision per line ----

const evidenceSchema = z.object({
  summary: z.string(),
  noteIds: z.array(z.string()).optional(),
  commentIds: z.array(z.string()).optional(),
  relatedAccountIds: z.array(z.string()).optional(),
  matched: z.array(z.string()).optional(),
  clusterKey: z.string().optional(),
});
const severitySchema = z.enum(['low', 'medium', 'high', 'critical']);
const findingSchema = z.object({
  accountId: z.string().min(1),
  code: z.enum(VIOLATION_CODES),
  ruleId: z.string().min(1),
  severity: severitySchema,
  score: z.number(),
  evidence: evidenceSchema,
}) satisfies z.ZodType<Finding>;
namesEveryField<Finding['evidence'], typeof evidenceSchema>(evidenceSchema, true);
namesEveryField<Finding, typeof findingSchema>(findingSchema, true);

export const decisionSchema = z.object({
  accountId: z.string().min(1),
  codes: z.array(z.enum(VIOLATION_CODES)),
  action: z.enum(ACTIONS),
  durationDays: z.number().int().positive().optional(),
  ruleIds: z.array(z.string()),
  severity: severitySchema.nullable(),
  score: z.number(),
  ladderStep: z.number().int().nullable(),
  priorOffenses: z.number().int().min(0),
  policyVersion: z.string().min(1),
  sweepId: z.string().min(1),
  snapshotId: z.string().min(1),
  effectiveAt: z.string().min(1),
  followerCount: z.number(),
  accountType: z.string().optional(),
  findings: z.array(findingSchema),
  evidence: objectOf<NonNullable<Decision['evidence']>>('an evidence assessment').optional(),
  brandPoints: objectOf<NonNullable<Decision['brandPoints']>>('a brand points outcome').optional(),
  evidenceKeys: z.array(z.string()).optional(),
  alreadyActed: z.object({ ruleIds: z.array(z.string()), codes: z.array(z.enum(VIOLATION_CODES)), sweepIds: z.array(z.string()) }).optional(),
  quotes: z.array(z.object({ kind: z.enum(['note', 'comment']), id: z.string(), text: z.string() })).optional(),
  contentActions: z
    .array(z.object({ kind: z.enum(['note', 'comment']), itemId: z.string().min(1), action: z.enum(CONTENT_ACTIONS), codes: z.array(z.enum(VIOLATION_CODES)), ruleIds: z.array(z.string()) }))
    .optional(),
}) satisfies z.ZodType<Decision>;
namesEveryField<Decision, typeof decisionSchema>(decisionSchema, true);

/** One line of a decisions object; `line` is 1-based, for the error. */
export function parseDecisionLine(work: BlobStore, key: string, line: number, text: string): Decision {
  return parseArtifact(`decision (line ${line})`, work.describe(key), decisionSchema, text);
}

/** An account bucket's decisions, as the resolve stage leaves them for the stages after it. */
export async function writeDecisions(work: BlobStore, sweepId: string, bucket: number, decisions: Decision[]): Promise<void> {
  const key = sweepPaths(sweepId).decisionsObject(bucket);
  const lines = decisions.map((d, i) => serialize(`decision (line ${i + 1})`, work.describe(key), decisionSchema, d));
  await work.write(key, lines.length ? lines.join('\n') + '\n' : '');
}

// ---- digests/<bucket>.json: a bucket's decisions digested by resolve (shared/review/decisionDigest.ts) ----

const contentCountsSchema = z.object({ notesRemoved: z.number(), notesLimited: z.number(), commentsRemoved: z.number(), commentsLimited: z.number() });
const contentTallySchema = z.object({ total: contentCountsSchema, byCode: z.record(z.string(), contentCountsSchema) });

const reviewCandidateSchema = z.object({ accountId: z.string().min(1), action: z.enum(ACTIONS), followerCount: z.number(), code: z.enum(VIOLATION_CODES) });

const decisionCountsSchema = z.object({
  decisions: z.number(),
  alreadyActed: z.number(),
  byAction: counts,
  byCode: counts,
  byCodeAndAction: z.record(z.string(), counts),
  byRule: counts,
  content: contentTallySchema.optional(),
});
const decisionDigestSchema = z.object({
  bucket: z.number().int().min(0),
  counts: decisionCountsSchema,
  guard: z.object({ acted: z.number(), byRule: counts, byFollowerTier: counts }),
  rules: z.record(
    z.string(),
    z.object({
      reach: z.array(reviewCandidateSchema),
      strata: z.record(z.string(), z.object({ count: z.number(), candidates: z.array(reviewCandidateSchema) })),
    }),
  ),
}) satisfies z.ZodType<DecisionDigest>;
namesEveryField<DecisionDigest, typeof decisionDigestSchema>(decisionDigestSchema, true);

export const writeDecisionDigest = (work: BlobStore, sweepId: string, digest: DecisionDigest) =>
  writeArtifact(work, 'decision digest', sweepPaths(sweepId).digestObject(digest.bucket), decisionDigestSchema, digest);
/** Undefined for a bucket resolved before digests were written (its decisions are digested again). */
export const readDecisionDigestIfAny = (work: BlobStore, sweepId: string, bucket: number) => readOptional(work, 'decision digest', sweepPaths(sweepId).digestObject(bucket), decisionDigestSchema);

// ---- stats/<stage>/<item>.json: one per Map iteration, summed by the summary ----

export const stageStatsSchemas = {
  partition: z.object({
    kind: z.enum(RECORD_KINDS),
    part: z.string(),
    lines: z.number(),
    valid: z.number(),
    quarantined: z.number(),
    unrouted: z.number(),
    channelRows: counts,
    damaged: z.string().optional(),
  }),
  group: z.object({ channel: z.string(), bucket: z.number(), rows: z.number(), keys: z.number(), signals: z.number(), duplicateRows: z.number().default(0) }),
  expandRings: z.object({ bucket: z.number(), signals: z.number(), confirmations: z.number(), targets: z.number() }),
  resolve: z.object({
    bucket: z.number(),
    accounts: z.number(),
    withoutAccountRecord: z.number(),
    findings: counts,
    decisions: counts,
    duplicates: counts.default({}),
    orphans: counts.default({}),
    counts: decisionCountsSchema.optional(),
  }),
  enforce: z.object({
    bucket: z.number(),
    decisions: z.number(),
    applied: z.number(),
    alreadyApplied: z.number(),
    skipped: z.number(),
    contentApplied: z.number().optional(),
    anchor: z.object({ count: z.number().int().min(0), digest: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  }),
  notify: z.object({ bucket: z.number(), sink: z.string(), published: z.number(), notices: z.number(), events: z.number(), contentEvents: z.number().optional() }),
  scheduleLifts: z.object({
    bucket: z.number(),
    scheduler: z.string(),
    timedDecisions: z.number(),
    scheduled: z.number(),
    alreadyScheduled: z.number(),
    notEnforced: z.number(),
    slots: z.array(z.string()),
    created: z.number(),
    existing: z.number(),
  }),
};
export type StatsStage = keyof typeof stageStatsSchemas;
export type StageStats<S extends StatsStage> = z.infer<(typeof stageStatsSchemas)[S]>;

export async function writeStats<S extends StatsStage>(work: BlobStore, sweepId: string, stage: S, item: string, stats: StageStats<S>): Promise<void> {
  // TypeScript loses the per-stage type when indexing by a generic key; the schema is that stage's.
  const schema = stageStatsSchemas[stage] as unknown as z.ZodType<StageStats<S>>;
  await writeArtifact(work, `${stage} stats`, sweepPaths(sweepId).statsObject(stage, item), schema, stats);
}

const STATS_READS_IN_FLIGHT = 64;

export async function readAllStats<S extends StatsStage>(work: BlobStore, sweepId: string, stage: S): Promise<StageStats<S>[]> {
  const schema = stageStatsSchemas[stage] as unknown as z.ZodType<StageStats<S>>;
  const keys = await work.list(sweepPaths(sweepId).stats(stage));
  // bounded: a 300M-account sweep has ~340,000 group items, whose stats files Finish sums
  const out: StageStats<S>[] = new Array(keys.length);
  await runLimited(
    keys.map((key, i) => ({ key, i })),
    STATS_READS_IN_FLIGHT,
    async ({ key, i }) => (out[i] = await readRequired(work, `${stage} stats`, key, schema)),
  );
  return out;
}

// ---- review/sample.json: the review sample and, once closed, what enforce must hold back ----

const ruleEstimateSchema = z.object({
  ruleId: z.string(),
  cases: z.number(),
  reviewed: z.number(),
  correct: z.number(),
  wrongCode: z.number(),
  notViolation: z.number(),
  precision: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  effectiveN: z.number(),
  population: z.number(),
  threshold: z.number(),
  held: z.boolean(),
});
const gateReportSchema = z.object({
  confidence: z.number(),
  rules: z.array(ruleEstimateSchema),
  heldRules: z.array(z.string()),
  heldAccounts: z.array(z.string()),
  cases: z.number(),
  reviewed: z.number(),
  doubleReviewed: z.number(),
  agreement: z.number().nullable(),
  disagreements: z.array(objectOf<GateReport['disagreements'][number]>('a disagreement')),
}) satisfies z.ZodType<GateReport>;
namesEveryField<GateReport, typeof gateReportSchema>(gateReportSchema, true);
namesEveryField<GateReport['rules'][number], typeof ruleEstimateSchema>(ruleEstimateSchema, true);
const stratumSchema = z.object({
  stratum: z.string(),
  ruleId: z.string(),
  selection: z.enum(['sample', 'full']),
  population: z.number(),
  drawn: z.number(),
}) satisfies z.ZodType<StratumSummary>;
namesEveryField<StratumSummary, typeof stratumSchema>(stratumSchema, true);

export const sampleFileSchema = z.object({
  review: z.enum(['auto', 'human']),
  /** Absent for `review: auto` (accepted as drawn). Enforce refuses while the review is open or timed out. */
  status: z.enum(['open', 'closed', 'timed-out']).optional(),
  sampled: z.number().int().min(0),
  byRule: counts,
  heldRules: z.array(z.string()),
  heldAccounts: z.array(z.string()).optional(),
  strata: z.array(stratumSchema).optional(),
  gate: gateReportSchema.optional(),
  closedAt: z.string().optional(),
  closedBy: z.string().optional(),
  /**
   * When the sweep's penalties start: fixed once, when the review released the sweep (auto: the
   * Sample stage; human: the close), or the sweep input's `enforceAt`. Enforce reads it, so every
   * bucket and every retry applies the same time.
   */
  enforceAt: z.string().datetime({ offset: true }).optional(),
});
/** What `sweeps/<id>/review/sample.json` holds; enforce skips heldRules and heldAccounts. */
export type SampleFile = z.infer<typeof sampleFileSchema>;

export const readSample = (work: BlobStore, sweepId: string) => readRequired(work, 'review/sample.json', sweepPaths(sweepId).sample, sampleFileSchema);
export const readSampleIfAny = (work: BlobStore, sweepId: string) => readOptional(work, 'review/sample.json', sweepPaths(sweepId).sample, sampleFileSchema);
export const writeSample = (work: BlobStore, sweepId: string, sample: SampleFile) => writeArtifact(work, 'review/sample.json', sweepPaths(sweepId).sample, sampleFileSchema, sample, 2);

// ---- review/guard.json and guard-history/: the blast-radius guard ----

const guardReportSchema = z.object({
  tripped: z.boolean(),
  judged: z.number(),
  acted: z.number(),
  actedShare: z.number(),
  heldRules: z.array(z.object({ ruleId: z.string(), accounts: z.number(), share: z.number(), reason: z.string() })),
  sweepReason: z.string().optional(),
  followerTiers: z.array(z.object({ atLeast: z.number(), accounts: z.number(), maxActions: z.number() })),
  historySweeps: z.array(z.string()),
}) satisfies z.ZodType<GuardReport>;
namesEveryField<GuardReport, typeof guardReportSchema>(guardReportSchema, true);
const guardHistorySchema = z.object({ sweepId: z.string(), takenAt: z.string(), judged: z.number(), byRule: counts }) satisfies z.ZodType<GuardHistoryEntry>;
namesEveryField<GuardHistoryEntry, typeof guardHistorySchema>(guardHistorySchema, true);

const GUARD_HISTORY = 'guard-history/';
const guardHistoryKey = (takenAt: string, sweepId: string) => `${GUARD_HISTORY}${takenAt.replace(/[:.]/g, '')}~${sweepId}.json`;

export const readGuardReport = (work: BlobStore, sweepId: string) => readOptional(work, 'review/guard.json', sweepPaths(sweepId).guard, guardReportSchema);
export const writeGuardReport = (work: BlobStore, sweepId: string, report: GuardReport) => writeArtifact(work, 'review/guard.json', sweepPaths(sweepId).guard, guardReportSchema, report, 2);

/** Every sweep's recorded rates, across sweeps (the growth check's history). */
export async function readGuardHistory(work: BlobStore): Promise<GuardHistoryEntry[]> {
  const keys = await work.list(GUARD_HISTORY);
  return Promise.all(keys.map((k) => readRequired(work, 'guard history entry', k, guardHistorySchema)));
}

export const writeGuardHistoryEntry = (work: BlobStore, entry: GuardHistoryEntry) =>
  writeArtifact(work, 'guard history entry', guardHistoryKey(entry.takenAt, entry.sweepId), guardHistorySchema, entry);

// ---- review/evidence/<account>.json: what a reviewer sees for one sampled account ----

export const evidencePath = (sweepId: string, accountId: string) => `${sweepPaths(sweepId).root}review/evidence/${encodeURIComponent(accountId)}.json`;

const caseEvidenceSchema = z.object({
  accountId: z.string().min(1),
  decision: objectOf<CaseEvidence['decision']>('the decision'),
  findings: z.array(findingSchema),
  account: objectOf<AccountFacts>('the account facts'),
  notes: z.array(objectOf<NoteView>('a note')),
  comments: z.array(objectOf<CommentView>('a comment')),
  related: z.array(objectOf<CaseEvidence['related'][number]>('a related account')),
}) satisfies z.ZodType<CaseEvidence>;
namesEveryField<CaseEvidence, typeof caseEvidenceSchema>(caseEvidenceSchema, true);

/**
 * A sampled account's evidence as stored by the sharded gathering (gatherEvidence.ts): without its related accounts'
 * views, which are written from their own buckets; `relatedIds` in the order shown, `relatedFrom` the buckets whose
 * views to read. An evidence written whole has neither.
 */
export interface StoredCaseEvidence extends CaseEvidence {
  relatedIds?: string[];
  relatedFrom?: number[];
}

const storedCaseEvidenceSchema = caseEvidenceSchema.extend({
  relatedIds: z.array(z.string().min(1)).optional(),
  relatedFrom: z.array(z.number().int().min(0)).optional(),
}) satisfies z.ZodType<StoredCaseEvidence>;

/** The views of one sampled account's related accounts whose records are in one account bucket. */
export const relatedViewsPath = (sweepId: string, accountId: string, bucket: number) =>
  `${sweepPaths(sweepId).root}review/related/${encodeURIComponent(accountId)}/${String(bucket).padStart(5, '0')}.json`;
const relatedViewsSchema = z.array(
  z.object({
    facts: objectOf<AccountFacts>('the account facts').and(z.object({ accountId: z.string().min(1) })),
    notes: z.array(objectOf<NoteView>('a note')),
    comments: z.array(objectOf<CommentView>('a comment')),
  }),
) satisfies z.ZodType<RelatedView[]>;

/** A case's evidence, its related accounts' views joined from where their buckets wrote them (one missing: facts unknown, no items). */
export async function readCaseEvidence(work: BlobStore, sweepId: string, accountId: string): Promise<CaseEvidence | undefined> {
  const stored = await readOptional(work, 'review evidence', evidencePath(sweepId, accountId), storedCaseEvidenceSchema);
  if (!stored) return undefined;
  const { relatedIds, relatedFrom, ...evidence } = stored;
  if (!relatedIds) return evidence;
  const views = new Map<string, RelatedView>();
  for (const bucket of relatedFrom ?? []) {
    for (const view of (await readOptional(work, 'related views', relatedViewsPath(sweepId, accountId, bucket), relatedViewsSchema)) ?? []) views.set(view.facts.accountId, view);
  }
  return { ...evidence, related: relatedIds.map((id) => views.get(id) ?? { facts: { accountId: id }, notes: [], comments: [] }) };
}

export const writeCaseEvidenceFile = (work: BlobStore, sweepId: string, evidence: StoredCaseEvidence) =>
  writeArtifact(work, 'review evidence', evidencePath(sweepId, evidence.accountId), storedCaseEvidenceSchema, evidence);
export const writeRelatedViews = (work: BlobStore, sweepId: string, accountId: string, bucket: number, views: RelatedView[]) =>
  writeArtifact(work, 'related views', relatedViewsPath(sweepId, accountId, bucket), relatedViewsSchema, views);

// ---- review/gather/: what the sharded evidence gathering hands from one step to the next ----

const accountIdsSchema = z.array(z.string().min(1));
export const readSampledAccounts = (work: BlobStore, sweepId: string, bucket: number) => readRequired(work, 'sampled accounts', sweepPaths(sweepId).sampledAccounts(bucket), accountIdsSchema);
export const writeSampledAccounts = (work: BlobStore, sweepId: string, bucket: number, ids: string[]) =>
  writeArtifact(work, 'sampled accounts', sweepPaths(sweepId).sampledAccounts(bucket), accountIdsSchema, ids);

const relatedWantsSchema = z.array(z.object({ accountId: z.string().min(1), forAccount: z.string().min(1), noteIds: z.array(z.string()), commentIds: z.array(z.string()) })) satisfies z.ZodType<
  RelatedWant[]
>;
export const readRelatedWantsFrom = (work: BlobStore, sweepId: string, bucket: number) =>
  readRequired(work, 'related accounts wanted', sweepPaths(sweepId).relatedWantsFrom(bucket), relatedWantsSchema);
export const writeRelatedWantsFrom = (work: BlobStore, sweepId: string, bucket: number, wants: RelatedWant[]) =>
  writeArtifact(work, 'related accounts wanted', sweepPaths(sweepId).relatedWantsFrom(bucket), relatedWantsSchema, wants);
export const readRelatedWantsIn = (work: BlobStore, sweepId: string, bucket: number) => readRequired(work, 'related accounts wanted', sweepPaths(sweepId).relatedWantsIn(bucket), relatedWantsSchema);
export const writeRelatedWantsIn = (work: BlobStore, sweepId: string, bucket: number, wants: RelatedWant[]) =>
  writeArtifact(work, 'related accounts wanted', sweepPaths(sweepId).relatedWantsIn(bucket), relatedWantsSchema, wants);

// ---- map-items/<list>.json written after Plan (the review's evidence maps): bucket numbers ----

export const readItemList = (work: BlobStore, sweepId: string, list: ReviewItemList) =>
  readRequired(work, `map-items/${list}.json`, sweepPaths(sweepId).mapItems(list), z.array(z.number().int().min(0)));

// ---- review/draw.json: DrawSample's sample, for SampleForReview ----

export interface ReviewDraw {
  review: 'auto' | 'human';
  cases: ReviewCase[];
  /** The human sample's strata (what sample.json shows). */
  strata?: StratumSummary[];
  guardTripped: boolean;
}
const reviewDrawSchema = z.object({
  review: z.enum(['auto', 'human']),
  cases: z.array(objectOf<ReviewCase>('a review case')),
  strata: z.array(objectOf<StratumSummary>('a stratum')).optional(),
  guardTripped: z.boolean(),
}) satisfies z.ZodType<ReviewDraw>;
namesEveryField<ReviewDraw, typeof reviewDrawSchema>(reviewDrawSchema, true);
export const readReviewDraw = (work: BlobStore, sweepId: string) => readRequired(work, 'review/draw.json', sweepPaths(sweepId).reviewDraw, reviewDrawSchema);
export const readReviewDrawIfAny = (work: BlobStore, sweepId: string) => readOptional(work, 'review/draw.json', sweepPaths(sweepId).reviewDraw, reviewDrawSchema);
export const writeReviewDraw = (work: BlobStore, sweepId: string, draw: ReviewDraw) => writeArtifact(work, 'review/draw.json', sweepPaths(sweepId).reviewDraw, reviewDrawSchema, draw);

// ---- summary.json: the sweep's result, written by Finish (or ReviewTimedOut) ----

export const sweepSummarySchema = z.object({
  sweepId: z.string(),
  snapshotId: z.string(),
  policyVersion: z.string(),
  codesFilter: z.array(z.string()).nullable(),
  /** Per kind: records used, quarantined (invalid or orphan), and dropped as duplicates of a kept copy. */
  records: z.record(z.string(), z.object({ valid: z.number(), quarantined: z.number(), duplicates: z.number().optional() })),
  /** Records quarantined: invalid at partition plus orphans at resolve (damaged parts are counted apart). */
  quarantined: z.number(),
  /** Records dropped as duplicates (first by part order and line kept), by kind. */
  duplicates: counts.optional(),
  /** Duplicate channel rows dropped at group (the evidence of a duplicated record counted once). */
  duplicateChannelRows: z.number().optional(),
  /** Parts quarantined whole (not gzip, truncated, empty gzip, missing): nothing of them was used. The first 50 are listed. */
  damagedParts: z.array(z.object({ kind: z.string(), part: z.string(), reason: z.string() })).optional(),
  damagedPartCount: z.number().optional(),
  accounts: z.number(),
  accountsWithoutRecord: z.number(),
  signals: z.number(),
  /** Ring-expansion signals: confirmed ring members vouching for one-time co-members (ExpandRings). */
  ringConfirmations: z.number(),
  decisions: z.number(),
  /** Accounts found again whose evidence earlier sweeps already acted on: no action (shared/policy/actedEvidence.ts). */
  alreadyActed: z.number().optional(),
  byCode: counts,
  byAction: counts,
  byCodeAndAction: z.record(z.string(), counts),
  byRule: counts,
  enforcement: z.object({ applied: z.number(), alreadyApplied: z.number(), skipped: z.number(), contentApplied: z.number().optional() }),
  /** Content actions decided with the accounts' decisions: notes and comments removed or limited, in total and by code. */
  content: contentTallySchema.optional(),
  /** Notify, summed over the account buckets: messages published by this run (a re-run publishes none). */
  notify: z.object({ published: z.number(), notices: z.number(), events: z.number(), contentEvents: z.number().optional() }).optional(),
  /** ScheduleLifts, summed over the account buckets: `slots` counts distinct lift slots, one schedule each. */
  lifts: z
    .object({
      timedDecisions: z.number(),
      scheduled: z.number(),
      alreadyScheduled: z.number(),
      notEnforced: z.number(),
      slots: z.number(),
      /** Slot schedules asked for (at most buckets × slots) and those actually created (EventBridge; 0 on the due index). */
      slotRequests: z.number(),
      schedulesCreated: z.number(),
    })
    .optional(),
  outputs: z.object({ decisions: z.string(), quarantine: z.string(), summary: z.string() }),
  /** The blast-radius guard's verdict: rules and follower tiers over their ceilings, held for human review. */
  guard: guardReportSchema.optional(),
  /** The review step: mode, sample size, held rules and (human review) the per-rule precision estimates. */
  review: z
    .object({
      mode: z.string(),
      status: z.string().optional(),
      sampled: z.number(),
      heldRules: z.array(z.string()),
      heldAccounts: z.number().optional(),
      estimates: z
        .array(
          z.object({
            ruleId: z.string(),
            reviewed: z.number(),
            population: z.number(),
            precision: z.number().nullable(),
            low: z.number(),
            high: z.number(),
            threshold: z.number(),
            held: z.boolean(),
          }),
        )
        .optional(),
      doubleReviewed: z.number().optional(),
      agreement: z.number().nullable().optional(),
    })
    .optional(),
  /** Set by ReviewTimedOut: the sweep ended without enforcing. */
  status: z.string().optional(),
  message: z.string().optional(),
});
export type SweepSummary = z.infer<typeof sweepSummarySchema>;

export const readSummary = (work: BlobStore, sweepId: string) => readRequired(work, 'summary.json', sweepPaths(sweepId).summary, sweepSummarySchema);
export const writeSummary = (work: BlobStore, summary: SweepSummary) => writeArtifact(work, 'summary.json', sweepPaths(summary.sweepId).summary, sweepSummarySchema, summary, 2);
