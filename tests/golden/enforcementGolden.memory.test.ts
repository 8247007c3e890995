/**
 * Behaviour unchanged, in memory: the same fixed story on the in-memory repositories gives the
 * same golden file the DynamoDB adapters give (enforcementGolden.dynamo.test.ts). No JVM needed.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { runEnforcementScenario } from './enforcementScenario.ts';

it('the in-memory repositories enforce the fixed story exactly as the golden file records', async () => {
  const memory = new MemoryLedger();
  const observed = await runEnforcementScenario({ enforcement: memory, audit: memory });
  expect(observed).toEqual(JSON.parse(await readFile(new URL('./enforcement.golden.json', import.meta.url), 'utf8')));
});
