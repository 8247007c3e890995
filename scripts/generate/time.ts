/** Time helpers: epoch milliseconds inside the generator, ISO-8601 UTC strings on output. */
import type { Rng } from './random.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Users live in China: Beijing time is UTC+8. */
export const BEIJING_OFFSET = 8 * HOUR;

export function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
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
