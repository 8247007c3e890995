/**
 * homogeneous-content: bulk posting of copied or templated notes.
 *
 * - Channel `note-minhash`: each note (≥20 compact characters) is keyed by its LSH bands
 *   (5 bands × 3 MinHash rows); a band shared by notes of many distinct accounts is a
 *   cross-account template cluster (matrix accounts posting the same copy). The same verified pairs, read in time
 *   order, mark a note as a copy when another account posted it first (搬运: one original per copy).
 * - AccountDetector: a personal account with several copies taken from several accounts reposts others' notes;
 *   one account whose own notes are mostly near-duplicates of each other
 *   (estimated Jaccard ≥ similarity over 32 MinHash values) is mass-posting a template; one that publishes the
 *   same few notes again and again, on different occasions, is farming with recycled content.
 */
import type { AccountDetector, Channel, Note } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { bandKeys, hamming64, minhash, noteCompact, shingleHashes, shingleWidth, simhash64, simhashFromHex, simhashHex, similarity, textSubstance } from '../text/nearDuplicate.ts';
import { normalizeJoined } from '../text/normalizeText.ts';
import { distinctiveness } from '../text/commonPhrasing.ts';
import { capped, densestWindowAccounts, epochSeconds, finding, isOfficialClient, namesAiHosting, signal, thresholdsOf } from './common.ts';

const CODE = 'homogeneous-content' as const;
export const RULE_CROSS = 'homogeneous-content/cross-account-duplicates';
export const RULE_TEMPLATE = 'homogeneous-content/template-posting';
export const RULE_REPOSTS = 'homogeneous-content/repeated-reposts';
export const RULE_REPUBLISHED = 'homogeneous-content/republished-notes';
/**
 * A signal, never a finding: the note repeats, word for word, a note another account put up first, however many
 * accounts share its text. Alone it shows nothing (a common phrase is shared too); for an account found copying it
 * tells whose words the note's claims, bait or contacts are (withoutExplained).
 */
export const SIGNAL_COPIED_NOTE = 'homogeneous-content/copied-note';
const CHANNEL = 'note-minhash';
const BANDS = 5;
const ROWS = 3;

/** Copied-material disclaimers ("素材来自网络，如有侵权请联系删除"): the hallmark of 搬运 accounts. */
const REPOST_DISCLAIMER = /素材来(?:自|源)网络|来源网络|如有侵权|侵权(?:请)?联系删除|侵删|转自网络|网络搬运|搬运|credit to|cr[.:]/;

/** Declared AI-generated, or posted through an AI hosting tool (not an official app, named as AI/hosting). */
export function isGenerated(n: Note): boolean {
  return n.aigcDeclared === true || (!isOfficialClient(n.client) && namesAiHosting(n.client));
}

/**
 * Each row is compared with at most this many later rows of its band group (in time order). At
 * scale a popular template's band group holds tens of thousands of notes: comparing every row
 * with its next 3,000 keeps the cost linear in the group, where truncating the group to its
 * earliest rows would miss every later copy.
 */
const MAX_LATER_ROWS = 3000;

/** l: compact length (for the length ratio); u: substance in CJK-character units (for minChars). */
type MinhashRow = { a: string; n: string; t: number; s: string; m: string; d?: number; l: number; u: number };

/**
 * A copy is confirmed against its original on a finer sketch than the SimHash: the low byte of 32 MinHash
 * values (64 hex characters per row). At scale a band group holds thousands of notes on one topic, and
 * SimHash alone lets through unrelated notes that share stock phrases (estimated Jaccard ~0.2) as often
 * as it lets through light edits.
 */
const SKETCH = 32;

function sketchHex(sig: Uint32Array): string {
  let out = '';
  for (let i = 0; i < SKETCH; i++) out += (sig[i] & 0xff).toString(16).padStart(2, '0');
  return out;
}

