/**
 * Reads every ledger anchor from the write-once store and keeps those that are what they claim:
 * well-formed, stored under their own digest, and carrying a MAC that verifies under the ledger
 * key. The others become `anchor-invalid` issues (a forged or altered anchor vouches for nothing).
 */
import type { LedgerMac } from '#shared/ports/ledgerMac';
import type { WriteOnceStore } from '#shared/ports/writeOnceStore';
import { runLimited } from '#shared/pipeline/runLimited';
import { ANCHOR_FORMAT, ANCHOR_PREFIX, anchorDigestOf, anchorKey, type LedgerAnchor } from './ledgerAnchor.ts';
import type { LedgerIssue } from './verifyLedger.ts';

export interface ReadAnchors {
  anchors: LedgerAnchor[];
  issues: LedgerIssue[];
}

function wellFormed(value: unknown): value is LedgerAnchor {
  const a = value as LedgerAnchor;
  return (
    typeof a === 'object' &&
    a !== null &&
    a.format === ANCHOR_FORMAT &&
    typeof a.keyId === 'string' &&
    typeof a.anchoredAt === 'string' &&
    typeof a.mac === 'string' &&
    Array.isArray(a.entries) &&
    a.entries.every((e) => typeof e?.accountId === 'string' && typeof e.entryKey === 'string' && typeof e.hash === 'string')
  );
}

export async function readAnchors(store: WriteOnceStore, mac: LedgerMac, concurrency = 8): Promise<ReadAnchors> {
  const keys = await store.list(ANCHOR_PREFIX);
  const anchors: Array<LedgerAnchor | undefined> = new Array(keys.length);
  const issues: LedgerIssue[] = [];
  const invalid = (key: string, why: string) => issues.push({ kind: 'anchor-invalid', detail: `anchor ${store.describe(key)} ${why}: it vouches for nothing` });
  await runLimited(
    keys.map((key, i) => ({ key, i })),
    concurrency,
    async ({ key, i }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await store.readText(key));
      } catch {
        return invalid(key, 'is not JSON');
      }
      if (!wellFormed(parsed)) return invalid(key, `is not a ${ANCHOR_FORMAT} record`);
      const digest = anchorDigestOf(parsed);
      if (anchorKey(digest) !== key) return invalid(key, 'is not stored under its own digest (edited or renamed)');
      if (parsed.keyId !== mac.keyId) return invalid(key, `names key ${parsed.keyId}, not the ledger key ${mac.keyId}`);
      if (!(await mac.verify(digest, parsed.mac))) return invalid(key, 'carries a MAC that does not verify under the ledger key');
      anchors[i] = parsed;
    },
  );
  return { anchors: anchors.filter((a): a is LedgerAnchor => a !== undefined), issues };
}
