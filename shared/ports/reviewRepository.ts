/** Review cases drawn by the sampler, the review session a `review: human` sweep waits on, and verdicts. */
export type VerdictKind = 'correct' | 'wrong-code' | 'not-a-violation';
export const VERDICT_KINDS: readonly VerdictKind[] = ['correct', 'wrong-code', 'not-a-violation'];

export interface ReviewCase {
  sweepId: string;
  caseId: string;
  accountId: string;
  ruleId: string;
  action: string;
  followerTier: string;
  status: 'pending' | 'accepted';
  verdict?: VerdictKind;
  reviewer?: string;
  /** `ruleId|action|tier` (human review), or `<why>|ruleId` for cases reviewed in full. */
  stratum?: string;
  /** `sample`: drawn from its stratum; `full`: every such decision is reviewed (high-reach accounts). */
  selection?: 'sample' | 'full';
  /** Why a case is reviewed in full (e.g. `followers>=100000`). */
  reason?: string;
  /** Decisions the case stands for (stratum size / cases drawn from it); 1 for full review. */
  weight?: number;
  code?: string;
  followerCount?: number;
}

export interface ReviewSession {
  sweepId: string;
  status: 'open' | 'closed' | 'timed-out';
  /** The Step Functions task token the sweep waits on (`local:…` on the embedded stack). */
  taskToken: string;
  openedAt: string;
  /** When the review times out (openedAt + policy review.timeoutHours). */
  deadline: string;
  cases: number;
  closedAt?: string;
  closedBy?: string;
  /** What closing decided (the gate's report), sent back to the sweep as the task's output. */
  result?: unknown;
}

export interface Verdict {
  sweepId: string;
  caseId: string;
  reviewer: string;
  verdict: VerdictKind;
  note?: string;
  at: string;
}

export type ReviewErrorCode = 'unknown-case' | 'duplicate-verdict' | 'review-closed' | 'no-review' | 'bad-request';

/** A refused review request: nothing was changed. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ReviewRepository {
  putCases(cases: ReviewCase[]): Promise<number>;
  cases(sweepId: string): Promise<ReviewCase[]>;
  /** Creates the session unless one exists; false when it already did (a re-run of the sampling step). */
  openSession(session: ReviewSession): Promise<boolean>;
  session(sweepId: string): Promise<ReviewSession | undefined>;
  /** Open sessions and recently closed ones (for the console's index). */
  sessions(): Promise<ReviewSession[]>;
  /**
   * Records one verdict atomically: refused with ReviewError when the case is unknown
   * (`unknown-case`), the reviewer already judged it (`duplicate-verdict`) or the session is not
   * open (`review-closed` / `no-review`).
   */
  recordVerdict(verdict: Verdict): Promise<void>;
  verdicts(sweepId: string): Promise<Verdict[]>;
  /** Moves an open session to closed or timed-out; false when it was not open. */
  endSession(sweepId: string, end: { status: 'closed' | 'timed-out'; closedAt: string; closedBy: string; result: unknown }): Promise<boolean>;
}
