/** outranks: the one penalty precedence rule (merging, reversal refold, brand consequence vs ladder). */
import { describe, expect, it } from 'vitest';
import { outranks, penaltyEnd } from '#shared/policy/penaltyPrecedence';

describe('outranks', () => {
  it('a stronger action wins whatever its end', () => {
    expect(outranks({ action: 'ban' }, { action: 'suspend', until: '2027-01-01T00:00:00.000Z' })).toBe(true);
    expect(outranks({ action: 'limit', until: '2030-01-01T00:00:00.000Z' }, { action: 'suspend', until: '2026-01-02T00:00:00.000Z' })).toBe(false);
    expect(outranks({ action: 'warn' }, { action: 'none' })).toBe(true);
  });

  it('of equal actions the longer wins; no end is the longest', () => {
    expect(outranks({ action: 'limit', until: '2026-12-10T00:00:00.000Z' }, { action: 'limit', until: '2026-12-08T00:00:00.000Z' })).toBe(true);
    expect(outranks({ action: 'limit', until: '2026-12-08T00:00:00.000Z' }, { action: 'limit', until: '2026-12-10T00:00:00.000Z' })).toBe(false);
    expect(outranks({ action: 'suspend' }, { action: 'suspend', until: '2026-12-10T00:00:00.000Z' })).toBe(true);
  });

  it('a tie never outranks: the penalty in place stays', () => {
    expect(outranks({ action: 'limit', until: '2026-12-08T00:00:00.000Z' }, { action: 'limit', until: '2026-12-08T00:00:00.000Z' })).toBe(false);
    expect(outranks({ action: 'ban' }, { action: 'ban' })).toBe(false);
    expect(outranks({ action: 'limit', until: '2026-12-08T00:00:00.000Z' }, { action: 'limit' })).toBe(false);
  });

  it('penaltyEnd: timed actions end durationDays after taking effect; others never', () => {
    expect(penaltyEnd('limit', '2026-11-01T00:00:00.000Z', 7)).toBe('2026-11-08T00:00:00.000Z');
    expect(penaltyEnd('suspend', '2026-11-01T00:00:00.000Z', 28)).toBe('2026-11-29T00:00:00.000Z');
    expect(penaltyEnd('ban', '2026-11-01T00:00:00.000Z', undefined)).toBeUndefined();
    expect(penaltyEnd('warn', '2026-11-01T00:00:00.000Z', undefined)).toBeUndefined();
  });
});
