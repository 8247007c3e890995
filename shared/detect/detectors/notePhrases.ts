/**
 * Channel `note-phrases`: a tally of the clauses notes are made of (text/commonPhrasing.ts). A clause
 * written by ≥ commonPhraseAccounts distinct accounts, with no window of windowDays holding commonBurstShare
 * of them, is the population's phrasing: it grows with the population, where a matrix's template gathers its
 * accounts in one burst and a copied note's clauses stay with its copiers. Resolve discounts such clauses
 * when it judges copies (homogeneous-content), so a note composed of stock sentences is not a copy at any size.
 */
import type { Channel, Note } from '../detectorPorts.ts';
import { noteClauses } from '../text/commonPhrasing.ts';
import { densestWindowAccounts, epochSeconds, thresholdsOf } from './common.ts';
import { RULE_CROSS } from './homogeneousContent.ts';

const CODE = 'homogeneous-content' as const;

type PhraseRow = { a: string; t: number };

export const notePhrasesChannel: Channel = {
  name: 'note-phrases',
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'notes') return [];
    const n = record as Note;
    const row: PhraseRow = { a: n.accountId, t: epochSeconds(n.createdAt) };
    return noteClauses(n.title, n.body).map((c) => ({ key: c.key, row }));
  },
  group() {
    return [];
  },
  common(_key, raw, ctx) {
    if (!ctx.enabled(CODE)) return false;
    const th = thresholdsOf(ctx, RULE_CROSS);
    if (raw.length < th.commonPhraseAccounts) return false;
    const rows = (raw as unknown as PhraseRow[]).slice().sort((x, y) => x.t - y.t || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
    const accounts = new Set(rows.map((r) => r.a)).size;
    return accounts >= th.commonPhraseAccounts && densestWindowAccounts(rows, th.windowDays * 86400) < th.commonBurstShare * accounts;
  },
};
