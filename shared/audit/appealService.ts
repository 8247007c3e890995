/** Appeals: submit within the policy's window, decide once; upheld reverses the action completely. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { EnforcementRepository, OutboxMessage } from '#shared/ports/enforcementRepository';
import type { LiftScheduler } from '#shared/ports/liftScheduler';
import { rearmRestoredLift } from './rearmLift.ts';
import type { NotificationSink } from '#shared/ports/notificationSink';
import { ledgerKey, type LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { readPinnedPolicy } from '#shared/pipeline/sweepArtifacts';
import { policyPath } from '#shared/pipeline/sweepPaths';
import { appealDecideSchema, appealDeadline, appealIdFor, appealSubmitSchema, AuditInputError, type AppealRecord, type AppealSubmit } from './appeals.ts';
import { contentRestoreEntry, openContentEntries } from '#shared/enforcement/planContentEnforcement';
import { appealSubmitEntry, planAppealClose, planContentAppealClose } from './planAppealDecision.ts';
import { reversedSweeps } from './restorePenalty.ts';

export interface AuditDeps {
  audit: AuditRepository;
  enforcement: Pick<EnforcementRepository, 'markDelivered' | 'outbox' | 'outboxMessages'>;
  sink: NotificationSink;
  scheduler: LiftScheduler;
  work: BlobStore;
}

function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AuditInputError(r.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; '), 'invalid');
  return r.data;
}

/** The policy a past action was decided under (pinned under policies/ by Plan). */
export async function policyOfVersion(work: BlobStore, version: string): Promise<Policy> {
  const pinned = await readPinnedPolicy(work, version);
  if (pinned) return pinned;
  const fallback = defaultPolicy();
  if (fallback.policyVersion === version) return fallback;
  throw new AuditInputError(`policy version ${version} is not stored at ${work.describe(policyPath(version))}`, 'not-found');
}

export async function publishNow(deps: AuditDeps, messages: OutboxMessage[], now: string): Promise<number> {
  if (messages.length === 0) return 0;
  await deps.sink.publish(messages);
  await deps.enforcement.markDelivered(messages, now);
  return messages.length;
}

export async function submitAppeal(deps: AuditDeps, request: unknown, opts: { now: string; channel: 'cli' | 'api' }): Promise<AppealRecord> {
  const input = validate(appealSubmitSchema, request);
  const entries = await deps.audit.ledgerFor(input.accountId);
  if (entries.length === 0) throw new AuditInputError(`account "${input.accountId}" has no ledger entries: nothing to appeal`, 'not-found');
  if (input.contentId) return submitContentAppeal(deps, input, entries, opts);
  const reversed = reversedSweeps(entries);
  let target: LedgerEntry | undefined;
  if (input.sweepId) {
    target = entries.find((e) => e.entryKey === ledgerKey(input.sweepId!, 'enforce'));
    if (!target) throw new AuditInputError(`account "${input.accountId}" has no action from sweep "${input.sweepId}"`, 'not-found');
  } else {
    const open = entries.filter((e) => e.step === 'enforce' && !reversed.has(e.sweepId)).sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt));
    target = open.at(-1);
    if (!target) throw new AuditInputError(`account "${input.accountId}" has no action that is not already reversed`, 'conflict');
  }
  if (reversed.has(target.sweepId)) throw new AuditInputError(`the action of sweep "${target.sweepId}" on "${input.accountId}" is already reversed`, 'conflict');
  return fileAppeal(deps, input, target, opts, { window: `the action of sweep "${target.sweepId}"`, already: 'this action' });
}

/**
 * An appeal of one note or comment: against the latest content action on that item (of `sweepId` when
 * given) not restored yet, within the window of the policy it was decided under. Its own appeal id, so
 * an account may appeal its penalty and each of its items separately.
 */
async function submitContentAppeal(deps: AuditDeps, input: AppealSubmit, entries: LedgerEntry[], opts: { now: string; channel: 'cli' | 'api' }): Promise<AppealRecord> {
  const itemId = input.contentId!;
  const acted = entries.filter((e) => e.step === 'content' && e.content?.itemId === itemId && (!input.sweepId || e.sweepId === input.sweepId));
  if (acted.length === 0)
    throw new AuditInputError(`account "${input.accountId}" has no removed or limited note or comment "${itemId}"${input.sweepId ? ` from sweep "${input.sweepId}"` : ''}`, 'not-found');
  const open = openContentEntries(entries).filter((e) => acted.includes(e));
  const target = open.sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt) || a.sweepId.localeCompare(b.sweepId)).at(-1);
  if (!target) throw new AuditInputError(`the ${acted[0].content!.kind} "${itemId}" of "${input.accountId}" is already restored`, 'conflict');
  const item = { kind: target.content!.kind, itemId };
  return fileAppeal(deps, input, target, opts, { window: `the action on ${item.kind} "${itemId}"`, already: `this ${item.kind}`, item });
}

/**
 * Files an appeal of `target` (an enforce or content entry): within the window of the policy it was decided under,
 * once per action or item (its appeal id), with the ledger's appeal entry in the same write.
 */
