/**
 * Human review of a sweep's sample, over ports only (no AWS): open the review when the sweep
 * reaches its sampling step, list cases by stratum, show a case's evidence, record verdicts,
 * close the review through the precision gate (which completes the sweep's waiting task), or
 * time it out (nothing enforced). The console (reviewConsole.ts) and the CLI call these.
 */
import { z } from 'zod';
import type { BlobStore } from '#shared/ports/blobStore';
import { ReviewError, VERDICT_KINDS, type ReviewCase, type ReviewRepository, type ReviewSession, type Verdict } from '#shared/ports/reviewRepository';
import type { TaskTokens } from '#shared/ports/taskTokens';
import { reviewPolicyOf, type Policy } from '#shared/policy/policySchema';
import { readCaseEvidence, readPlan, readSampleIfAny, readSweepPolicy, writeSample, type SampleFile } from '#shared/pipeline/sweepArtifacts';
import { precisionGate, type GateReport } from './precisionGate.ts';
import type { CaseEvidence } from './reviewEvidence.ts';
import type { StratumSummary } from './stratifiedSample.ts';

export interface ReviewDeps {
  repo: ReviewRepository;
  work: BlobStore;
  tokens: (token: string) => TaskTokens;
  now: () => string;
}

/** The sampling Task's output once the review ends (kept small: the details are in sample.json). */
export interface ReviewOutcome {
  review: 'human';
  status: 'closed' | 'timed-out';
  sampled: number;
  reviewed: number;
  heldRules: string[];
  heldAccounts: number;
}

const countByRule = (cases: ReviewCase[]) => {
  const byRule: Record<string, number> = {};
  for (const c of cases) byRule[c.ruleId] = (byRule[c.ruleId] ?? 0) + 1;
  return byRule;
};

/**
 * The sampling step of a `review: human` sweep, over DrawSample's stratified sample (whose evidence the gathering
 * maps wrote): the cases, a sample.json that holds every rule (nothing is enforced until the review closes), and the
 * session with the task token. Idempotent: a re-run finds the session and changes nothing.
 */
export async function openReview(
  deps: ReviewDeps,
  req: {
    sweepId: string;
    taskToken: string;
    policy: Policy;
    /** The stratified sample under the review's thresholds (drawReviewSample.ts). */
    drawn: { cases: ReviewCase[]; strata?: StratumSummary[] };
  },
): Promise<{ session: ReviewSession; reopened: boolean }> {
  const existing = await deps.repo.session(req.sweepId);
  if (existing) return { session: existing, reopened: true };
  const review = reviewPolicyOf(req.policy);
  const { cases, strata } = req.drawn;
  await deps.repo.putCases(cases);
  const allRules = [...new Set(cases.map((c) => c.ruleId))].sort();
  const sample: SampleFile = { review: 'human', status: 'open', sampled: cases.length, byRule: countByRule(cases), heldRules: allRules, strata };
  await writeSample(deps.work, req.sweepId, sample);
  const openedAt = deps.now();
  const session: ReviewSession = {
    sweepId: req.sweepId,
    status: 'open',
    taskToken: req.taskToken,
    openedAt,
    deadline: new Date(Date.parse(openedAt) + review.timeoutHours * 3_600_000).toISOString(),
    cases: cases.length,
  };
  if (!(await deps.repo.openSession(session))) return { session: (await deps.repo.session(req.sweepId))!, reopened: true };
  if (cases.length === 0) await closeReview(deps, req.sweepId, 'system');
  return { session, reopened: false };
}

async function requireSession(deps: ReviewDeps, sweepId: string): Promise<ReviewSession> {
  const session = await deps.repo.session(sweepId);
  if (!session) throw new ReviewError('no-review', `sweep ${sweepId} has no review (was it run with review: human, and has it reached SampleForReview?)`);
  return session;
}

export interface StratumProgress {
  stratum: string;
  ruleId: string;
  selection: 'sample' | 'full';
  cases: number;
  judged: number;
}

export interface CaseListing {
  session: ReviewSession;
  strata: StratumProgress[];
  cases: Array<ReviewCase & { verdicts: Array<Omit<Verdict, 'sweepId' | 'caseId'>> }>;
}

export async function listCases(deps: ReviewDeps, sweepId: string): Promise<CaseListing> {
  const session = await requireSession(deps, sweepId);
  const [cases, verdicts] = await Promise.all([deps.repo.cases(sweepId), deps.repo.verdicts(sweepId)]);
  const byCase = new Map<string, Verdict[]>();
  for (const v of verdicts) byCase.set(v.caseId, [...(byCase.get(v.caseId) ?? []), v]);
  const strata = new Map<string, StratumProgress>();
  const listed = cases
    .map((c) => ({ ...c, verdicts: (byCase.get(c.caseId) ?? []).map(({ sweepId: _s, caseId: _c, ...v }) => v).sort((a, b) => a.at.localeCompare(b.at)) }))
    .sort((a, b) => (a.stratum ?? '').localeCompare(b.stratum ?? '') || a.caseId.localeCompare(b.caseId));
  for (const c of listed) {
    const key = c.stratum ?? c.ruleId;
    const s = strata.get(key) ?? { stratum: key, ruleId: c.ruleId, selection: c.selection ?? 'sample', cases: 0, judged: 0 };
    s.cases += 1;
    if (c.verdicts.length > 0) s.judged += 1;
    strata.set(key, s);
  }
  return { session: redact(session), strata: [...strata.values()], cases: listed };
}

/** The session without its task token (which lets whoever holds it complete the sweep's task). */
export function redact(session: ReviewSession): ReviewSession {
  return { ...session, taskToken: '(hidden)' };
}

