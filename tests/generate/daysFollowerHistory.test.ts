/**
 * A run of daily snapshots gives every day a month of follower samples, cut from one longer history: the stretch
 * before the generator's drawn month must grow the way the month does, or the first days' windows show a step in
 * the daily gains where the flat stretch turns into growth, which fake-account/brushed-followers reads as bought
 * followers (10 ordinary creators were limited that way in 9 days of a 40k-account campaign).
 */
import { describe, expect, it } from 'vitest';
import { followerStep } from '#shared/detect/detectors/fakeAccount';
import { RULE_BY_ID } from '#shared/detect/ruleCatalog';
import type { AccountDraft, Cohort } from '#scripts/generate/cohort';
import { followerHistory, HISTORY_DAYS } from '#scripts/generate/organicAccounts';
import { Rng } from '#scripts/generate/random';

const DAY = 86_400_000;
const takenAt = Date.parse('2026-12-15T00:00:00Z');
const days = 28;
const th = RULE_BY_ID.get('fake-account/brushed-followers')!.thresholds;

function history(growth: number, followerCount: number, seed: string) {
  const cohort = { takenAt, env: { historyDays: HISTORY_DAYS + days - 1 } } as unknown as Cohort;
  const acc = { followerCount, followerCurve: { growth }, createdAt: takenAt - 400 * DAY } as unknown as AccountDraft;
  return followerHistory(cohort, Rng.derive(seed, 'history'), acc)!;
}

describe('generate --days: follower history before the drawn month', () => {
  it('holds a month of samples for every day of the run, the first included', () => {
    const h = history(0.3, 30_000, 'len');
    expect(h).toHaveLength(HISTORY_DAYS + days - 1);
    expect(h[h.length - 1]).toEqual({ at: '2026-12-15T00:00:00Z', count: 30_000 });
  });

  it('shows no step in the daily gains of an organic creator on any day’s window (nothing brushed-followers reads as bought)', () => {
    const steps: string[] = [];
    for (const growth of [0.05, 0.12, 0.3, 0.45]) {
      for (const followers of [5_000, 30_000, 200_000]) {
        const h = history(growth, followers, `${growth}-${followers}`);
        for (let d = 0; d < days; d++) {
          const step = followerStep(h.slice(d, d + HISTORY_DAYS));
          if (step && step.jump >= th.minJump && step.z >= th.minRobustZ) steps.push(`growth ${growth}, ${followers} followers, day ${d + 1}: +${Math.round(step.jump)} (z ${step.z.toFixed(1)})`);
        }
      }
    }
    expect(steps).toEqual([]);
  });
});
