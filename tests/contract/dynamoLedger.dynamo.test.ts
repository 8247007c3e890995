/** The ledger contract on the DynamoDB adapters, against DynamoDB Local on the embedded stack. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { DynamoAuditRepository } from '#shared/adapters/dynamoAuditRepository';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { ledgerAnchoring } from '#shared/adapters/ledgerAnchoring';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { ledgerRepositoryContract } from './ledgerContract.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

let stack: EmbeddedStack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-contract-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

// The tables are shared by the whole suite: each contract test works on accounts of its own.
ledgerRepositoryContract('DynamoDB Local', () => ({ enforcement: new DynamoEnforcementRepository(), audit: new DynamoAuditRepository(), anchoring: ledgerAnchoring()! }));
