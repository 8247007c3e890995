/**
 * The ledger's hash chain. The ledger is written by many workers at once, so there is one chain
 * per account: entry n carries `seq = n`, `prevHash` = hash of entry n-1 (GENESIS for the first)
 * and `hash = sha256(canonical JSON of the entry without hash)`. The account's chain head
 * (seq + hash) lives on its penalty-state item and moves in the same transaction as the entry,
 * under the item's optimistic version, so writers of one account are serialized.
 */
import { createHash } from 'node:crypto';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { bucketOf } from '#shared/pipeline/hashBucket';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainHead {
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function entryHash(entry: LedgerEntry): string {
  const { hash: _omit, ...rest } = entry;
  return sha256(canonicalJson(rest));
}

export function headOf(state: { chainSeq?: number; chainHash?: string } | undefined): ChainHead {
  return state?.chainSeq ? { seq: state.chainSeq, hash: state.chainHash ?? GENESIS_HASH } : { seq: 0, hash: GENESIS_HASH };
}

/** Links an entry after `head`. */
export function chainEntry(entry: LedgerEntry, head: ChainHead): LedgerEntry {
  const linked: LedgerEntry = { ...entry, seq: head.seq + 1, prevHash: head.hash };
  delete linked.hash;
  return { ...linked, hash: entryHash(linked) };
}

/** Links several entries in order after `head`; returns them and the new head. */
export function chainEntries(entries: LedgerEntry[], head: ChainHead): { entries: LedgerEntry[]; head: ChainHead } {
  const out: LedgerEntry[] = [];
  let h = head;
  for (const e of entries) {
    const linked = chainEntry(e, h);
    out.push(linked);
    h = { seq: linked.seq!, hash: linked.hash! };
  }
  return { entries: out, head: h };
}

/**
 * A sweep anchor: a digest over the sweep's enforce entries (account id, entry key and hash, sorted). With `buckets`
 * (the sweep's account bucket count), the digest is over each account bucket's own digest in bucket order
 * (`anchorDigestByBucket`): each bucket's is made by the Enforce item that wrote its entries, so no process reads the
 * whole sweep's entries to anchor it (issue 17). Without it (sweeps anchored before), over all of them at once.
 */
export interface SweepAnchor {
  count: number;
  digest: string;
  anchoredAt: string;
  buckets?: number;
}

export interface AnchorDigest {
  count: number;
  digest: string;
}

export function anchorDigest(entries: Array<Pick<LedgerEntry, 'accountId' | 'entryKey' | 'hash'>>): AnchorDigest {
  const lines = entries.map((e) => `${e.accountId}\u0000${e.entryKey}\u0000${e.hash ?? ''}`).sort();
  return { count: lines.length, digest: sha256(lines.join('\n')) };
}

/** The sweep's digest from every bucket's, indexed by bucket (a bucket without entries has anchorDigest([])). */
export function combineBucketDigests(perBucket: readonly AnchorDigest[]): AnchorDigest {
  return {
    count: perBucket.reduce((n, d) => n + d.count, 0),
    digest: sha256(perBucket.map((d, b) => `${b}\u0000${d.count}\u0000${d.digest}`).join('\n')),
  };
}

/** What `audit verify` recomputes for an anchor with `buckets`: the entries split by account bucket, then combined. */
export function anchorDigestByBucket(entries: Array<Pick<LedgerEntry, 'accountId' | 'entryKey' | 'hash'>>, buckets: number): AnchorDigest {
  const byBucket: Array<Array<Pick<LedgerEntry, 'accountId' | 'entryKey' | 'hash'>>> = Array.from({ length: buckets }, () => []);
  for (const e of entries) byBucket[bucketOf(e.accountId, buckets)].push(e);
  return combineBucketDigests(byBucket.map(anchorDigest));
}