/** Share of equal sketch bytes: the estimated Jaccard similarity (plus ~1/256 of chance byte collisions). */
function sketchSimilarity(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < a.length; i += 2) if (a.charCodeAt(i) === b.charCodeAt(i) && a.charCodeAt(i + 1) === b.charCodeAt(i + 1)) same += 1;
  return same / (a.length / 2);
}

/**
 * Notes (of `minChars` substance) with the same SimHash as a note another account posted at least `minLagHours`
 * earlier: the same words put up again by someone else. `rows` are in time order.
 */
function copiedNoteSignals(rows: readonly MinhashRow[], tr: Record<string, number>): Signal[] {
  const first = new Map<string, MinhashRow>();
  const out: Signal[] = [];
  for (const r of rows) {
    const f = first.get(r.s);
    if (!f) first.set(r.s, r);
    else if (f.a !== r.a && r.t - f.t >= tr.minLagHours * 3600 && r.u >= tr.minChars) {
      out.push(signal(r.a, CHANNEL, CODE, SIGNAL_COPIED_NOTE, r.n, 0.5, { summary: `note ${r.n} repeats note ${f.n} of ${f.a}`, noteIds: [r.n], relatedAccountIds: [f.a] }));
    }
  }
  return out;
}

/** The most notes of a family posted within any `days`-day window. */
function densestFamilyWindow(notes: readonly Note[], family: readonly string[], days: number): number {
  const ids = new Set(family);
  const times = notes
    .filter((n) => ids.has(n.noteId))
    .map((n) => epochSeconds(n.createdAt))
    .sort((x, y) => x - y);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] > days * 86400) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

