/** labels.jsonl: one line per account, every code and variant planted, hard negatives present, mix respected. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '#shared/contract/snapshotRecords';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { HARD_NEGATIVES } from '#scripts/generate/hardNegatives';
import { VARIANTS } from '#scripts/generate/violationMix';
import { makeSnapshot, readLabels, readLines, records, type Fixture, type Label } from './snapshotFixture.ts';

let fx: Fixture;
let labels: Label[];

beforeAll(async () => {
  fx = await makeSnapshot({ accounts: 1500, seed: 'labels' });
  labels = readLabels(fx.dir);
});
afterAll(() => fx.cleanup());

describe('labels.jsonl', () => {
  it('covers every account exactly once and nothing else', () => {
    const accountIds = records<Account>(readLines(fx.dir), 'accounts').map((a) => a.accountId);
    const labelled = labels.map((l) => l.accountId);
    expect(new Set(labelled).size).toBe(labelled.length);
    expect([...labelled].sort()).toEqual([...accountIds].sort());
    expect(fx.summary.labelsPath.endsWith('labels.jsonl')).toBe(true);
  });

  it('labels every violation code and every variant, with codes matching variants', () => {
    for (const code of VIOLATION_CODES) expect(labels.filter((l) => l.codes.includes(code)).length, code).toBeGreaterThan(0);
    const seen = new Set(labels.flatMap((l) => l.variants));
    for (const v of VARIANTS) expect(seen.has(v.id), v.id).toBe(true);
    for (const l of labels) {
      expect([...new Set(l.variants.map((v) => v.split('/')[0]))].sort()).toEqual([...l.codes].sort());
      expect(l.codes).toEqual(VIOLATION_CODES.filter((c) => l.codes.includes(c))); // contract order
      for (const c of l.codes) expect((VIOLATION_CODES as readonly string[]).includes(c)).toBe(true);
    }
    const byCode = Object.fromEntries(VIOLATION_CODES.map((c) => [c, labels.filter((l) => l.codes.includes(c)).length]));
    expect(fx.summary.byCode).toEqual(byCode);
  });

  it('has an organic majority and realistic overlaps', () => {
    const organic = labels.filter((l) => l.codes.length === 0).length / labels.length;
    expect(organic).toBeGreaterThan(0.8);
    expect(organic).toBeLessThan(0.93);
    const multi = labels.filter((l) => l.codes.length >= 2);
    expect(multi.length).toBeGreaterThan(10);
    // e.g. farm accounts recruited into a water-army ring keep both codes
    expect(labels.some((l) => l.codes.includes('fake-account') && l.codes.includes('water-army'))).toBe(true);
  });

  it('tags hard negatives only on clean accounts, and has every kind', () => {
    const tagged = labels.filter((l) => l.hardNegative);
    for (const l of tagged) expect(l.codes).toEqual([]);
    const kinds = new Set(tagged.map((l) => l.hardNegative));
    for (const h of HARD_NEGATIVES.filter((h) => h !== 'license-original-holder')) expect(kinds.has(h), h).toBe(true);
    for (const k of kinds) expect((HARD_NEGATIVES as readonly (string | undefined)[]).includes(k)).toBe(true);
  });
});

describe('violation mix', () => {
  it('plants only the codes a custom mix asks for, at about the asked rate', async () => {
    const mix = Object.fromEntries(VIOLATION_CODES.map((c) => [c, 0])) as Record<string, number>;
    mix['water-army'] = 0.06;
    mix['engagement-bait'] = 0.02;
    mix['water-army/qa-act'] = 0;
    const custom = await makeSnapshot({ accounts: 1500, seed: 'mix', mix });
    try {
      const ls = readLabels(custom.dir);
      const codes = new Set(ls.flatMap((l) => l.codes));
      // A ring's closers and answerers divert only inside the act, which is water-army's alone.
      expect([...codes].sort()).toEqual(['engagement-bait', 'water-army']);
      const variants = new Set(ls.flatMap((l) => l.variants));
      expect(variants.has('water-army/qa-act')).toBe(false);
      const rate = ls.filter((l) => l.codes.includes('water-army')).length / ls.length;
      expect(rate).toBeGreaterThan(0.04);
      expect(rate).toBeLessThan(0.08);
    } finally {
      await custom.cleanup();
    }
  });

  it('rejects unknown mix keys', async () => {
    await expect(makeSnapshot({ accounts: 10, seed: 1, mix: { 'not-a-code': 0.1 } as never })).rejects.toThrow(/unknown mix key/);
  });
});
