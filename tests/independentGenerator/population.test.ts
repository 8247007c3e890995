/** At 20,000 accounts every violation code has enough positives, and the clean side has its look-alikes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../scripts/independentGenerator/generate.ts';

const CODES = [
  'fake-account',
  'homogeneous-content',
  'engagement-bait',
  'traffic-diversion',
  'water-army',
  'undisclosed-promotion',
  'misleading-marketing',
  'account-transformation',
  'ai-hosted',
  'false-qualification',
];

let dir: string;
let labels: Array<{ accountId: string; codes: string[]; hardNegative?: string }>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'indep-pop-'));
  await generateSnapshot({ accounts: 20_000, seed: 2026, out: dir, parts: 2 });
  labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('independent generator population at 20k', () => {
  it('has exactly the requested number of accounts', () => {
    expect(labels.length).toBe(20_000);
  });

  it.each(CODES)('has at least 0.3%% positives for %s', (code) => {
    const n = labels.filter((l) => l.codes.includes(code)).length;
    expect(n).toBeGreaterThanOrEqual(60);
  });

  it('is mostly clean, with some two-code violators', () => {
    const clean = labels.filter((l) => l.codes.length === 0).length / labels.length;
    expect(clean).toBeGreaterThan(0.84);
    expect(clean).toBeLessThan(0.93);
    expect(labels.filter((l) => l.codes.length === 2).length).toBeGreaterThan(50);
  });

  it('labels generous numbers of clean look-alikes of several kinds', () => {
    const kinds = new Map<string, number>();
    for (const l of labels) if (l.hardNegative) kinds.set(l.hardNegative, (kinds.get(l.hardNegative) ?? 0) + 1);
    for (const k of [
      'shared-family-device',
      'generic-short-review',
      'scheduled-poster',
      'declared-aigc',
      'brand-partner-platform',
      'renamed-once',
      'popular-creator',
      'benign-contact-mention',
      'enthusiastic-fan',
      'campus-friends',
    ]) {
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(40);
    }
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    expect(total / labels.length).toBeGreaterThan(0.15);
  });
});