export const noteMinhashChannel: Channel = {
  name: CHANNEL,
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'notes') return [];
    const n = record as Note;
    // machine-generated notes (declared AIGC, or posted by an AI hosting tool) share the generator's scaffolding with
    // every other generated note, whoever posted them: that is ai-hosted's evidence, not copying
    if (isGenerated(n)) return [];
    // commissioned copy placed through the partner platform repeats the brand's brief by design, and is disclosed
    if (n.sponsoredVia === 'partner-platform') return [];
    const compact = noteCompact(n.title, n.body);
    if (compact.length < 20) return [];
    const shingles = shingleHashes(compact, shingleWidth(compact));
    const sig = minhash(shingles, SKETCH);
    const row: MinhashRow = {
      a: n.accountId,
      n: n.noteId,
      t: epochSeconds(n.createdAt),
      s: simhashHex(simhash64(shingles)),
      m: sketchHex(sig),
      l: compact.length,
      u: Math.round(textSubstance(compact)),
    };
    if (REPOST_DISCLAIMER.test(normalizeJoined([n.title, n.body], '\n'))) row.d = 1;
    // the first BANDS × ROWS values of the sketch signature are the banding signature (same hash family, same order)
    return bandKeys(sig, BANDS, ROWS).map((key) => ({ key, row }));
  },
  group(key, raw, ctx) {
    if (!ctx.enabled(CODE) || raw.length < 2) return [];
    const th = thresholdsOf(ctx, RULE_CROSS);
    const tr = thresholdsOf(ctx, RULE_REPOSTS);
    const rows = (raw as unknown as MinhashRow[]).slice().sort((x, y) => x.t - y.t || (x.n < y.n ? -1 : 1));
    const accounts = new Set(rows.map((r) => r.a)).size;
    if (accounts < 2) return [];
    // word-for-word copies (the same SimHash) read once per note: every band of identical notes is the same, so band 0 speaks for them
    const copied = key.startsWith('0:') ? copiedNoteSignals(rows, tr) : [];
    // common text: a band value that many accounts share, spread over time with no burst holding most of them, is
    // phrasing the population writes (it grows with the population); a matrix's template or a copied note's bands
    // stay few-handed, or gather most of their accounts in one burst
    if (accounts >= th.commonGroupAccounts && densestWindowAccounts(rows, th.windowDays * 86400) < th.commonBurstShare * accounts) return copied;
    // verify candidates: close SimHash (looser for copied-material disclaimers); a matrix posts within the window,
    // a copier reposts someone's note later (within copyWindowDays)
    const hashes = rows.map((r) => simhashFromHex(r.s));
    const window = th.windowDays * 86400;
    const reach = Math.max(window, tr.copyWindowDays * 86400);
    const minLag = tr.minLagHours * 3600;
    const neighbours = rows.map(() => new Set<string>());
    // accounts that wrote the same text outside the campaign window: text the population writes anyway
    const outside = rows.map(() => new Set<string>());
    const originals = rows.map(() => [] as number[]);
    // accounts whose notes are sketch-verified alike to this one, before or after: a copy has one original
    // (and its other copiers), where a phrase everyone writes is alike to many unrelated notes
    const alike = rows.map(() => new Set<string>());
    for (let i = 0; i < rows.length; i++) {
      const last = Math.min(rows.length, i + 1 + MAX_LATER_ROWS);
      for (let j = i + 1; j < last && rows[j].t - rows[i].t <= reach; j++) {
        if (rows[i].a === rows[j].a) continue;
        const d = hamming64(hashes[i], hashes[j]);
        const limit = rows[i].d === 1 && rows[j].d === 1 ? th.maxHammingReposts : th.maxHamming;
        // SimHash alone lets through notes composed from the same stock sentences of a topic (estimated Jaccard
        // ~0.3); a matrix's copies share most of their text whatever the emoji, synonyms and order
        if (d <= limit && sketchSimilarity(rows[i].m, rows[j].m) >= th.minSimilarity) {
          const near = rows[j].t - rows[i].t <= window;
          (near ? neighbours[i] : outside[i]).add(rows[j].a);
          (near ? neighbours[j] : outside[j]).add(rows[i].a);
        }
        const repostLimit = rows[j].d === 1 ? tr.maxHammingReposts : tr.maxHamming;
        if (d > repostLimit || sketchSimilarity(rows[i].m, rows[j].m) < tr.minSimilarity) continue;
        alike[i].add(rows[j].a);
        alike[j].add(rows[i].a);
        // a copy may add a disclaimer ("侵删") the original never had
        // short boilerplate ("备考时间规划建议。欢迎预约。") is written alike by many; copying is of notes with substance
        if (rows[j].u < tr.minChars) continue;
        // a repost reproduces the note: a note sharing a few stock sentences with a longer (or shorter) one is not a copy of it
        if (Math.min(rows[i].l, rows[j].l) < tr.minLengthRatio * Math.max(rows[i].l, rows[j].l)) continue;
        if (rows[j].t - rows[i].t >= minLag) originals[j].push(i);
      }
    }
    const out: Signal[] = copied;
    rows.forEach((r, j) => {
      if (!originals[j].length || alike[j].size > tr.maxAlikeAccounts) return;
      const from = originals[j].slice(0, 3);
      out.push(
        signal(r.a, CHANNEL, CODE, RULE_REPOSTS, key, 0.7, {
          summary: `note ${r.n} repeats earlier note ${from.map((i) => `${rows[i].n} of ${rows[i].a}`).join(', ')}`,
          noteIds: [r.n],
          relatedAccountIds: capped(from.map((i) => rows[i].a)),
          clusterKey: key,
        }),
      );
    });
    if (accounts < th.minNoteAccounts) return out;
    const members = new Map<string, { notes: Set<string>; related: Set<string> }>();
    rows.forEach((r, i) => {
      if (neighbours[i].size < th.minNoteAccounts - 1) return;
      // a sentence or two ("Book haul. Loved it.") is written alike by unrelated people by chance; a matrix posts whole notes
      if (r.u < th.minChars) return;
      // a matrix posts its copy in a burst; the same words spread over months by others are common phrasing
      if (outside[i].size > th.maxOutsideRatio * neighbours[i].size) return;
      let m = members.get(r.a);
      if (!m) members.set(r.a, (m = { notes: new Set(), related: new Set() }));
      m.notes.add(r.n);
      for (const x of neighbours[i]) m.related.add(x);
    });
    for (const a of [...members.keys()].sort()) {
      const m = members.get(a)!;
      out.push(
        signal(a, CHANNEL, CODE, RULE_CROSS, key, Math.min(0.95, 0.6 + 0.03 * m.related.size), {
          summary: `near-duplicate notes posted by ${m.related.size + 1} accounts within ${th.windowDays} days`,
          noteIds: capped(m.notes, 20),
          relatedAccountIds: capped(m.related, 20),
          clusterKey: key,
        }),
      );
    }
    return out;
  },
};

