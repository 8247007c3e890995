import { describe, expect, it } from 'vitest';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { RULES } from '#shared/detect/ruleCatalog';
import { account, comment, note, runDetection } from './harness.ts';

describe('registry and rule catalog', () => {
  it('has one account detector per violation code and unique folder-safe channel names', () => {
    expect(ACCOUNT_DETECTORS.map((d) => d.code).sort()).toEqual([...VIOLATION_CODES].sort());
    const names = CHANNELS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9-]+$/);
  });

  it('rule ids are unique, prefixed by their code, and thresholds are numbers', () => {
    const ids = RULES.map((r) => r.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.ruleId.startsWith(`${r.code}/`)).toBe(true);
      for (const v of Object.values(r.thresholds)) expect(typeof v).toBe('number');
    }
  });

  it('every finding names a catalog rule with its severity, and detection is deterministic', () => {
    const fx = {
      accounts: [account('r1', { bio: 'vx: abc_123 互关必回' })],
      notes: [note('n1', 'r1', { title: '震惊', body: '加薇信 abc_123 领取，全网第一，到手价9.9' })],
      comments: [comment('c1', 'n1', 'r2', '私我')],
    };
    const a = runDetection(fx);
    const b = runDetection(fx);
    expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
    expect(a.findings.length).toBeGreaterThan(0);
    const byId = new Map(RULES.map((r) => [r.ruleId, r]));
    for (const f of a.findings) {
      expect(byId.get(f.ruleId)?.code).toBe(f.code);
      expect(byId.get(f.ruleId)?.severity).toBe(f.severity);
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
    }
  });
});
