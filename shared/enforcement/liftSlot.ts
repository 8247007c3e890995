/**
 * Lift slots: timed penalties are lifted in one-minute slots, one schedule per slot however many
 * penalties fall in it. A penalty due at `dueAt` belongs to the slot that ends at the next whole
 * minute at or after it (a penalty due on the minute is lifted on the minute); the slot's run
 * lifts everything due by its end, so nothing is ever lifted early and at most a minute late.
 * Pure: the slot depends on the due time only.
 */
export const LIFT_SLOT_SECONDS = 60;

/** The end of `dueAt`'s slot, as an ISO instant (`2026-12-01T00:06:00.000Z`). */
export function liftSlotOf(dueAt: string): string {
  const ms = Date.parse(dueAt);
  if (Number.isNaN(ms)) throw new Error(`lift due time is not an instant: ${dueAt}`);
  const width = LIFT_SLOT_SECONDS * 1000;
  return new Date(Math.ceil(ms / width) * width).toISOString();
}