/** The most of one account's notes compared pairwise (deterministic: the first in noteId order). */
const MAX_OWN_NOTES = 400;

/** One of the account's own notes as the copying rules compare it. */
interface OwnNote {
  id: string;
  t: number;
  sig: Uint32Array;
  substance: number;
}

/** Signatures per bundle's notes: templates, republishing and the recycled stock all read the same ones. */
const OWN_NOTES = new WeakMap<readonly Note[], OwnNote[]>();

/**
 * The account's notes the copying rules compare, in noteId order (deterministic): not machine-generated and not
 * partner-platform (disclosed brand content is the commercial rules' business), ≥ 20 compact characters.
 */
function ownNotes(notes: readonly Note[]): OwnNote[] {
  let own = OWN_NOTES.get(notes);
  if (own) return own;
  own = [];
  for (const n of [...notes].sort((x, y) => (x.noteId < y.noteId ? -1 : x.noteId > y.noteId ? 1 : 0))) {
    if (isGenerated(n) || n.sponsoredVia === 'partner-platform') continue;
    const compact = noteCompact(n.title, n.body);
    if (compact.length < 20) continue;
    own.push({ id: n.noteId, t: epochSeconds(n.createdAt), sig: minhash(shingleHashes(compact, shingleWidth(compact))), substance: textSubstance(compact) });
  }
  OWN_NOTES.set(notes, own);
  return own;
}

/**
 * Groups of `own` alike at ≥ `minSimilarity` (union-find over every pair of the first MAX_OWN_NOTES: one account's notes
 * are few, and LSH banding would miss short templates whose sentences were shuffled), as index lists, singletons too.
 */
function alikeGroups(own: readonly OwnNote[], minSimilarity: number): number[][] {
  const parent = own.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const n = Math.min(own.length, MAX_OWN_NOTES);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (find(i) !== find(j) && similarity(own[i].sig, own[j].sig) >= minSimilarity) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  own.forEach((_, i) => {
    const r = find(i);
    let list = groups.get(r);
    if (!list) groups.set(r, (list = []));
    list.push(i);
  });
  return [...groups.values()];
}

/**
 * The account's notes it published more than once: groups of near-verbatim notes (estimated Jaccard ≥ `similarity`,
 * ≥ `minChars` of substance) whose first and last copies are ≥ `minGapHours` apart, each group's note ids sorted;
 * `notes` is how many of the account's notes were compared. A person does not post the same note again on another
 * day; an account farming traffic with a small stock of notes (its own or others') puts them up again and again.
 * Unlike templates, the notes of different groups need not resemble each other.
 */
export function republishedNotes(notes: readonly Note[], th: Record<string, number>): { republished: string[][]; notes: number } {
  const own = ownNotes(notes)
    .filter((n) => n.substance >= th.minChars)
    .slice(0, MAX_OWN_NOTES);
  const republished: string[][] = [];
  for (const g of alikeGroups(own, th.similarity)) {
    if (g.length < 2) continue;
    const times = g.map((i) => own[i].t);
    if (Math.max(...times) - Math.min(...times) >= th.minGapHours * 3600) republished.push(g.map((i) => own[i].id).sort());
  }
  republished.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return { republished, notes: own.length };
}

