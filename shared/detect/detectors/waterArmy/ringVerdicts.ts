/** The repetition check: one burst on one note is never enough; the same partners on several notes are. */
import type { DetectContext } from '../../detectorPorts.ts';
import type { Signal } from '../../finding.ts';
import { thresholdsOf } from '../common.ts';
import { RULE_PRAISE, RULE_QA } from './rules.ts';

export interface RingStats {
  notes: Set<string>;
  partnerNotes: Map<string, Set<string>>;
  commentIds: Set<string>;
}

function ringStats(signals: Signal[]): RingStats {
  const st: RingStats = { notes: new Set(), partnerNotes: new Map(), commentIds: new Set() };
  for (const s of signals) {
    st.notes.add(s.key);
    for (const c of s.detail.commentIds ?? []) st.commentIds.add(c);
    for (const p of s.detail.relatedAccountIds ?? []) {
      let set = st.partnerNotes.get(p);
      if (!set) st.partnerNotes.set(p, (set = new Set()));
      set.add(s.key);
    }
  }
  return st;
}

function repeatPartners(st: RingStats, minShared: number): string[] {
  return [...st.partnerNotes.entries()]
    .filter(([, notes]) => notes.size >= minShared)
    .map(([p]) => p)
    .sort();
}

/** Why an account is a confirmed ring member under one rule (the repetition check). */
export interface RingVerdict {
  rule: typeof RULE_PRAISE | typeof RULE_QA;
  stats: RingStats;
  /** Partners met on ≥ minSharedNotes notes. */
  partners: string[];
  /** Notes on which the account answered "where to buy" privately (scripted-qa only). */
  answered: number;
  serialAnswerer: boolean;
  /** Notes on which the account was in a staged act of ≥ minCastAccounts accounts (scripted-qa only). */
  castNotes: number;
}

/**
 * The repetition check, shared by the account detector (resolve) and the ring expansion
 * (ExpandRings): an account is a confirmed member when, under praise-ring or scripted-qa, it
 * acted on ≥ minNotes notes with ≥ minPartners partners each met on ≥ minSharedNotes notes,
 * or it is a serial private-link answerer. `signals` are the account's own water-army signals.
 */
export function ringVerdicts(signals: Signal[], ctx: DetectContext): RingVerdict[] {
  const out: RingVerdict[] = [];
  for (const rule of [RULE_PRAISE, RULE_QA] as const) {
    const sigs = signals.filter((s) => s.ruleId === rule);
    if (sigs.length === 0) continue;
    const th = thresholdsOf(ctx, rule);
    const stats = ringStats(sigs);
    const partners = repeatPartners(stats, th.minSharedNotes);
    // a scripted answerer: private-link answers to "where to buy" on many notes, whoever asked
    const answered = rule === RULE_QA ? new Set(sigs.filter((x) => x.detail.clusterKey === 'qa:answer').map((x) => x.key)).size : 0;
    const serialAnswerer = rule === RULE_QA && answered >= th.minAnsweredNotes;
    // a ring rotating its cast: a large staged act on several notes, even with different partners each time
    const castNotes =
      rule === RULE_QA ? new Set(sigs.filter((x) => x.detail.clusterKey === 'qa:sitting' && (x.detail.relatedAccountIds ?? []).length + 1 >= th.minCastAccounts).map((x) => x.key)).size : 0;
    const repeatCast = castNotes >= th.minNotes;
    if (!serialAnswerer && !repeatCast && (stats.notes.size < th.minNotes || partners.length < th.minPartners)) continue;
    out.push({ rule, stats, partners, answered, serialAnswerer, castNotes });
  }
  return out;
}
