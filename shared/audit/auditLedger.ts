/** `audit verify` end to end: read the ledger and the write-once anchors, check the MACs, verify. */
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { LedgerMac } from '#shared/ports/ledgerMac';
import type { WriteOnceStore } from '#shared/ports/writeOnceStore';
import { readAnchors } from './readAnchors.ts';
import { verifyLedger, type VerifyReport } from './verifyLedger.ts';

export async function auditLedger(repo: AuditRepository, anchoring: { mac: LedgerMac; store: WriteOnceStore } | undefined, opts: { onlyAccount?: string } = {}): Promise<VerifyReport> {
  // Without the key and the anchors a recomputed hash cannot be told from a real one: no verdict.
  if (!anchoring) throw new Error('no ledger key and write-once anchor store are configured: the ledger cannot be verified');
  const [entries, penalties, anchors, ledgerAnchors] = await Promise.all([repo.allLedger(), repo.allPenalties(), repo.sweepAnchors(), readAnchors(anchoring.store, anchoring.mac)]);
  return verifyLedger({ entries, penalties, anchors, onlyAccount: opts.onlyAccount, ledgerAnchors });
}
