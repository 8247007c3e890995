/**
 * A decision depends on the snapshot, the policy and the sweep, not on how the sweep is split: the same snapshot
 * resolved over different bucket counts decides the same for every account, findings and evidence included. (The
 * bucket count decides which signal file a group's signals land in; resolve orders each account's signals itself.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { generateSnapshot as generateIndependent } from '#scripts/independentGenerator/generate';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bucket-invariance-'));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const byAccount = (decisions: Decision[]) => Object.fromEntries([...decisions].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)).map((d) => [d.accountId, d]));

describe('decisions are independent of the bucket count', () => {
  for (const [source, generate] of [
    ['own generator', (outDir: string) => generateSnapshot({ accounts: 3000, seed: 41, outDir })],
    ['independent generator', (outDir: string) => generateIndependent({ accounts: 3000, seed: 43, out: outDir })],
  ] as const) {
    it(`${source}, 3,000 accounts: 2 and 7 buckets decide alike`, async () => {
      const snapshot = join(root, source.replace(/ /g, '-'));
      await generate(snapshot);
      const runs = [];
      for (const buckets of [2, 7]) runs.push(byAccount(await detectInProcess(snapshot, join(root, `${source}-${buckets}`), defaultPolicy(), 'buckets', buckets)));
      expect(Object.values(runs[0]).filter((d) => d.action !== 'none').length).toBeGreaterThan(100);
      expect(runs[1]).toEqual(runs[0]);
    }, 300_000);
  }
});
