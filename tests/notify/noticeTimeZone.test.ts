import { describe, expect, it } from 'vitest';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { composeNotice, noticeTime } from '#shared/notify/composeNotice';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import type { Decision } from '#shared/policy/decideAction';

const base = { accountId: 'a1', sweepId: 'dec-20261205', appealUrl: 'app://appeal', appealWindowDays: 30, quotes: [] };

describe('notice times in a campaign’s time zone', () => {
  it('shows when the penalty started, when it lifts and the appeal deadline as wall times in the zone, with the offset, in Chinese and English', () => {
    const n = composeNotice({
      ...base,
      codes: ['traffic-diversion'],
      ruleIds: ['traffic-diversion/contact-in-text'],
      action: 'limit',
      durationDays: 7,
      appliedAt: '2026-12-05T18:30:00.000Z',
      until: '2026-12-12T18:30:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    // 18:30 UTC is 02:30 the next morning in Shanghai: the dates move with the zone
    expect(n.text.zh).toContain('自2026-12-06 02:30 (Asia/Shanghai, UTC+8)起');
    expect(n.text.zh).toContain('将于2026-12-13 02:30 (Asia/Shanghai, UTC+8)自动解除');
    expect(n.text.zh).toContain('请在2027-01-05 02:30 (Asia/Shanghai, UTC+8)前');
    expect(n.text.en).toContain('from 2026-12-06 02:30 (Asia/Shanghai, UTC+8) until 2026-12-13 02:30 (Asia/Shanghai, UTC+8)');
    expect(n.text.en).not.toContain(' UTC until');
    // the machine-readable times stay UTC instants
    expect(n).toMatchObject({ appliedAt: '2026-12-05T18:30:00.000Z', until: '2026-12-12T18:30:00.000Z', timeZone: 'Asia/Shanghai' });
  });

  it('follows daylight saving: the same instant a season apart shows its own offset', () => {
    expect(noticeTime('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 14:00 (Europe/Berlin, UTC+2)');
    expect(noticeTime('2026-12-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-12-01 13:00 (Europe/Berlin, UTC+1)');
    expect(noticeTime('2026-12-01T12:00:00Z', 'UTC')).toBe('2026-12-01 12:00 (UTC, UTC+0)');
    expect(noticeTime('2026-12-01T12:00:00Z')).toBe('2026-12-01 12:00 UTC');
  });

  it('planEnforcement passes the campaign’s zone to the notice, and the penalty runs from when it is applied', () => {
    const decision: Decision = {
      accountId: 'me',
      codes: ['fake-account'],
      action: 'suspend',
      durationDays: 7,
      ruleIds: ['fake-account/shared-device'],
      severity: 'medium',
      score: 0.9,
      ladderStep: 2,
      priorOffenses: 0,
      policyVersion: 'p',
      sweepId: 'dec-20261205',
      snapshotId: 'snap',
      effectiveAt: '2026-12-05T00:00:00.000Z',
      followerCount: 10,
      findings: [],
    };
    const planned = planEnforcement(decision, defaultPolicy(), 'ref', '2026-12-05T00:10:00Z', '2026-12-05T00:00:00.000Z', 'America/New_York');
    expect(planned.ledger.until).toBe('2026-12-12T00:00:00.000Z');
    expect(planned.notice.text.en).toContain('from 2026-12-04 19:00 (America/New_York, UTC-5) until 2026-12-11 19:00 (America/New_York, UTC-5)');
    expect(planEnforcement(decision, defaultPolicy(), 'ref', 'x', '2026-12-05T00:00:00.000Z').notice.text.en).toContain('from 2026-12-05 00:00 UTC until 2026-12-12 00:00 UTC');
  });
});
