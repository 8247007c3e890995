/** The small pieces: PRNG, ids, licence numbers, contact disguises, the hand-built JSON lines. */
import { describe, expect, it } from 'vitest';
import { accountSchema, commentSchema, noteSchema } from '#shared/contract/snapshotRecords';
import { forgeLicenseId, isValidLicenseId, licenseEntity, makeLicenseId, retypeLicenseId } from '#scripts/generate/businessLicense';
import { contactMention, DIGIT_STYLES, makeContact, obfuscateDigits } from '#scripts/generate/contactObfuscation';
import { generateCohort, planCohort } from '#scripts/generate/generateCohort';
import { snapshotIdFor } from '#scripts/generate/generateSnapshot';
import { IdFactory } from '#scripts/generate/ids';
import { Rng } from '#scripts/generate/random';
import { accountLine, accountRecord, commentLine, commentRecord, noteLine, noteRecord, q } from '#scripts/generate/recordSerializer';
import { GroupPlanner, resolveMix } from '#scripts/generate/violationMix';

describe('Rng', () => {
  it('is deterministic per seed and labels, and independent across labels', () => {
    const a = Rng.derive('s', 'x', 1);
    const b = Rng.derive('s', 'x', 1);
    const c = Rng.derive('s', 'x', 2);
    const seqA = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(seqA);
    const r = Rng.derive('range');
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 7);
      expect(v >= 3 && v <= 7 && Number.isInteger(v)).toBe(true);
    }
  });
});

describe('IdFactory', () => {
  it('gives unique, opaque ids', () => {
    const ids = new IdFactory('seed');
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(ids.account(i));
    expect(seen.size).toBe(20000);
    expect(ids.account(0)).toMatch(/^u[0-9a-f]{12}$/);
    expect(ids.note(3, 5)).not.toBe(ids.note(5, 3));
    expect(new IdFactory('other').account(0)).not.toBe(ids.account(0));
  });
});

describe('business licence numbers', () => {
  it('generates valid unified social credit codes and forges invalid ones', () => {
    const rng = Rng.derive('licence');
    for (let i = 0; i < 200; i++) {
      const id = makeLicenseId(rng, i % 2 ? 'enterprise' : 'individual');
      expect(isValidLicenseId(id), id).toBe(true);
      expect(licenseEntity(id)).toBe(i % 2 ? 'enterprise' : 'individual');
      expect(isValidLicenseId(forgeLicenseId(rng))).toBe(false);
      expect(retypeLicenseId(rng, id).toUpperCase().replace(/[\s-]/g, '')).toBe(id);
    }
    expect(isValidLicenseId('91350100M000100Y43')).toBe(true); // a published example
  });
});

describe('contact disguises', () => {
  it('renders the same number many ways, and mentions keep the id findable after normalising', () => {
    const rng = Rng.derive('contact');
    const phone = '13812345678';
    const outputs = new Set(DIGIT_STYLES.map((s) => obfuscateDigits(rng, phone, s)));
    expect(outputs.size).toBeGreaterThanOrEqual(DIGIT_STYLES.length - 1);
    expect(obfuscateDigits(rng, phone, 'fullwidth')).toBe('１３８１２３４５６７８');
    expect(obfuscateDigits(rng, phone, 'zhUpper')).toBe('壹叁捌壹贰叁肆伍陆柒捌');
    const zw = obfuscateDigits(rng, phone, 'zeroWidth');
    expect(zw.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')).toBe(phone);
    for (let i = 0; i < 50; i++) {
      const c = makeContact(rng);
      expect(contactMention(rng, c, i % 3 === 0 ? 'hant' : 'hans').length).toBeGreaterThan(c.value.length - 3);
    }
  });
});

describe('hand-built JSON lines', () => {
  it('equal JSON.stringify of the contract records, and validate', () => {
    const seed = 'serialise';
    const mix = resolveMix(undefined);
    const env = { seed, takenAt: Date.parse('2026-11-20T00:00:00Z'), ids: new IdFactory(seed), mix, totalAccounts: 600 };
    const cohort = generateCohort(env, planCohort(new GroupPlanner(mix), seed, 0, 600), 0, 0, 600);
    for (const a of cohort.accounts) {
      const line = accountLine(cohort, Rng.derive('h', a.id), a);
      expect(line).toBe(JSON.stringify(accountRecord(cohort, Rng.derive('h', a.id), a)));
      expect(accountSchema.safeParse(JSON.parse(line)).success).toBe(true);
    }
    for (const n of cohort.notes) {
      expect(noteLine(n)).toBe(JSON.stringify(noteRecord(n)));
      expect(noteSchema.safeParse(JSON.parse(noteLine(n))).success).toBe(true);
    }
    for (const c of cohort.comments.slice(0, 5000)) {
      expect(commentLine(c)).toBe(JSON.stringify(commentRecord(c)));
      expect(commentSchema.safeParse(JSON.parse(commentLine(c))).success).toBe(true);
    }
  });

  it('escapes exactly like JSON.stringify', () => {
    for (const s of ['plain', '中文', 'a"b', 'back\\slash', 'line\nbreak', 'tab\t', '\u2028', '😀', '\ud800', '零\u200b宽', '']) expect(q(s)).toBe(JSON.stringify(s));
  });
});

describe('snapshot ids', () => {
  it('are readable and differ whenever the records would', () => {
    expect(snapshotIdFor('demo', 1000, '2026-11-20T00:00:00Z')).toBe('2026-11-20-gen-demo-1000');
    const ids = [
      snapshotIdFor('demo', 1000, '2026-11-20T00:00:00Z'),
      snapshotIdFor('Demo', 1000, '2026-11-20T00:00:00Z'),
      snapshotIdFor('demo', 1001, '2026-11-20T00:00:00Z'),
      snapshotIdFor('demo', 1000, '2026-11-21T00:00:00Z'),
      snapshotIdFor('demo', 1000, '2026-11-20T00:00:00Z', { mix: { 'water-army': 0.05 } }),
      snapshotIdFor('demo', 1000, '2026-11-20T00:00:00Z', { invalidRecords: 3 }),
      snapshotIdFor('demo', 1000, '2026-11-20T00:00:00Z', { cohortSize: 500 }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
