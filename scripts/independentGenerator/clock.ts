/**
 * Time helpers. All times are epoch milliseconds internally and ISO-8601 UTC strings
 * on output. Users live in China (UTC+8): human activity follows a local day rhythm.
 */
import type { Rng } from './prng.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const LOCAL_OFFSET = 8 * HOUR;

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefix = new Map<number, string>();

/** ISO-8601 UTC to the second (fast path: the date part is cached per day). */
export function iso(ms: number): string {
  const s = Math.floor(ms / 1000);
  const day = Math.floor(s / 86_400);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefix.size > 20_000) dayPrefix.clear();
    dayPrefix.set(day, prefix);
  }
  const r = s - day * 86_400;
  return `${prefix}${PAD2[Math.floor(r / 3600)]}:${PAD2[Math.floor(r / 60) % 60]}:${PAD2[r % 60]}Z`;
}

/** Relative activity by local hour (0..23): quiet at night, peaks at lunch and in the evening. */
const HUMAN_HOURS = [3, 1.6, 0.8, 0.4, 0.25, 0.3, 0.9, 2.4, 3.4, 3.6, 4, 4.6, 6.2, 5.6, 4.2, 4, 4.4, 5, 5.6, 6.6, 8, 9.2, 8.6, 6];

/** Start of the local (UTC+8) day containing ms, as epoch ms. */
export function localDayStart(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
}

export function localHour(ms: number): number {
  return Math.floor(((ms + LOCAL_OFFSET) % DAY) / HOUR);
}

/** A moment a person would plausibly be on their phone, on the given local day. */
export function humanMomentOnDay(rng: Rng, dayStart: number): number {
  const h = rng.weighted(HUMAN_HOURS);
  return dayStart + h * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/** A human-looking moment between lo and hi (resampled until it falls inside the range). */
export function humanMoment(rng: Rng, lo: number, hi: number, recencyBias = 1): number {
  if (hi <= lo) return lo;
  for (let tries = 0; tries < 6; tries++) {
    const u = recencyBias === 1 ? rng.next() : 1 - Math.pow(rng.next(), recencyBias);
    const t = humanMomentOnDay(rng, localDayStart(lo + u * (hi - lo)));
    if (t >= lo && t <= hi) return t;
  }
  return Math.floor(lo + rng.next() * (hi - lo));
}

/** A human reaction delay after an event: mostly minutes to hours, sometimes days. */
export function humanDelay(rng: Rng): number {
  const r = rng.next();
  if (r < 0.35) return rng.logNormal(25 * MINUTE, 1.1);
  if (r < 0.75) return rng.logNormal(7 * HOUR, 0.9);
  return rng.logNormal(4 * DAY, 1.1);
}

/** Nudges a moment out of the small hours, the way a sleeping person would. */
export function wakeUp(rng: Rng, ms: number): number {
  const h = localHour(ms);
  if (h >= 2 && h <= 6 && rng.chance(0.8)) return ms + (8 - h) * HOUR + rng.int(0, 90) * MINUTE;
  return ms;
}

/** A human moment on a local day between lo and hi days before `nowMs`. */
export function daysAgo(rng: Rng, nowMs: number, lo: number, hi: number): number {
  return humanMomentOnDay(rng, localDayStart(nowMs - rng.int(lo, hi) * DAY));
}

/** A delay between lo and hi minutes, to the second. */
export function minutes(rng: Rng, lo: number, hi: number): number {
  return rng.int(lo * 60, hi * 60) * 1000;
}
