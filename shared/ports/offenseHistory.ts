/** Prior offenses per account, read from the penalty state kept beside the ledger. */
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { PriorOffense } from '#shared/policy/decideAction';

export interface OffenseHistory {
  priorOffenses(accountIds: string[]): Promise<Map<string, PriorOffense[]>>;
  /**
   * Brand points deductions already recorded per brand account (all kept periods, restored ones
   * included). Optional: a history without it (bench, replay) sees none.
   */
  brandDeductions?(accountIds: string[]): Promise<Map<string, BrandDeduction[]>>;
}