/**
 * Every note of the account with a near-verbatim twin among its own notes, whatever the gap between them or the
 * note's length (from 20 compact characters): once an account is known to recycle a stock of notes, a note it put up
 * twice in one sitting belongs to that stock too.
 */
export function repeatedNoteIds(notes: readonly Note[], th: Record<string, number>): Set<string> {
  const own = ownNotes(notes).slice(0, MAX_OWN_NOTES);
  return new Set(
    alikeGroups(own, th.similarity)
      .filter((g) => g.length > 1)
      .flatMap((g) => g.map((i) => own[i].id)),
  );
}

/**
 * Largest group of the account's notes that are near-duplicates of one another (union-find over all pairs),
 * and its cohesion: the median similarity of all pairs in it. Single linkage chains a person's notes that
 * reuse a few of their own phrases into one family; a template's copies are alike pair by pair.
 */
export function templateFamily(notes: readonly Note[], minSimilarity: number): { noteIds: string[]; cohesion: number } {
  const own = ownNotes(notes);
  if (own.length < 2) return { noteIds: [], cohesion: 0 };
  let best: number[] = [];
  for (const g of alikeGroups(own, minSimilarity)) if (g.length > best.length) best = g;
  const pairs: number[] = [];
  for (let i = 0; i < best.length; i++) for (let j = i + 1; j < best.length; j++) pairs.push(similarity(own[best[i]].sig, own[best[j]].sig));
  pairs.sort((x, y) => x - y);
  return { noteIds: best.map((i) => own[i].id).sort(), cohesion: pairs.length ? pairs[pairs.length >> 1] : 0 };
}

