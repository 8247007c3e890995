/** Review cases drawn by the sampler, and their verdicts. */
export interface ReviewCase {
  sweepId: string;
  caseId: string;
  accountId: string;
  ruleId: string;
  action: string;
  followerTier: string;
  status: 'pending' | 'accepted';
  verdict?: 'correct' | 'wrong-code' | 'not-a-violation';
  reviewer?: string;
}

export interface ReviewRepository {
  putCases(cases: ReviewCase[]): Promise<number>;
  cases(sweepId: string): Promise<ReviewCase[]>;
}
