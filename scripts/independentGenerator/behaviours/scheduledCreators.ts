/**
 * Creators who schedule their posts: same local hour on set weekdays, to the
 * second, via the web creator centre — but the writing and the replies are human.
 * Clean.
 */
import { DAY, HOUR, MINUTE, localDayStart } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { everydayNote } from '../text/everydayLife.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, likesFor, localise } from './people.ts';

export function scheduledCreators(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { baseFollowers: Math.floor(rng.logNormal(2500, 1.2)), persona: { replies: true } });
    a.pull *= 1.5;
    world.hardNegative(a, 'scheduled-poster');
    const hour = rng.pick([7, 8, 12, 18, 19, 20, 21]);
    const minute = rng.pick([0, 0, 0, 30, 15]);
    const weekdays = rng.chance(0.4) ? [0, 1, 2, 3, 4, 5, 6] : rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(2, 4));
    const spanDays = rng.int(40, 260);
    const start = Math.max(localDayStart(a.createdMs) + DAY, localDayStart(world.takenMs - spanDays * DAY));
    const client = rng.chance(0.7) ? 'web' : a.persona.platform === 'ios' ? 'app-ios' : 'app-android';
    const topic = a.persona.topics[0];
    let posted = 0;
    for (let day = start; day < world.takenMs - DAY && posted < 70; day += DAY) {
      const weekday = Math.floor((day + 8 * HOUR) / DAY + 4) % 7;
      if (!weekdays.includes(weekday) || rng.chance(0.12)) continue;
      const w = everydayNote(rng, rng.chance(0.8) ? topic : rng.pick(a.persona.topics), a.persona.city);
      world.post(a, {
        createdMs: day + hour * HOUR + minute * MINUTE + rng.int(0, 2) * 1000,
        title: localise(w.title, a.persona.lang),
        body: localise(`${w.body}\n${rng.pick(['周三见', '下期见', '每周更新', '', '', '有想看的评论区说'])}`, a.persona.lang),
        tags: w.tags,
        topic,
        client,
        likeCount: likesFor(rng, a),
      });
      posted++;
    }
  }
}
