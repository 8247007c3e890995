/**
 * Ledger anchors: every ledger write batch (enforce, lift, reverse, appeal) is recorded, before
 * its transaction, as one object in a write-once store listing each entry's account, key and hash,
 * with one MAC (a key the tables' writers do not hold) over the digest of that list. An entry is
 * authentic when some anchor with a valid MAC lists its exact hash: recomputing a hash and moving
 * the chain head no longer suffices to forge or rewrite one (docs/audit.md, threat model).
 *
 * Written ahead of the transaction, so a crash can leave an anchor whose entries never committed
 * (harmless: it vouches for nothing present) but never a committed entry without its anchor.
 */
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import type { LedgerWrite, WriteResult } from '#shared/enforcement/ledgerWrite';
import type { LedgerMac } from '#shared/ports/ledgerMac';
import { ObjectExistsError, type WriteOnceStore } from '#shared/ports/writeOnceStore';
import { canonicalJson, sha256 } from './hashChain.ts';

export const ANCHOR_FORMAT = 'crackdown-ledger-anchor/1';
export const ANCHOR_PREFIX = 'ledger-anchors/';

export interface AnchoredEntry {
  accountId: string;
  entryKey: string;
  hash: string;
}

export interface LedgerAnchor {
  format: typeof ANCHOR_FORMAT;
  keyId: string;
  /** Wall-clock time of writing: audit metadata only. */
  anchoredAt: string;
  entries: AnchoredEntry[];
  /** MAC (base64) over `digest`, under `keyId`. */
  mac: string;
}

/** The digest a MAC covers: everything in the anchor but the MAC (KMS MACs at most 4 KB, so a digest). */
export function anchorDigestOf(anchor: Omit<LedgerAnchor, 'mac'> & { mac?: string }): string {
  const { mac: _omit, ...body } = anchor;
  return sha256(canonicalJson(body));
}

/** Content-addressed: the object's name is its digest, so a rename or edit shows. */
export const anchorKey = (digest: string) => `${ANCHOR_PREFIX}${digest}.json`;

export interface AnchorerOptions {
  /** Flush once this many entries wait (default 200). */
  maxEntries?: number;
  /** How long the first waiting entry lingers for others to join its batch (default 15 ms). */
  lingerMs?: number;
  now: () => string;
}

interface Waiting {
  entries: AnchoredEntry[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Batches concurrent writers' entries into one anchor: one MAC call and one object per batch.
 * `anchor()` resolves once the batch holding the entries is in the write-once store.
 */
export class LedgerAnchorer {
  private waiting: Waiting[] = [];
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly maxEntries: number;
  private readonly lingerMs: number;

  constructor(
    private readonly mac: LedgerMac,
    private readonly store: WriteOnceStore,
    private readonly opts: AnchorerOptions,
  ) {
    this.maxEntries = opts.maxEntries ?? 200;
    this.lingerMs = opts.lingerMs ?? 15;
  }

  anchor(entries: Array<Pick<LedgerEntry, 'accountId' | 'entryKey' | 'hash'>>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const listed = entries.map((e) => {
      if (!e.hash) throw new Error(`ledger entry ${e.accountId} ${e.entryKey} is not chained: nothing to anchor`);
      return { accountId: e.accountId, entryKey: e.entryKey, hash: e.hash };
    });
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entries: listed, resolve, reject });
      this.count += listed.length;
      if (this.count >= this.maxEntries) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    this.count = 0;
    if (batch.length === 0) return;
    writeAnchor(
      this.mac,
      this.store,
      batch.flatMap((w) => w.entries),
      this.opts.now(),
    ).then(
      () => batch.forEach((w) => w.resolve()),
      (err) => batch.forEach((w) => w.reject(err)),
    );
  }
}

/** One anchor: MAC its digest, create it under its digest. */
export async function writeAnchor(mac: LedgerMac, store: WriteOnceStore, entries: AnchoredEntry[], anchoredAt: string): Promise<LedgerAnchor> {
  const body = { format: ANCHOR_FORMAT, keyId: mac.keyId, anchoredAt, entries } as const;
  const digest = anchorDigestOf(body);
  const anchor: LedgerAnchor = { ...body, mac: await mac.sign(digest) };
  const text = JSON.stringify(anchor);
  try {
    await store.create(anchorKey(digest), text);
  } catch (err) {
    // The same anchor again (a retried flush) is already there; anything else is a refusal.
    if (!(err instanceof ObjectExistsError) || (await store.readText(anchorKey(digest))) !== text) throw err;
  }
  return anchor;
}

/** A ledger write that anchors its entries first, then runs the transaction. */
export function anchoredWrite(write: (w: LedgerWrite) => Promise<WriteResult>, anchorer: LedgerAnchorer | undefined): (w: LedgerWrite) => Promise<WriteResult> {
  if (!anchorer) return write;
  return async (w) => {
    await anchorer.anchor(w.entries);
    return write(w);
  };
}
