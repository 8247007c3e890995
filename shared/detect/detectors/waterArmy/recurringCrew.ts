/**
 * The recurring-crew verdict (resolve): an account that ran in lockstep with the same ≥ minPartners
 * accounts on ≥ minSharedNotes notes each, and sold, amplified or asked where to buy in ≥
 * minSellingComments of those runs' comments. Hired crews praising a business's notes return
 * together to every note within minutes, in words no lexicon lists ("环境很干净", "医生很专业");
 * friends and fans recur too, but rarely as a block of several that also sells. Supporting evidence
 * only: alone it warns or limits, never suspends (ruleEvidence.ts).
 */
import type { DetectContext } from '../../detectorPorts.ts';
import type { Finding, Signal } from '../../finding.ts';
import { capped, finding, thresholdsOf } from '../common.ts';
import { CODE, RULE_CREW } from './rules.ts';

export function recurringCrewFinding(accountId: string, signals: Signal[], ctx: DetectContext): Finding | undefined {
  const runs = signals.filter((s) => s.ruleId === RULE_CREW);
  if (runs.length === 0) return undefined;
  const th = thresholdsOf(ctx, RULE_CREW);
  const notesWith = new Map<string, Set<string>>();
  let selling = 0;
  for (const s of runs) {
    selling += Number((s.detail.clusterKey ?? '').replace('selling:', '')) || 0;
    for (const p of s.detail.relatedAccountIds ?? []) {
      let set = notesWith.get(p);
      if (!set) notesWith.set(p, (set = new Set()));
      set.add(s.key);
    }
  }
  const partners = [...notesWith].filter(([, notes]) => notes.size >= th.minSharedNotes).map(([p]) => p);
  if (partners.length < th.minPartners || selling < th.minSellingComments) return undefined;
  const crewNotes = new Set<string>();
  const commentIds: string[] = [];
  for (const p of partners) for (const n of notesWith.get(p)!) crewNotes.add(n);
  for (const s of runs) if (crewNotes.has(s.key)) commentIds.push(...(s.detail.commentIds ?? []));
  return finding(accountId, CODE, RULE_CREW, Math.min(0.85, 0.5 + 0.02 * partners.length + 0.03 * crewNotes.size), {
    summary: `commented in lockstep with the same ${partners.length} accounts on ${crewNotes.size} notes, selling or asking where to buy ${selling} times`,
    noteIds: capped(crewNotes, 20),
    commentIds: capped(commentIds, 20),
    relatedAccountIds: capped(partners, 20),
  });
}
