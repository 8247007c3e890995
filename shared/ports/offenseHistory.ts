/** Prior offenses per account, read from the penalty state kept beside the ledger. */
import type { PriorOffense } from '#shared/policy/decideAction';

export interface OffenseHistory {
  priorOffenses(accountIds: string[]): Promise<Map<string, PriorOffense[]>>;
}
