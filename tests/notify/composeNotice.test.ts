import { describe, expect, it } from 'vitest';
import { composeNotice } from '#shared/notify/composeNotice';

describe('composeNotice', () => {
  it('tells the account the code, evidence, action, duration and how to appeal, in Chinese and English', () => {
    const n = composeNotice({
      accountId: 'a1',
      sweepId: 's1',
      codes: ['traffic-diversion'],
      ruleIds: ['traffic-diversion/contact-in-text'],
      action: 'suspend',
      durationDays: 14,
      until: '2026-12-04T00:00:00.000Z',
      evidenceSummary: 'contact in note n1',
      appealUrl: 'app://appeal',
      appealWindowDays: 30,
      effectiveAt: '2026-11-20T00:00:00.000Z',
    });
    expect(n.text.zh).toContain('站外引流');
    expect(n.text.zh).toContain('封禁14天');
    expect(n.text.zh).toContain('2026-12-04');
    expect(n.text.zh).toContain('app://appeal');
    expect(n.text.en).toContain('suspension for 14 days');
    expect(n.text.en).toContain('contact in note n1');
    expect(n.appeal.deadline).toBe('2026-12-20T00:00:00.000Z');
  });

  it('says a ban has no end date', () => {
    const n = composeNotice({
      accountId: 'a',
      sweepId: 's',
      codes: ['fake-account'],
      ruleIds: [],
      action: 'ban',
      evidenceSummary: 'e',
      appealUrl: 'u',
      appealWindowDays: 7,
      effectiveAt: '2026-11-20T00:00:00Z',
    });
    expect(n.text.en).toContain('permanent ban');
    expect(n.text.en).toContain('no end date');
    expect(n.text.zh).toContain('永久封禁');
  });
});
