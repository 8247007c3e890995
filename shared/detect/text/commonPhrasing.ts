/**
 * Common phrasing: clauses the population writes.
 *
 * Ordinary people compose notes from the stock sentences of a topic ("晚上醒三次，累到怀疑人生",
 * "Mixed feelings honestly"). Two such notes can share most of their words without one copying the other,
 * and the chance that some pair does grows with the population. A clause written by many unrelated
 * accounts, spread over time, is the population's; what a note says beyond such clauses is its own.
 * A copy reproduces that distinctive rest; a matrix's template carries its product, price and pitch.
 *
 * The `note-phrases` channel tallies each clause's distinct accounts over the whole snapshot (group
 * stage); resolve reads the common clauses back and judges copies by their distinctive substance.
 */
import { compactText, normalizeJoined, stripTags } from './normalizeText.ts';
import { textSubstance } from './nearDuplicate.ts';

/** Clause boundaries: sentence and clause punctuation in Chinese and English, line breaks, ellipses, tildes (not the enumeration comma 、: a list is one clause). */
const CLAUSE_SPLIT = /[。！？!?.;；，,\n\r…~～:：|｜()（）【】[\]「」“”"]+/;

/** Clauses under this substance (CJK-character units) are fillers ("哈哈", "ok"): neither common nor distinctive. */
export const MIN_CLAUSE_SUBSTANCE = 4;

export interface Clause {
  /** 12 hex characters: two FNV-1a seeds, so distinct clauses collide about once in 2^48. */
  key: string;
  substance: number;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * `fnv1a32(compact)` in 8 hex digits and the low 16 bits of `fnv1a32(compact, 0x01000193)` in 4: both hashes in
 * one pass and the hex from a byte table (two passes, toString and padStart were 2.4 % of partition, issue 17).
 */
export function clauseKey(compact: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return HEX_BYTE[a >>> 24] + HEX_BYTE[(a >>> 16) & 255] + HEX_BYTE[(a >>> 8) & 255] + HEX_BYTE[a & 255] + HEX_BYTE[(b >>> 8) & 255] + HEX_BYTE[b & 255];
}

/** The distinct clauses of a note with enough substance to mean something, in first-seen order. */
export function noteClauses(title: string | undefined, body: string | undefined): Clause[] {
  const text = normalizeJoined([stripTags(title ?? ''), stripTags(body ?? '')], '\n');
  const out: Clause[] = [];
  const seen = new Set<string>();
  for (const part of text.split(CLAUSE_SPLIT)) {
    const compact = compactText(part);
    if (!compact) continue;
    const substance = textSubstance(compact);
    if (substance < MIN_CLAUSE_SUBSTANCE) continue;
    const key = clauseKey(compact);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, substance });
  }
  return out;
}

export interface NoteDistinctiveness {
  /** What the note says beyond the population's common clauses, in CJK-character units. */
  distinctive: number;
  /** Its clauses the population writes commonly. */
  commonClauses: number;
}

/**
 * How much of a note is its own. Without a tally (a detector run outside the pipeline) nothing is known to
 * be common and the whole substance counts.
 */
export function distinctiveness(title: string | undefined, body: string | undefined, isCommon: ((key: string) => boolean) | undefined): NoteDistinctiveness {
  let distinctive = 0;
  let commonClauses = 0;
  for (const c of noteClauses(title, body)) {
    if (isCommon?.(c.key)) commonClauses += 1;
    else distinctive += c.substance;
  }
  return { distinctive, commonClauses };
}
