/** An ordinary user: own phone, own network, own little life. Clean. */
import type { Rng } from '../prng.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife } from './people.ts';

export function ordinaryUsers(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    liveEverydayLife(world, rng, a);
  }
}

/** Ordinary users who will attract a few mistaken reports (see reports.ts). */
export function mistakenlyReported(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    liveEverydayLife(world, rng, a, rng.int(2, 12));
    world.hardNegative(a, 'mistakenly-reported');
  }
}
