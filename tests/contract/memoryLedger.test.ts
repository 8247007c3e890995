/** The ledger contract on the in-memory repositories (anchored through a local key and folder): no JVM, milliseconds. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { LocalLedgerMac, ensureLocalLedgerKey } from '#shared/adapters/localLedgerMac';
import { LocalWriteOnceStore } from '#shared/adapters/localWriteOnceStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { LedgerAnchorer } from '#shared/audit/ledgerAnchor';
import { ledgerRepositoryContract } from './ledgerContract.ts';

const dir = mkdtempSync(join(tmpdir(), 'crackdown-memory-contract-'));
ensureLocalLedgerKey(join(dir, 'ledger-mac.key'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const anchoring = { mac: new LocalLedgerMac(join(dir, 'ledger-mac.key')), store: new LocalWriteOnceStore(join(dir, 'anchors')) };

ledgerRepositoryContract('in memory', () => {
  const memory = new MemoryLedger(new LedgerAnchorer(anchoring.mac, anchoring.store, { now: () => new Date().toISOString() }));
  return { enforcement: memory, audit: memory, anchoring };
});
