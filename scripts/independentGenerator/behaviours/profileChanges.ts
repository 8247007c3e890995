/**
 * People who change their profile for ordinary reasons: a one-off rename, or a
 * clean-up that hides old posts in one evening (a graduation, a break-up, a new
 * job) without ever turning to advertising. Clean.
 */
import { DAY, daysAgo, HOUR, humanMoment, minutes } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { humanBio, humanNickname } from '../text/nicknames.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife, postEveryday } from './people.ts';

export function renamedOnce(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng);
    world.hardNegative(a, 'renamed-once');
    liveEverydayLife(world, rng, a);
    const at = humanMoment(rng, a.createdMs + DAY, world.takenMs - HOUR);
    a.history.push({ nickname: a.nickname, changedMs: at });
    a.nickname = humanNickname(rng);
    if (rng.chance(0.4)) a.bio = humanBio(rng, a.persona.city);
    if (rng.chance(0.3) && a.notes.length) world.remove(rng.pick(a.notes), 'deleted', at + minutes(rng, 1, 600));
  }
}

export function historyCleanup(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 400, 2500) });
    world.hardNegative(a, 'history-cleanup');
    liveEverydayLife(world, rng, a, rng.int(8, 22));
    const at = humanMoment(rng, world.takenMs - 200 * DAY, world.takenMs - 3 * DAY);
    const old = a.notes.filter((n) => n.createdMs < at);
    const share = rng.float(0.5, 1);
    let t = at;
    for (const n of old) {
      if (!rng.chance(share)) continue;
      t += rng.int(10, 120) * 1000;
      world.remove(n, rng.chance(0.8) ? 'hidden' : 'deleted', t);
    }
    if (rng.chance(0.5)) a.bio = rng.chance(0.5) ? undefined : humanBio(rng, a.persona.city);
    if (rng.chance(0.4)) {
      a.history.push({ nickname: a.nickname, changedMs: at + minutes(rng, 1, 90) });
      a.nickname = humanNickname(rng);
    }
    const after = rng.int(0, 5);
    for (let k = 0; k < after; k++) postEveryday(world, rng, a, at + DAY, world.takenMs - HOUR);
  }
}
