/** A time zone's offset from UTC, from the platform's own zone data (Intl): for campaign days and notice times. */

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai: +480). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** `UTC+8`, `UTC+5:30`, `UTC-3`, `UTC+0`. */
export function offsetLabel(minutes: number): string {
  const m = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}
