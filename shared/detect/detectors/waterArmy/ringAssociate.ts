import type { DetectContext } from '../../detectorPorts.ts';
import type { Finding, Signal } from '../../finding.ts';
import { capped, excerpt, finding, thresholdsOf } from '../common.ts';
import { RULE_BURST, RULE_DEVICE } from '../fakeAccount.ts';
import { isBuyQuestion } from './commentRow.ts';
import { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED, CODE, RULE_ASSOCIATE, RULE_PRAISE, RULE_QA } from './rules.ts';

const BULK_REGISTRATION = new Set([RULE_DEVICE, RULE_BURST]);

/** Registered or used in bulk with ≥ `minAccounts` accounts (the fake-account channels' own groups). */
function bulkRegistered(signals: Signal[], minAccounts: number): boolean {
  return signals.some((s) => BULK_REGISTRATION.has(s.ruleId) && (s.detail.relatedAccountIds ?? []).length + 1 >= minAccounts);
}

/**
 * Cluster expansion (SynchroTrap / CopyCatch): once a lockstep group is confirmed by repetition,
 * those who acted in lockstep with it are members too, even if only once. ExpandRings files, for
 * every burst or Q&A act of a confirmed member, a `ring-confirmed` signal naming that member to
 * each of its co-participants; an account not confirmed itself is an associate when, on one
 * note, ≥ minConfirmedPartners distinct confirmed members burst or acted with it, or one did
 * in a lockstep run of ≥ minRunAccounts accounts (chance runs on busy organic notes are small).
 * On a busy note only Q&A partners count, unless the account was registered in bulk.
 */
export function ringAssociateFinding(accountId: string, signals: Signal[], textOf: Map<string, string>, ctx: DetectContext): Finding | undefined {
  const th = thresholdsOf(ctx, RULE_ASSOCIATE);
  const confirmedOn = new Map<string, Set<string>>(); // note → confirmed co-members
  for (const s of signals) {
    // (crew confirmations are crew-associate's: a crew run is not a burst or an act)
    if (s.code !== CODE || s.channel !== CHANNEL_RING_CONFIRMED || s.ruleId !== RULE_ASSOCIATE) continue;
    let set = confirmedOn.get(s.key);
    if (!set) confirmedOn.set(s.key, (set = new Set()));
    for (const a of s.detail.relatedAccountIds ?? []) if (a !== accountId) set.add(a);
  }
  // accounts that burst with this one on each note (its own praise-ring signal there), and whether
  // its run there was interleaved with organic traffic (then its burst partners do not count)
  const burstSize = new Map<string, number>();
  const busy = new Set<string>();
  const asked = new Map<string, boolean>(); // note → every comment of its bursts there asks where to buy
  for (const s of signals) {
    // a burst, or a staged Q&A act (only formed on quiet notes), is a lockstep run
    const praise = s.ruleId === RULE_PRAISE;
    if (s.channel !== CHANNEL_NOTE_COMMENTS || !(praise || (s.ruleId === RULE_QA && s.detail.clusterKey === 'qa:sitting'))) continue;
    burstSize.set(s.key, Math.max(burstSize.get(s.key) ?? 0, (s.detail.relatedAccountIds ?? []).length + 1));
    if (praise && Number(s.detail.clusterKey?.split(':')[1] ?? 0) > th.maxBystanders) busy.add(s.key);
    if (praise) {
      const texts = (s.detail.commentIds ?? []).map((c) => textOf.get(c));
      asked.set(s.key, (asked.get(s.key) ?? true) && texts.length > 0 && texts.every((t) => t !== undefined && isBuyQuestion(t)));
    }
  }
  const qaPartners = new Map<string, Set<string>>();
  for (const s of signals) {
    if (s.channel !== CHANNEL_NOTE_COMMENTS || s.ruleId !== RULE_QA) continue;
    let set = qaPartners.get(s.key);
    if (!set) qaPartners.set(s.key, (set = new Set()));
    for (const p of s.detail.relatedAccountIds ?? []) set.add(p);
  }
  // a reader who only asked "在哪里买的呀 / 求链接" inside a ring's run, and whom no one answered privately, is the
  // audience the act is staged for, not a member (independent set, 200k: 9 clean readers warned, 1 member), unless registered in bulk; the act's
  // own asker is answered (a Q&A pair). There neither its burst nor its sitting lends membership.
  const bulk = bulkRegistered(signals, th.minRunAccounts);
  const answered = new Set(signals.filter((s) => s.channel === CHANNEL_NOTE_COMMENTS && s.ruleId === RULE_QA && s.detail.clusterKey === 'qa:ask').map((s) => s.key));
  for (const [n, onlyAsked] of asked) {
    if (!onlyAsked || answered.has(n) || bulk) continue;
    confirmedOn.delete(n);
    burstSize.delete(n);
  }
  // a busy note sweeps real readers into a ring's run, so there its burst partners do not count; but an account
  // registered in bulk (a device farm, a registration burst) is not a reader who happened to comment at that moment
  if (bulk) busy.clear();
  for (const n of busy) {
    const set = confirmedOn.get(n);
    if (!set) continue;
    const qa = qaPartners.get(n) ?? new Set<string>();
    for (const a of [...set]) if (!qa.has(a)) set.delete(a);
    burstSize.delete(n);
  }
  // several confirmed members beside it; or one, in a lockstep run too large to be chance
  const notes = [...confirmedOn.entries()]
    .filter(([n, set]) => set.size >= th.minConfirmedPartners || (set.size >= 1 && (burstSize.get(n) ?? 0) >= th.minRunAccounts))
    .map(([n]) => n)
    .sort();
  if (notes.length === 0) return undefined;
  const partners = new Set(notes.flatMap((n) => [...confirmedOn.get(n)!]));
  const onNotes = new Set(notes);
  const commentIds = new Set<string>();
  for (const s of signals) {
    if (s.code === CODE && s.channel === CHANNEL_NOTE_COMMENTS && onNotes.has(s.key)) for (const c of s.detail.commentIds ?? []) commentIds.add(c);
  }
  const ids = capped(commentIds, 20);
  const matched = capped(
    ids
      .map((c) => textOf.get(c))
      .filter((t): t is string => !!t)
      .map((t) => excerpt(t, 30)),
    5,
  );
  return finding(accountId, CODE, RULE_ASSOCIATE, Math.min(0.95, 0.6 + 0.05 * partners.size), {
    summary: `commented in lockstep with ${partners.size} confirmed ring member(s) on ${notes.length} note(s)`,
    noteIds: capped(notes, 20),
    commentIds: ids.length ? ids : undefined,
    relatedAccountIds: capped(partners, 20),
    matched: matched.length ? matched : undefined,
  });
}
