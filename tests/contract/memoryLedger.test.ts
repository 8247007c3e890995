/** The ledger contract on the in-memory repositories: no JVM, milliseconds. */
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { ledgerRepositoryContract } from './ledgerContract.ts';

ledgerRepositoryContract('in memory', () => {
  const memory = new MemoryLedger();
  return { enforcement: memory, audit: memory };
});