export const homogeneousContentDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const out: Finding[] = [];
    // what a note says beyond the population's stock clauses: two short notes made of the same stock sentences meet by
    // chance, more often the larger the population; a long run of them reproduced is still a copy
    const notesById = new Map(bundle.notes.map((n) => [n.noteId, n]));
    const distinctive = (noteId: string, th: Record<string, number>) => {
      const n = notesById.get(noteId);
      if (n === undefined) return true;
      const d = distinctiveness(n.title, n.body, ctx.isCommonPhrase);
      return d.distinctive >= th.minDistinctChars || d.commonClauses >= th.minCommonClauses;
    };
    const thc = thresholdsOf(ctx, RULE_CROSS);
    const cross = bundle.signals
      .filter((s) => s.code === CODE && s.ruleId === RULE_CROSS)
      .map((s) => ({ ...s, detail: { ...s.detail, noteIds: (s.detail.noteIds ?? []).filter((id) => distinctive(id, thc)) } }))
      .filter((s) => s.detail.noteIds.length > 0);
    // farming matrices are personal accounts; a brand's own copy is repeated by its partners and franchisees
    // (and, across thousands of brands, stock marketing phrasing converges): commercial rules judge brands
    const personal = (bundle.account?.accountType ?? 'personal') === 'personal';
    if (cross.length > 0 && personal) {
      // a matrix account: several of its notes are near-duplicated by others, and together by many distinct accounts
      const allRelated = new Set(cross.flatMap((s) => s.detail.relatedAccountIds ?? []));
      const allNotes = new Set(cross.flatMap((s) => s.detail.noteIds ?? []));
      // copying is posting in bulk: one note shared by a farm's accounts is its warm-up (fake-account's evidence), not a
      // matrix farming traffic with copies, however linked the accounts are
      // bulk: the copies are a real share of what the account posts; a daily poster's few chance matches among months of notes are not
      const own = bundle.notes.filter((n) => !isGenerated(n) && n.sponsoredVia !== 'partner-platform').length;
      // (a signal lists at most 20 notes: an account with 20 listed has at least that many copies)
      const bulk = allNotes.size >= Math.min(20, (thc.minShare ?? 0) * own);
      if (bulk && allRelated.size >= thc.minAccounts - 1 && allNotes.size >= thc.minNotes) {
        const related = capped(allRelated, 20);
        const noteIds = capped(allNotes, 20);
        out.push(
          finding(bundle.accountId, CODE, RULE_CROSS, Math.max(...cross.map((s) => s.score)), {
            summary: `${allNotes.size} note(s) near-identical to notes of ${allRelated.size} other accounts`,
            noteIds,
            relatedAccountIds: related,
            clusterKey: cross.map((s) => s.key).sort()[0],
          }),
        );
      }
    }
    const reposts = bundle.signals.filter((s) => s.code === CODE && s.ruleId === RULE_REPOSTS);
    // 搬运 is a personal account farming traffic with others' notes; brands and verified businesses publish their own
    // campaign copy, which their partners and franchisees repeat
    if (reposts.length > 0 && (bundle.account?.accountType ?? 'personal') === 'personal') {
      // a copier: several of its notes each repeat an earlier note of someone else, taken from several accounts
      const thr = thresholdsOf(ctx, RULE_REPOSTS);
      const copied = new Map<string, Signal>();
      for (const s of reposts) if (!copied.has(s.detail.noteIds![0]) && distinctive(s.detail.noteIds![0], thr)) copied.set(s.detail.noteIds![0], s);
      const sources = new Set([...copied.values()].flatMap((s) => s.detail.relatedAccountIds ?? []));
      // bulk: most of what the account posts is someone else's (an ordinary user with a few notes alike to others' is not a copier)
      const own = bundle.notes.filter((n) => !isGenerated(n) && n.sponsoredVia !== 'partner-platform').length;
      if (copied.size >= thr.minCopies && sources.size >= thr.minSources && copied.size >= thr.minShare * own) {
        const examples = [...copied.keys()]
          .sort()
          .slice(0, 3)
          .map((n) => copied.get(n)!.detail.summary);
        out.push(
          finding(bundle.accountId, CODE, RULE_REPOSTS, Math.min(0.95, 0.55 + 0.05 * copied.size), {
            summary: `${copied.size} notes repost earlier notes of ${sources.size} other accounts (${examples.join('; ')})`,
            noteIds: capped(copied.keys(), 20),
            relatedAccountIds: capped(sources, 20),
          }),
        );
      }
    }
    const rp = thresholdsOf(ctx, RULE_REPUBLISHED);
    if (personal && bundle.notes.length >= rp.minNotes * 2) {
      const { republished, notes: counted } = republishedNotes(bundle.notes, rp);
      const noteIds = republished.flat();
      if (republished.length >= rp.minNotes && noteIds.length >= rp.minShare * counted) {
        out.push(
          finding(bundle.accountId, CODE, RULE_REPUBLISHED, Math.min(0.9, 0.5 + 0.05 * republished.length), {
            summary: `${republished.length} notes each published again on a later occasion (${noteIds.length} of ${counted} notes)`,
            noteIds: capped(noteIds, 20),
          }),
        );
      }
    }
    const th = thresholdsOf(ctx, RULE_TEMPLATE);
    if (bundle.notes.length >= th.minNotes) {
      const { noteIds: family, cohesion } = templateFamily(bundle.notes, th.similarity);
      // mass-posting is many copies in a short time: a person returning to the same few phrases over years is not
      if (
        family.length >= th.minNotes &&
        family.length >= th.minShare * bundle.notes.length &&
        cohesion >= th.minCohesion &&
        densestFamilyWindow(bundle.notes, family, th.windowDays) >= th.minNotesInWindow
      ) {
        out.push(
          finding(bundle.accountId, CODE, RULE_TEMPLATE, Math.min(0.95, 0.5 + 0.03 * family.length), {
            summary: `${family.length} of ${bundle.notes.length} notes are near-identical templates (median pair similarity ${cohesion.toFixed(2)})`,
            noteIds: capped(family, 20),
          }),
        );
      }
    }
    return out;
  },
};
