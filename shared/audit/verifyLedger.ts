/**
 * `audit verify`: checks every account's hash chain against its entries and its chain head, every
 * sweep anchor against the sweep's enforce entries, and every entry against the MAC'd ledger
 * anchors in the write-once store. Catches an edited entry (hash), a deleted one (gap, or head
 * ahead of the last entry), an inserted one (no hash, duplicate seq, broken link), reordered ones
 * (seq and links disagree), a whole account or latest entry removed together with its penalty
 * item (anchors, a penalty state that says a lift happened), and an entry forged or rewritten with a
 * recomputed hash and a moved head (no anchor lists its hash). Pure: the anchors' MACs are
 * checked before (readAnchors.ts).
 */
import type { LedgerEntry, PenaltyState } from '#shared/enforcement/ledgerEntry';
import { ledgerKey } from '#shared/enforcement/ledgerEntry';
import { anchorDigest, anchorDigestByBucket, entryHash, GENESIS_HASH, type SweepAnchor } from './hashChain.ts';
import type { LedgerAnchor } from './ledgerAnchor.ts';

export type IssueKind =
  | 'hash-mismatch'
  | 'unchained-entry'
  | 'seq-gap'
  | 'duplicate-seq'
  | 'broken-link'
  | 'head-mismatch'
  | 'missing-head'
  | 'entries-without-state'
  | 'anchor-mismatch'
  | 'missing-lift-entry'
  | 'unanchored-entry'
  | 'anchor-invalid'
  | 'anchored-entry-missing';

export interface LedgerIssue {
  kind: IssueKind;
  accountId?: string;
  entryKey?: string;
  sweepId?: string;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  accounts: number;
  entries: number;
  sweepsAnchored: number;
  /** Ledger anchors whose MAC verified (undefined: anchors were not checked). */
  ledgerAnchors?: number;
  issues: LedgerIssue[];
}

export interface VerifyInput {
  entries: LedgerEntry[];
  penalties: PenaltyState[];
  anchors: Map<string, SweepAnchor>;
  /** Only these accounts (and the anchors' whole-sweep checks are skipped). */
  onlyAccount?: string;
  /**
   * The write-once ledger anchors whose MAC verified, and the issues of those that did not
   * (readAnchors.ts). When given, every entry must be listed, with its hash, by one of them.
   */
  ledgerAnchors?: { anchors: LedgerAnchor[]; issues: LedgerIssue[] };
}

export function verifyChain(accountId: string, entries: LedgerEntry[], state: PenaltyState | undefined): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const chained = entries.filter((e) => e.seq !== undefined || e.hash !== undefined || e.prevHash !== undefined);
  for (const e of entries) {
    if (e.seq === undefined || e.hash === undefined || e.prevHash === undefined) {
      issues.push({ kind: 'unchained-entry', accountId, entryKey: e.entryKey, detail: `entry ${e.entryKey} has no seq/prevHash/hash: not written by the ledger (inserted?)` });
    }
  }
  const sorted = chained.filter((e) => e.seq !== undefined).sort((a, b) => a.seq! - b.seq! || a.entryKey.localeCompare(b.entryKey));
  let prev: LedgerEntry | undefined;
  let expectedSeq = 1;
  for (const e of sorted) {
    if (e.hash !== undefined && entryHash(e) !== e.hash) {
      issues.push({ kind: 'hash-mismatch', accountId, entryKey: e.entryKey, detail: `entry ${e.entryKey} (seq ${e.seq}) does not hash to its recorded hash: edited` });
    }
    if (prev && prev.seq === e.seq) {
      issues.push({ kind: 'duplicate-seq', accountId, entryKey: e.entryKey, detail: `entries ${prev.entryKey} and ${e.entryKey} both claim seq ${e.seq}` });
    } else if (e.seq !== expectedSeq) {
      issues.push({ kind: 'seq-gap', accountId, entryKey: e.entryKey, detail: `expected seq ${expectedSeq}, found ${e.seq} at ${e.entryKey}: entries missing before it (deleted?)` });
    }
    const wantPrev = prev ? prev.hash : GENESIS_HASH;
    if (e.seq === expectedSeq && e.prevHash !== wantPrev) {
      issues.push({
        kind: 'broken-link',
        accountId,
        entryKey: e.entryKey,
        detail: `entry ${e.entryKey} (seq ${e.seq}) does not link to ${prev ? prev.entryKey : 'the start of the chain'}: reordered, replaced or inserted`,
      });
    }
    expectedSeq = (e.seq ?? expectedSeq) + 1;
    prev = e;
  }
  if (!state) {
    if (entries.length > 0) issues.push({ kind: 'entries-without-state', accountId, detail: `${entries.length} entries but no penalty state (chain head) item: deleted?` });
    return issues;
  }
  if (state.chainSeq === undefined) {
    if (chained.length > 0) issues.push({ kind: 'missing-head', accountId, detail: 'penalty state carries no chain head although the account has chained entries' });
    return issues;
  }
  const last = sorted.at(-1);
  if (!last || last.seq !== state.chainSeq || last.hash !== state.chainHash) {
    issues.push({
      kind: 'head-mismatch',
      accountId,
      entryKey: last?.entryKey,
      detail: `chain head says seq ${state.chainSeq} hash ${state.chainHash?.slice(0, 12)}…, last entry is ${last ? `seq ${last.seq} hash ${last.hash?.slice(0, 12)}…` : 'none'}: latest entries deleted or replaced`,
    });
  }
  return issues;
}