export async function caseEvidence(deps: ReviewDeps, sweepId: string, caseId: string): Promise<{ case: ReviewCase; evidence: CaseEvidence | null }> {
  await requireSession(deps, sweepId);
  const found = (await deps.repo.cases(sweepId)).find((c) => c.caseId === caseId);
  if (!found) throw new ReviewError('unknown-case', `sweep ${sweepId} has no review case ${caseId}`);
  const evidence = (await readCaseEvidence(deps.work, sweepId, found.accountId)) ?? null;
  return { case: found, evidence };
}

export const verdictBodySchema = z
  .object({
    verdict: z.enum(VERDICT_KINDS as [string, ...string[]]),
    note: z.string().max(2000, 'a note is at most 2000 characters').optional(),
  })
  .strict();

export const reviewerSchema = z.string().regex(/^[A-Za-z0-9._@+-]{1,128}$/, 'a reviewer id is 1-128 letters, digits or . _ @ + -');

export async function recordVerdict(deps: ReviewDeps, sweepId: string, caseId: string, reviewer: string, body: unknown): Promise<Verdict> {
  const who = reviewerSchema.safeParse(reviewer);
  if (!who.success) throw new ReviewError('bad-request', `reviewer: ${who.error.issues[0].message}`);
  const parsed = verdictBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ReviewError('bad-request', `invalid verdict: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`);
  }
  const note = parsed.data.note?.trim();
  const verdict: Verdict = { sweepId, caseId, reviewer, verdict: parsed.data.verdict as Verdict['verdict'], ...(note ? { note } : {}), at: deps.now() };
  await deps.repo.recordVerdict(verdict);
  return verdict;
}

/** The gate over the verdicts so far, without closing anything. */
export async function currentGate(deps: ReviewDeps, sweepId: string): Promise<GateReport> {
  await requireSession(deps, sweepId);
  const [cases, verdicts, policy] = await Promise.all([deps.repo.cases(sweepId), deps.repo.verdicts(sweepId), readSweepPolicy(deps.work, sweepId)]);
  return precisionGate(cases, verdicts, reviewPolicyOf(policy));
}

/**
 * Closes the review: the gate decides which rules (and individually rejected accounts) are held,
 * sample.json records it for the enforce stage, the session closes, and the sweep's waiting task
 * completes. Closing a closed review again only re-sends the outcome (a resume after a crash).
 */
export async function closeReview(deps: ReviewDeps, sweepId: string, closedBy: string): Promise<{ outcome: ReviewOutcome; gate: GateReport; alreadyClosed: boolean }> {
  let session = await requireSession(deps, sweepId);
  if (session.status === 'timed-out') throw new ReviewError('review-closed', `the review of sweep ${sweepId} timed out at ${session.closedAt}; nothing of it was enforced`);
  if (session.status === 'open' && Date.parse(deps.now()) > Date.parse(session.deadline)) {
    throw new ReviewError('review-closed', `the review of sweep ${sweepId} timed out at ${session.deadline}; nothing of it is enforced`);
  }
  if (session.status === 'open') {
    const gate = await currentGate(deps, sweepId);
    const cases = await deps.repo.cases(sweepId);
    const closedAt = deps.now();
    const previous = await readSampleIfAny(deps.work, sweepId);
    const sample: SampleFile = {
      review: 'human',
      status: 'closed',
      sampled: cases.length,
      byRule: countByRule(cases),
      heldRules: gate.heldRules,
      heldAccounts: gate.heldAccounts,
      strata: previous?.strata,
      gate,
      closedAt,
      closedBy,
      // closing releases the sweep to Enforce: its penalties start now, unless the sweep fixed the time
      enforceAt: (await readPlan(deps.work, sweepId)).enforceAt ?? closedAt,
    };
    const outcome: ReviewOutcome = { review: 'human', status: 'closed', sampled: cases.length, reviewed: gate.reviewed, heldRules: gate.heldRules, heldAccounts: gate.heldAccounts.length };
    // sample.json first: if the session closes, enforce finds the gate's decision, never the placeholder.
    await writeSample(deps.work, sweepId, sample);
    const ended = await deps.repo.endSession(sweepId, { status: 'closed', closedAt, closedBy, result: { outcome, gate } });
    if (!ended) return closeReview(deps, sweepId, closedBy); // someone else closed it or it timed out meanwhile
    await deps.tokens(session.taskToken).succeed(session.taskToken, outcome);
    return { outcome, gate, alreadyClosed: false };
  }
  session = (await deps.repo.session(sweepId))!;
  const { outcome, gate } = session.result as { outcome: ReviewOutcome; gate: GateReport };
  try {
    await deps.tokens(session.taskToken).succeed(session.taskToken, outcome);
  } catch {
    /* already completed: nothing to resume */
  }
  return { outcome, gate, alreadyClosed: true };
}

/** The fail-safe path: the review ran out of time, so nothing of the sweep is enforced. */
export async function timeOutReview(deps: ReviewDeps, sweepId: string): Promise<SampleFile> {
  const session = await deps.repo.session(sweepId);
  const closedAt = deps.now();
  if (session?.status === 'open') await deps.repo.endSession(sweepId, { status: 'timed-out', closedAt, closedBy: 'timeout', result: null });
  const previous = await readSampleIfAny(deps.work, sweepId);
  const cases = await deps.repo.cases(sweepId);
  const sample: SampleFile = {
    review: 'human',
    status: 'timed-out',
    sampled: cases.length,
    byRule: countByRule(cases),
    heldRules: [...new Set([...(previous?.heldRules ?? []), ...cases.map((c) => c.ruleId)])].sort(),
    strata: previous?.strata,
    closedAt,
    closedBy: 'timeout',
  };
  await writeSample(deps.work, sweepId, sample);
  return sample;
}
