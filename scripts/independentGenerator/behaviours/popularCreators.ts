/**
 * Popular creators: tens of thousands of followers, a note that went viral and
 * brought a rush of new followers and comments from strangers. Clean.
 */
import { DAY, daysAgo, HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, postEveryday } from './people.ts';

export function popularCreators(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const followers = Math.floor(rng.logNormal(60_000, 1.1));
    const a = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 200, 2200), baseFollowers: followers, persona: { replies: true, commentRate: 2 } });
    a.pull = Math.pow(followers, 0.5) * 3;
    world.hardNegative(a, 'popular-creator');
    const k = rng.int(15, 60);
    for (let j = 0; j < k; j++) {
      const n = postEveryday(world, rng, a, Math.max(a.createdMs + DAY, world.takenMs - 500 * DAY), world.takenMs - HOUR);
      n.likeCount = Math.floor(rng.logNormal(followers / 25, 1));
      n.collectCount = Math.floor(n.likeCount * rng.float(0.2, 0.9));
      n.extraComments = Math.floor(n.likeCount * rng.float(0.01, 0.05));
      n.pull = Math.pow(n.likeCount + 1, 0.6);
    }
    const hitAt = humanMoment(rng, world.takenMs - 29 * DAY, world.takenMs - 2 * DAY);
    const hit = postEveryday(world, rng, a, hitAt, hitAt + HOUR);
    hit.likeCount = Math.floor(followers * rng.float(1, 4));
    hit.collectCount = Math.floor(hit.likeCount * 0.6);
    hit.extraComments = Math.floor(hit.likeCount * 0.03);
    hit.pull = Math.pow(hit.likeCount + 1, 0.6) * 2;
    a.curve = { kind: 'viral', atMs: hit.createdMs };
  }
}
