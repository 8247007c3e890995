/**
 * The enforcement and audit repositories in memory: the same ports, plans and acts (ledgerActs.ts)
 * as the DynamoDB adapters, with Maps for tables and a write that checks every condition before
 * it changes anything. Ledger behaviour (appeals, reversals, lifts, penalty merging) is tested on
 * it in milliseconds, and the contract suite (tests/contract/ledgerContract.ts) holds both
 * implementations to the same results.
 *
 * Items are copied through JSON on the way in and out, like a database: callers never share
 * objects with the store, and undefined members are dropped as the DynamoDB client drops them.
 */
import type { AppealRecord } from '#shared/audit/appeals';
import type { SweepAnchor } from '#shared/audit/hashChain';
import { anchoredWrite, type LedgerAnchorer } from '#shared/audit/ledgerAnchor';
import type { AppealClosing } from '#shared/audit/planAppealDecision';
import type { BrandDeduction } from '#shared/brand/brandPoints';
import type { LedgerEntry, LiftRow, PenaltyState } from '#shared/enforcement/ledgerEntry';
import type { LedgerWrite, WriteFailure, WriteResult } from '#shared/enforcement/ledgerWrite';
import { liftViews, pendingLiftOf } from '#shared/enforcement/pendingLift';
import type { PlannedEnforcement } from '#shared/enforcement/planEnforcement';
import type { PriorOffense } from '#shared/policy/decideAction';
import type { AppealFilter, AuditRepository, ContentRestoreRequest, ReverseRequest, ReverseResult } from '#shared/ports/auditRepository';
import type { ApplyOutcome, EnforcementRepository, LiftOutcome, MessageKey, OutboxMessage } from '#shared/ports/enforcementRepository';
import { applyActsGrouped, type GroupLedgerStore, type GroupWriteResult } from './ledgerGroupActs.ts';
import { applyAct, brandDeductionsOf, closeAppealAct, restoreContentAct, priorOffensesOf, liftAct, liftOf, reverseAct, submitAppealAct, type LedgerStore } from './ledgerActs.ts';

