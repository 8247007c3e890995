/** The campaign store contract on DynamoDB Local (the embedded stack's Campaigns table). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { campaignStoreContract } from './campaignStoreContract.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

let stack: EmbeddedStack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-campaigns-'));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

campaignStoreContract('DynamoDB Local', () => new DynamoCampaignStore());
