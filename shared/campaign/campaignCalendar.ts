/**
 * The days of a campaign and what each day runs: its sweep id (campaign + date, so a day re-run
 * or re-triggered resumes the same sweep and adds nothing), its snapshot and the instant it starts.
 * Pure: the clock is an argument.
 */
import type { Campaign } from './campaignSchema.ts';
import { offsetMinutes } from './timeZoneOffset.ts';

export function campaignDays(c: Pick<Campaign, 'period'>): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${c.period.start}T00:00:00Z`); t <= Date.parse(`${c.period.end}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

const compact = (day: string) => day.replaceAll('-', '');

export function sweepIdFor(c: Pick<Campaign, 'campaignId'>, day: string): string {
  return `${c.campaignId}-${compact(day)}`;
}

export function snapshotFor(c: Pick<Campaign, 'snapshotTemplate'>, day: string): string {
  return c.snapshotTemplate.replaceAll('{date}', day).replaceAll('{yyyymmdd}', compact(day));
}

/** The UTC instant at which the campaign's day starts its sweep (its `at`, in its time zone). */
export function startOfDay(c: Pick<Campaign, 'schedule'>, day: string): string {
  const local = Date.parse(`${day}T${c.schedule.at}:00Z`);
  // the offset at the local wall time; one correction settles a daylight-saving change between the two guesses
  let utc = local - offsetMinutes(c.schedule.timeZone, local) * 60_000;
  utc = local - offsetMinutes(c.schedule.timeZone, utc) * 60_000;
  return new Date(utc).toISOString();
}

/** The campaign day (in its time zone) an instant falls on. */
export function dayAt(c: Pick<Campaign, 'schedule'>, instant: string): string {
  const t = Date.parse(instant);
  return new Date(t + offsetMinutes(c.schedule.timeZone, t) * 60_000).toISOString().slice(0, 10);
}

/** EventBridge Scheduler: a cron at the campaign's time, read in its time zone, bounded by the period. */
export function scheduleOf(c: Pick<Campaign, 'schedule' | 'period'>): { expression: string; timeZone: string; startDate: string; endDate: string } {
  const [hh, mm] = c.schedule.at.split(':').map(Number);
  return {
    expression: `cron(${mm} ${hh} * * ? *)`,
    timeZone: c.schedule.timeZone,
    startDate: new Date(Date.parse(startOfDay(c, c.period.start)) - 60_000).toISOString(),
    endDate: new Date(Date.parse(startOfDay(c, c.period.end)) + 60_000).toISOString(),
  };
}