const copy = <T>(item: T): T => JSON.parse(JSON.stringify(item)) as T;
/** DynamoDB orders sort keys by bytes, not by locale. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class MemoryLedger implements EnforcementRepository, AuditRepository {
  private readonly ledger = new Map<string, Map<string, LedgerEntry>>();
  private readonly penaltyItems = new Map<string, PenaltyState>();
  private readonly outboxItems = new Map<string, OutboxMessage>();
  private readonly appeals = new Map<string, AppealRecord>();
  private readonly anchors = new Map<string, SweepAnchor>();

  /** With an anchorer, every write is anchored first, as on DynamoDB in a configured stack. */
  constructor(private readonly anchorer?: LedgerAnchorer) {}

  // ---------------------------------------------------------------- reads

  async penalty(accountId: string): Promise<PenaltyState | undefined> {
    const s = this.penaltyItems.get(accountId);
    return s && copy(s);
  }

  async penalties(accountIds: string[]): Promise<Map<string, PenaltyState>> {
    const out = new Map<string, PenaltyState>();
    for (const id of accountIds) {
      const s = this.penaltyItems.get(id);
      if (s) out.set(id, copy(s));
    }
    return out;
  }

  priorOffenses(accountIds: string[]): Promise<Map<string, PriorOffense[]>> {
    return priorOffensesOf(this, accountIds);
  }

  brandDeductions(accountIds: string[]): Promise<Map<string, BrandDeduction[]>> {
    return brandDeductionsOf(this, accountIds);
  }

  async ledgerFor(accountId: string): Promise<LedgerEntry[]> {
    return copy([...(this.ledger.get(accountId)?.values() ?? [])].sort((a, b) => byKey(a.entryKey, b.entryKey)));
  }

  async ledgerEntries(keys: Array<Pick<LedgerEntry, 'accountId' | 'entryKey'>>): Promise<LedgerEntry[]> {
    return copy(keys.flatMap((k) => this.ledger.get(k.accountId)?.get(k.entryKey) ?? []));
  }

  async ledgerForSweep(sweepId: string): Promise<LedgerEntry[]> {
    return (await this.allLedger()).filter((e) => e.sweepId === sweepId).sort((a, b) => byKey(a.accountId, b.accountId) || byKey(a.entryKey, b.entryKey));
  }

  async allLedger(): Promise<LedgerEntry[]> {
    return copy([...this.ledger.values()].flatMap((m) => [...m.values()]));
  }

  async allPenalties(): Promise<PenaltyState[]> {
    return copy([...this.penaltyItems.values()]);
  }

  /** Every timed action's lift and what became of it (pendingLift.ts), as the tests inspect them. */
  async allLifts(): Promise<LiftRow[]> {
    const out: LiftRow[] = [];
    for (const [accountId, entries] of this.ledger) out.push(...liftViews([...entries.values()], this.penaltyItems.get(accountId)).values());
    return copy(out);
  }

  async allAppeals(): Promise<AppealRecord[]> {
    return copy([...this.appeals.values()]);
  }

  async outbox(sweepId: string | undefined, opts: { pendingOnly?: boolean } = {}): Promise<OutboxMessage[]> {
    const all = [...this.outboxItems.values()].filter((m) => (sweepId === undefined || m.sweepId === sweepId) && (!opts.pendingOnly || m.status === 'pending'));
    return copy(sweepId ? all.sort((a, b) => byKey(a.messageKey, b.messageKey)) : all.sort((a, b) => (a.sweepId + a.messageKey).localeCompare(b.sweepId + b.messageKey)));
  }

  async pendingOutbox(sweepId: string, bucket: number, page: { limit: number; after?: string }): Promise<OutboxMessage[]> {
    const after = page.after;
    return copy(
      [...this.outboxItems.values()]
        .filter((m) => m.sweepId === sweepId && m.bucket === bucket && m.status === 'pending' && (after === undefined || m.messageKey > after))
        .sort((a, b) => byKey(a.messageKey, b.messageKey))
        .slice(0, page.limit),
    );
  }

  async outboxMessages(keys: MessageKey[]): Promise<OutboxMessage[]> {
    return copy(keys.map((k) => this.outboxItems.get(`${k.sweepId}\u0000${k.messageKey}`)).filter((m): m is OutboxMessage => m !== undefined));
  }

  getLift(liftId: string): Promise<LiftRow | undefined> {
    return liftOf(this.store, liftId);
  }

  /** The states that carry a pending lift due by `now`, as DynamoDB's lift index lists them. */
  async dueLifts(now: string, limit: number, after?: Pick<LiftRow, 'accountId' | 'dueAt'>): Promise<LiftRow[]> {
    const order = (a: Pick<LiftRow, 'accountId' | 'dueAt'>, b: Pick<LiftRow, 'accountId' | 'dueAt'>) => byKey(a.dueAt, b.dueAt) || byKey(a.accountId, b.accountId);
    return copy(
      [...this.penaltyItems.values()]
        .map(pendingLiftOf)
        .filter((l): l is LiftRow => l !== undefined && l.dueAt <= now && (!after || order(l, after) > 0))
        .sort(order)
        .slice(0, limit),
    );
  }

  async getAppeal(appealId: string): Promise<AppealRecord | undefined> {
    const a = this.appeals.get(appealId);
    return a && copy(a);
  }

  async listAppeals(filter: AppealFilter): Promise<AppealRecord[]> {
    const hits = [...this.appeals.values()].filter((a) => (!filter.status || a.status === filter.status) && (!filter.sweepId || a.sweepId === filter.sweepId));
    return copy(hits.sort((a, b) => byKey(a.submittedAt, b.submittedAt) || byKey(a.appealId, b.appealId)));
  }

  async sweepIds(): Promise<string[]> {
    const ids = new Set<string>(this.anchors.keys());
    for (const m of this.ledger.values()) for (const e of m.values()) ids.add(e.sweepId);
    return [...ids].sort(byKey);
  }

  async appealsForSweep(sweepId: string): Promise<AppealRecord[]> {
    return copy([...this.appeals.values()].filter((a) => a.sweepId === sweepId).sort((a, b) => byKey(a.appealId, b.appealId)));
  }

  async sweepAnchors(): Promise<Map<string, SweepAnchor>> {
    return new Map([...this.anchors].map(([k, v]) => [k, copy(v)]));
  }

  // ---------------------------------------------------------------- plain writes

  async markDelivered(messages: OutboxMessage[], at: string): Promise<void> {
    for (const m of messages) this.outboxItems.set(`${m.sweepId}\u0000${m.messageKey}`, copy({ ...m, status: 'delivered', deliveredAt: m.deliveredAt ?? at }));
  }

  async anchorSweep(sweepId: string, anchor: SweepAnchor): Promise<SweepAnchor> {
    if (!this.anchors.has(sweepId)) this.anchors.set(sweepId, copy(anchor));
    return copy(this.anchors.get(sweepId)!);
  }

  // ---------------------------------------------------------------- ledger acts (ledgerActs.ts, as on DynamoDB)

  private readonly store: LedgerStore = {
    penalty: (id) => this.penalty(id),
    ledgerFor: (id) => this.ledgerFor(id),
    write: (w) => anchoredWrite(async (x) => this.write(x), this.anchorer)(w),
  };

  apply(p: PlannedEnforcement, known?: { current: PenaltyState | undefined }): Promise<ApplyOutcome> {
    return applyAct(this.store, p, known);
  }

  private readonly groupStore: GroupLedgerStore = {
    ...this.store,
    writeGroup: async (ws) => {
      await this.anchorer?.anchor(ws.flatMap((w) => w.entries));
      return this.writeGroup(ws);
    },
  };

  applyMany(planned: PlannedEnforcement[], known: ReadonlyMap<string, PenaltyState>): Promise<ApplyOutcome[]> {
    return applyActsGrouped(this.groupStore, planned, known);
  }

  applyLift(lift: LiftRow, now: string): Promise<LiftOutcome> {
    return liftAct(this.store, lift, now);
  }

  reverse(req: ReverseRequest): Promise<ReverseResult> {
    return reverseAct(this.store, req);
  }

  submitAppeal(appeal: AppealRecord, entry: LedgerEntry): Promise<'submitted' | 'exists'> {
    return submitAppealAct(this.store, appeal, entry);
  }

  restoreContent(req: ContentRestoreRequest): Promise<{ restored: number; messages: OutboxMessage[] }> {
    return restoreContentAct(this.store, req);
  }

  closeAppeal(closing: AppealClosing): Promise<'closed' | 'already-decided'> {
    return closeAppealAct(this.store, closing);
  }

  /**
   * One LedgerWrite, all or nothing: every condition is checked before anything changes. No
   * await between the checks and the changes, so nothing else can run in between (the role of
   * DynamoDB's transaction here).
   */
  private write(w: LedgerWrite): WriteResult {
    const failed = this.failures(w);
    if (failed.length > 0) return { ok: false, failed };
    this.commit(w);
    return { ok: true };
  }

  /** Several writes all or none, as one DynamoDB transaction of them (ledgerGroupActs.ts). */
  private writeGroup(ws: LedgerWrite[]): GroupWriteResult {
    const failed = ws.map((w) => this.failures(w));
    if (failed.some((f) => f.length > 0)) return { ok: false, failed };
    for (const w of ws) this.commit(w);
    return { ok: true };
  }

  /** The parts of `w` whose condition does not hold now. */
  private failures(w: LedgerWrite): WriteFailure[] {
    const failed: WriteFailure[] = [];
    const accountLedger = this.ledger.get(w.accountId) ?? new Map<string, LedgerEntry>();
    if (w.decidedAppeal && this.appeals.get(w.decidedAppeal.appealId)?.status !== 'pending') failed.push({ kind: 'decided-appeal' });
    if (w.newAppeal && this.appeals.has(w.newAppeal.appealId)) failed.push({ kind: 'new-appeal' });
    for (const e of w.entries) if (accountLedger.has(e.entryKey)) failed.push({ kind: 'entry', entryKey: e.entryKey });
    const current = this.penaltyItems.get(w.accountId);
    if (w.expectedVersion === undefined ? current !== undefined : current?.version !== w.expectedVersion) failed.push({ kind: 'penalty' });
    for (const m of w.messages) if (this.outboxItems.has(`${m.sweepId}\u0000${m.messageKey}`)) failed.push({ kind: 'message', messageKey: m.messageKey });
    return failed;
  }

  private commit(w: LedgerWrite): void {
    const accountLedger = this.ledger.get(w.accountId) ?? new Map<string, LedgerEntry>();
    if (w.decidedAppeal) {
      const { status, decidedAt, decidedBy, decisionReason } = w.decidedAppeal;
      this.appeals.set(w.decidedAppeal.appealId, copy({ ...this.appeals.get(w.decidedAppeal.appealId)!, status, decidedAt, decidedBy, decisionReason }));
    }
    if (w.newAppeal) this.appeals.set(w.newAppeal.appealId, copy(w.newAppeal));
    for (const e of w.entries) accountLedger.set(e.entryKey, copy(e));
    this.ledger.set(w.accountId, accountLedger);
    this.penaltyItems.set(w.accountId, copy(w.penalty));
    for (const m of w.messages) this.outboxItems.set(`${m.sweepId}\u0000${m.messageKey}`, copy(m));
  }
}