export function verifyLedger(input: VerifyInput): VerifyReport {
  const byAccount = new Map<string, LedgerEntry[]>();
  for (const e of input.entries) {
    if (input.onlyAccount && e.accountId !== input.onlyAccount) continue;
    let list = byAccount.get(e.accountId);
    if (!list) byAccount.set(e.accountId, (list = []));
    list.push(e);
  }
  const states = new Map(input.penalties.map((p) => [p.accountId, p]));
  const accounts = new Set([...byAccount.keys(), ...input.penalties.filter((p) => !input.onlyAccount || p.accountId === input.onlyAccount).map((p) => p.accountId)]);
  const issues: LedgerIssue[] = [];
  for (const id of [...accounts].sort()) issues.push(...verifyChain(id, byAccount.get(id) ?? [], states.get(id)));

  // A penalty state that says its timed penalty was lifted needs the lift entry (there is no lift row to say so).
  const keys = new Set(input.entries.map((e) => `${e.accountId}\u0000${e.entryKey}`));
  for (const state of input.penalties) {
    if (input.onlyAccount && state.accountId !== input.onlyAccount) continue;
    if (state.status === 'lifted' && state.until && !keys.has(`${state.accountId}\u0000${ledgerKey(state.sweepId, 'lift')}`)) {
      issues.push({
        kind: 'missing-lift-entry',
        accountId: state.accountId,
        sweepId: state.sweepId,
        detail: `the penalty state says the ${state.action} of ${state.sweepId} was lifted but its lift entry is missing: deleted`,
      });
    }
  }
  let sweepsAnchored = 0;
  if (!input.onlyAccount) {
    const enforceBySweep = new Map<string, LedgerEntry[]>();
    for (const e of input.entries) {
      if (e.step !== 'enforce') continue;
      let list = enforceBySweep.get(e.sweepId);
      if (!list) enforceBySweep.set(e.sweepId, (list = []));
      list.push(e);
    }
    for (const [sweepId, anchor] of [...input.anchors.entries()].sort()) {
      sweepsAnchored += 1;
      const entries = enforceBySweep.get(sweepId) ?? [];
      const now = anchor.buckets ? anchorDigestByBucket(entries, anchor.buckets) : anchorDigest(entries);
      if (now.count !== anchor.count || now.digest !== anchor.digest) {
        issues.push({
          kind: 'anchor-mismatch',
          sweepId,
          detail: `sweep ${sweepId} was anchored at ${anchor.anchoredAt} with ${anchor.count} enforce entries (digest ${anchor.digest.slice(0, 12)}…); now ${now.count} (digest ${now.digest.slice(0, 12)}…)`,
        });
      }
    }
  }
  if (input.ledgerAnchors) issues.push(...input.ledgerAnchors.issues, ...anchorCoverage(input.entries, input.ledgerAnchors.anchors, new Set(input.anchors.keys()), input.onlyAccount));
  return {
    ok: issues.length === 0,
    accounts: accounts.size,
    entries: [...byAccount.values()].reduce((s, l) => s + l.length, 0),
    sweepsAnchored,
    ...(input.ledgerAnchors ? { ledgerAnchors: input.ledgerAnchors.anchors.length } : {}),
    issues,
  };
}

const entryId = (accountId: string, entryKey: string) => `${accountId}\u0000${entryKey}`;

/**
 * Every entry must be listed with its exact hash by a verified anchor (a forged or rewritten entry
 * is not: its author could not MAC it). Anchors are written before their transaction, so an
 * anchored entry may never have committed (a lost race); only enforce entries of a finished
 * (sweep-anchored) sweep are sure to exist, and their absence is a deletion.
 */
export function anchorCoverage(entries: LedgerEntry[], anchors: LedgerAnchor[], finishedSweeps: Set<string>, onlyAccount?: string): LedgerIssue[] {
  const vouched = new Set<string>();
  const anchoredKeys = new Map<string, { accountId: string; entryKey: string }>();
  for (const a of anchors) {
    for (const e of a.entries) {
      vouched.add(`${entryId(e.accountId, e.entryKey)}\u0000${e.hash}`);
      anchoredKeys.set(entryId(e.accountId, e.entryKey), e);
    }
  }
  const issues: LedgerIssue[] = [];
  const present = new Set<string>();
  for (const e of [...entries].sort((a, b) => (a.accountId + a.entryKey < b.accountId + b.entryKey ? -1 : 1))) {
    present.add(entryId(e.accountId, e.entryKey));
    if (onlyAccount && e.accountId !== onlyAccount) continue;
    if (!vouched.has(`${entryId(e.accountId, e.entryKey)}\u0000${e.hash}`)) {
      issues.push({
        kind: 'unanchored-entry',
        accountId: e.accountId,
        entryKey: e.entryKey,
        sweepId: e.sweepId,
        detail: `entry ${e.entryKey} (seq ${e.seq}, ${e.step} by ${e.actor}) is listed with this hash by no anchor whose MAC verifies: forged, or rewritten after it was written`,
      });
    }
  }
  for (const [id, e] of [...anchoredKeys].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (onlyAccount && e.accountId !== onlyAccount) continue;
    const [sweepId, step] = [e.entryKey.slice(0, e.entryKey.lastIndexOf('#')), e.entryKey.slice(e.entryKey.lastIndexOf('#') + 1)];
    if (step === 'enforce' && finishedSweeps.has(sweepId) && !present.has(id)) {
      issues.push({
        kind: 'anchored-entry-missing',
        accountId: e.accountId,
        entryKey: e.entryKey,
        sweepId,
        detail: `the finished sweep's enforce entry ${e.entryKey} was anchored but is not in the ledger: deleted`,
      });
    }
  }
  return issues;
}
