/**
 * People who post short, generic product verdicts — the same few sentences that
 * thousands of unrelated buyers also write. Clean.
 */
import { HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { genericReview } from '../text/genericReviews.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife, localise } from './people.ts';

export function genericReviewers(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    world.hardNegative(a, 'generic-short-review');
    const k = rng.int(1, 5);
    for (let j = 0; j < k; j++) {
      const r = genericReview(rng);
      world.post(a, {
        createdMs: humanMoment(rng, a.createdMs + HOUR, world.takenMs - HOUR, 1.4),
        title: localise(r.title, a.persona.lang),
        body: localise(r.body, a.persona.lang),
        tags: rng.chance(0.3) ? [r.product] : undefined,
        topic: 'home',
        client: clientFor(rng, a),
        likeCount: rng.int(0, 8),
      });
    }
    liveEverydayLife(world, rng, a, rng.int(0, 4));
  }
}