async function fileAppeal(
  deps: AuditDeps,
  input: AppealSubmit,
  target: LedgerEntry,
  opts: { now: string; channel: 'cli' | 'api' },
  about: { window: string; already: string; item?: { kind: 'note' | 'comment'; itemId: string } },
): Promise<AppealRecord> {
  const policy = await policyOfVersion(deps.work, target.policyVersion);
  const deadline = appealDeadline(target.appliedAt ?? target.effectiveAt, policy.appeal.windowDays);
  if (opts.now > deadline) {
    throw new AuditInputError(
      `outside the appeal window: ${about.window} took effect ${target.appliedAt ?? target.effectiveAt}; policy ${policy.policyVersion} allows ${policy.appeal.windowDays} days (until ${deadline})`,
      'invalid',
    );
  }
  const appealId = appealIdFor(input.accountId, target.sweepId, about.item);
  const existing = await deps.audit.getAppeal(appealId);
  if (existing) throw new AuditInputError(`${about.already} was already appealed: ${appealId} (${existing.status}, submitted ${existing.submittedAt})`, 'conflict');
  const appeal: AppealRecord = {
    appealId,
    accountId: input.accountId,
    sweepId: target.sweepId,
    entryKey: target.entryKey,
    action: target.action,
    policyVersion: target.policyVersion,
    statement: input.statement,
    channel: opts.channel,
    submittedAt: opts.now,
    deadline,
    status: 'pending',
    ...(about.item ? { content: about.item } : {}),
  };
  if ((await deps.audit.submitAppeal(appeal, appealSubmitEntry(appeal, target))) === 'exists') throw new AuditInputError(`${about.already} was already appealed: ${appealId}`, 'conflict');
  return appeal;
}

/** Upheld: the item is restored (unless a wave already did) in the decision's transaction; the account's penalty stays. Rejected: the removal stands. */
async function decideContentAppeal(deps: AuditDeps, decided: AppealRecord): Promise<AppealDecisionResult> {
  const entries = await deps.audit.ledgerFor(decided.accountId);
  const target = entries.find((e) => e.entryKey === decided.entryKey);
  if (!target) throw new AuditInputError(`the content action appeal ${decided.appealId} is about (${decided.entryKey}) is not in the ledger`, 'not-found');
  const restored = !openContentEntries(entries).some((e) => e.entryKey === target.entryKey);
  const restore =
    decided.status === 'upheld' && !restored
      ? contentRestoreEntry(target, { actor: 'appeal-handler', reason: decided.decisionReason ?? '', ref: `appeal:${decided.appealId}`, now: decided.decidedAt!, appealId: decided.appealId })
      : undefined;
  const closing = planContentAppealClose(decided, target, restore);
  if ((await deps.audit.closeAppeal(closing)) === 'already-decided') throw new AuditInputError(`appeal ${decided.appealId} was decided meanwhile; nothing changed`, 'conflict');
  const notified = await publishNow(deps, [...(closing.messages ?? []), closing.notice], decided.decidedAt!);
  return { appeal: decided, reversed: false, contentRestored: restore !== undefined, cancelledLifts: 0, notified };
}

export interface AppealDecisionResult {
  appeal: AppealRecord;
  reversed: boolean;
  /** A content appeal upheld: the note or comment was restored by this decision. */
  contentRestored?: boolean;
  cancelledLifts: number;
  notified: number;
}

export async function decideAppeal(deps: AuditDeps, request: unknown, opts: { now: string }): Promise<AppealDecisionResult> {
  const input = validate(appealDecideSchema, request);
  const appeal = await deps.audit.getAppeal(input.appealId);
  if (!appeal) throw new AuditInputError(`no appeal with id "${input.appealId}"`, 'not-found');
  if (appeal.status !== 'pending') throw new AuditInputError(`appeal ${appeal.appealId} was already decided: ${appeal.status} by ${appeal.decidedBy} at ${appeal.decidedAt}`, 'conflict');
  const decided: AppealRecord = { ...appeal, status: input.outcome, decidedAt: opts.now, decidedBy: input.decidedBy, decisionReason: input.reason };
  const alreadyDecided = () => new AuditInputError(`appeal ${appeal.appealId} was decided meanwhile; nothing changed`, 'conflict');
  if (appeal.content) return decideContentAppeal(deps, decided);

  if (input.outcome === 'upheld') {
    const r = await deps.audit.reverse({
      accountId: appeal.accountId,
      sweepId: appeal.sweepId,
      actor: 'appeal-handler',
      reason: input.reason,
      ref: `appeal:${appeal.appealId}`,
      now: opts.now,
      appeal: decided,
    });
    if (r.outcome === 'appeal-already-decided') throw alreadyDecided();
    if (r.outcome === 'reversed') {
      for (const lift of r.cancelledLifts) await deps.scheduler.cancel(lift);
      await rearmRestoredLift(deps.scheduler, r, opts.now);
      const notified = await publishNow(deps, r.messages, opts.now);
      return { appeal: decided, reversed: true, cancelledLifts: r.cancelledLifts.length, notified };
    }
    // The action was reversed by other means (a wave reversal) meanwhile: record the decision only.
  }
  const entries = await deps.audit.ledgerFor(appeal.accountId);
  const target = entries.find((e) => e.entryKey === appeal.entryKey);
  if (!target) throw new AuditInputError(`the action appeal ${appeal.appealId} is about (${appeal.entryKey}) is not in the ledger`, 'not-found');
  // Rejecting an appeal against an action already reversed would tell the account its penalty stands when it does not.
  const reversal = entries.find((e) => e.entryKey === ledgerKey(appeal.sweepId, 'reverse'));
  if (input.outcome === 'rejected' && reversal)
    throw new AuditInputError(
      `the action appeal ${appeal.appealId} is about was already reversed (${reversal.evidenceRef} at ${reversal.effectiveAt}); a rejection would contradict it: decide it upheld`,
      'conflict',
    );
  const closing = planAppealClose(decided, target);
  if ((await deps.audit.closeAppeal(closing)) === 'already-decided') throw alreadyDecided();
  const notified = await publishNow(deps, [closing.notice], opts.now);
  return { appeal: decided, reversed: false, cancelledLifts: 0, notified };
}
