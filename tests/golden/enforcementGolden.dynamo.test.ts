/**
 * Behaviour unchanged: the enforcement story of enforcementScenario.ts on the DynamoDB adapters
 * (DynamoDB Local) gives exactly the committed golden file: decisions, every ledger entry with its
 * hash chain, penalties, lifts (read off the states and the ledger), outbox notices and appeals. `UPDATE_GOLDEN=1` rewrites it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DynamoAuditRepository } from '#shared/adapters/dynamoAuditRepository';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runEnforcementScenario } from './enforcementScenario.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const GOLDEN = new URL('./enforcement.golden.json', import.meta.url);
let stack: EmbeddedStack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-golden-stack-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('the DynamoDB adapters enforce the fixed story exactly as the golden file records', async () => {
  const observed = await runEnforcementScenario({ enforcement: new DynamoEnforcementRepository(), audit: new DynamoAuditRepository() });
  const text = `${JSON.stringify(observed, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') await writeFile(GOLDEN, text);
  expect(JSON.parse(text)).toEqual(JSON.parse(await readFile(GOLDEN, 'utf8')));
});
