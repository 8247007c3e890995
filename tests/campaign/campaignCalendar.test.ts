import { describe, expect, it } from 'vitest';
import { campaignDays, dayAt, scheduleOf, snapshotFor, startOfDay, sweepIdFor } from '#shared/campaign/campaignCalendar';
import { CampaignError, parseCampaign } from '#shared/campaign/campaignSchema';

const base = {
  campaignId: 'dec-crackdown',
  version: 1,
  title: 'December',
  period: { start: '2026-11-18', end: '2026-12-16' },
  schedule: { at: '02:00', timeZone: 'Asia/Shanghai' },
  policyVersion: '2026.12-3',
  snapshotTemplate: 's3://exports/{date}/',
};

describe('campaign calendar', () => {
  it('lists every day of the period, ends included, across a month boundary', () => {
    const days = campaignDays(parseCampaign(base, 'test'));
    expect(days).toHaveLength(29);
    expect(days[0]).toBe('2026-11-18');
    expect(days[12]).toBe('2026-11-30');
    expect(days[13]).toBe('2026-12-01');
    expect(days.at(-1)).toBe('2026-12-16');
  });

  it('names each day’s sweep by campaign and date, so a day re-triggered resumes the same sweep', () => {
    const c = parseCampaign(base, 'test');
    expect(sweepIdFor(c, '2026-12-05')).toBe('dec-crackdown-20261205');
    expect(snapshotFor(c, '2026-12-05')).toBe('s3://exports/2026-12-05/');
    expect(snapshotFor({ snapshotTemplate: '/data/{yyyymmdd}/snap' }, '2026-12-05')).toBe('/data/20261205/snap');
  });

  it('starts a day at its local time in the campaign’s time zone', () => {
    const c = parseCampaign(base, 'test');
    // 02:00 in Shanghai (UTC+8) is 18:00 UTC the day before
    expect(startOfDay(c, '2026-12-05')).toBe('2026-12-04T18:00:00.000Z');
    expect(dayAt(c, '2026-12-04T18:00:00.000Z')).toBe('2026-12-05');
    expect(dayAt(c, '2026-12-04T15:59:00.000Z')).toBe('2026-12-04');
  });

  it('keeps local time across a daylight-saving change', () => {
    const c = parseCampaign({ ...base, schedule: { at: '02:30', timeZone: 'Europe/Berlin' }, period: { start: '2026-10-24', end: '2026-10-26' } }, 'test');
    expect(startOfDay(c, '2026-10-24')).toBe('2026-10-24T00:30:00.000Z'); // CEST, UTC+2
    expect(startOfDay(c, '2026-10-26')).toBe('2026-10-26T01:30:00.000Z'); // CET, UTC+1
  });

  it('gives EventBridge Scheduler a cron in the campaign’s zone, bounded by its period', () => {
    const s = scheduleOf(parseCampaign(base, 'test'));
    expect(s).toEqual({ expression: 'cron(0 2 * * ? *)', timeZone: 'Asia/Shanghai', startDate: '2026-11-17T17:59:00.000Z', endDate: '2026-12-15T18:01:00.000Z' });
  });
});

describe('campaign definition', () => {
  it.each([
    [{ period: { start: '2026-12-10', end: '2026-12-01' } }, 'period.end: ends (2026-12-01) before it starts (2026-12-10)'],
    [{ period: { start: '2026-02-30', end: '2026-03-01' } }, 'period.start: not a calendar day'],
    [{ schedule: { at: '25:00', timeZone: 'Asia/Shanghai' } }, 'schedule.at: a time of day is HH:MM'],
    [{ schedule: { at: '02:00', timeZone: 'Mars/Olympus' } }, 'schedule.timeZone: not an IANA time zone'],
    [{ snapshotTemplate: 's3://exports/latest/' }, 'snapshotTemplate: the snapshot template must contain {date}'],
    [{ campaignId: 'Dec Crackdown' }, 'campaignId: a campaign id is'],
    [{ codes: ['spam'] }, 'codes.0'],
  ])('refuses %j naming the field', (change, message) => {
    expect(() => parseCampaign({ ...base, ...change }, 'campaigns/dec.json')).toThrow(CampaignError);
    expect(() => parseCampaign({ ...base, ...change }, 'campaigns/dec.json')).toThrow(message);
  });
});
