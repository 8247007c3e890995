/** Time helpers: epoch milliseconds inside the generator, ISO-8601 UTC strings on output. */
import type { Rng } from './random.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Users live in China: Beijing time is UTC+8. */
export const BEIJING_OFFSET = 8 * HOUR;

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_PREFIX = new Map<number, string>();

/** ISO-8601 UTC with whole seconds, e.g. `2026-11-20T00:00:00Z` (the date part is cached per day: this runs tens of millions of times). */
export function iso(ms: number): string {
  const s = Math.floor(ms / SECOND);
  const day = Math.floor(s / 86400);
  let prefix = DAY_PREFIX.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (DAY_PREFIX.size < 100_000) DAY_PREFIX.set(day, prefix);
  }
  let r = s - day * 86400;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const m = Math.floor(r / 60);
  return prefix + PAD2[h] + ':' + PAD2[m] + ':' + PAD2[r - m * 60] + 'Z';
}

/** Relative activity per Beijing-local hour: quiet at night, peaks at lunch and in the evening. */
const HOUR_WEIGHTS = [2, 1.2, 0.6, 0.3, 0.2, 0.3, 0.8, 1.6, 2.5, 3, 3.1, 3.5, 5, 4.6, 3.6, 3.1, 3.1, 3.6, 4.6, 5.6, 6.6, 7, 6.4, 4.2];
const CUMULATIVE: number[] = [];
{
  let acc = 0;
  for (const w of HOUR_WEIGHTS) CUMULATIVE.push((acc += w));
}

/** A random offset within a day (ms since Beijing midnight) that follows human activity. */
export function humanTimeOfDay(rng: Rng): number {
  const r = rng.next() * CUMULATIVE[CUMULATIVE.length - 1];
  let h = 0;
  while (CUMULATIVE[h] <= r) h++;
  return h * HOUR + Math.floor(rng.next() * HOUR);
}

/** Beijing midnight (as epoch ms) of the day containing `ms`. */
export function beijingMidnight(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
}

/** A human-looking moment between `from` and `to`: a random day, then a time of day weighted by activity. */
export function humanMoment(rng: Rng, from: number, to: number): number {
  if (to - from < 2 * DAY) return from + rng.next() * (to - from);
  for (let attempt = 0; attempt < 4; attempt++) {
    const day = beijingMidnight(from + rng.next() * (to - from));
    const t = day + humanTimeOfDay(rng);
    if (t > from && t < to) return t;
  }
  return from + rng.next() * (to - from);
}

/** Round to whole seconds: platform timestamps rarely carry milliseconds. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
