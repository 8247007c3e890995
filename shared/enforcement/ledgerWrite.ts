/**
 * What one ledger act writes, as data: the domain plans it (planApply, planLift, planReversal,
 * planAppealDecision) and a repository only turns it into one all-or-nothing transaction. Every
 * write carries its condition, so a repository never decides anything: it reports which
 * condition failed and the caller maps that to an outcome.
 */
import { chainEntries, headOf } from '#shared/audit/hashChain';
import type { AppealRecord } from '#shared/audit/appeals';
import type { OutboxMessage } from '#shared/ports/enforcementRepository';
import type { LedgerEntry, PenaltyState } from './ledgerEntry.ts';

export interface LedgerWrite {
  accountId: string;
  /** Entries already linked into the account's hash chain; each is put only if its key is new. */
  entries: LedgerEntry[];
  /**
   * The account's penalty state afterwards (head of the chain moved, version + 1). An active timed
   * penalty on it is the pending lift (pendingLift.ts): no lift row is written beside it.
   */
  penalty: PenaltyState;
  /** The version the state must still have; undefined: the account must have no state yet. */
  expectedVersion: number | undefined;
  /** Outbox messages, each put only if new. */
  messages: OutboxMessage[];
  /** An appeal to record, only if the action was not appealed yet. */
  newAppeal?: AppealRecord;
  /** An appeal decided by this act, only if it is still pending. */
  decidedAppeal?: AppealRecord;
}

/** Which condition of a write failed: a retry (state moved) or an outcome for the caller to name. */
export type WriteFailure = { kind: 'entry'; entryKey: string } | { kind: 'penalty' | 'new-appeal' | 'decided-appeal' } | { kind: 'message'; messageKey: string };

export type WriteResult = { ok: true } | { ok: false; failed: WriteFailure[] };

/**
 * Links `entries` after the account's chain head and moves the head on `penalty` (by default the
 * current state unchanged): the part every act shares.
 */
export function appendToLedger(
  current: PenaltyState | undefined,
  entries: LedgerEntry[],
  act: Omit<Partial<LedgerWrite>, 'entries' | 'expectedVersion' | 'accountId'> & { accountId?: string } = {},
): LedgerWrite {
  const base = act.penalty ?? current;
  if (!base) throw new Error(`account ${act.accountId ?? entries[0]?.accountId} has no penalty state (it was never enforced)`);
  const { entries: linked, head } = chainEntries(entries, headOf(current));
  return {
    accountId: base.accountId,
    entries: linked,
    penalty: { ...base, version: (current?.version ?? 0) + 1, chainSeq: head.seq, chainHash: head.hash },
    expectedVersion: current?.version,
    messages: act.messages ?? [],
    ...(act.newAppeal ? { newAppeal: act.newAppeal } : {}),
    ...(act.decidedAppeal ? { decidedAppeal: act.decidedAppeal } : {}),
  };
}
