/**
 * Engagement bait: "double-tap for a surprise", like-thresholds, luck chains and
 * cliffhangers with nothing behind them, and mutual-follow schemes that follow
 * hundreds of strangers in a sitting and beg for follow-backs.
 */
import { DAY, daysAgo, HOUR, humanMoment, minutes } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { baitNote, followAsk } from '../text/baitHooks.ts';
import { toTraditional } from '../text/traditional.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife } from './people.ts';

export function engagementBait(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 15, 700), persona: { social: rng.chance(0.5) } });
    const scheme = rng.pickWeighted(['hooks', 'mutual-follow', 'both'], [45, 25, 30]);
    world.mark(a, 'engagement-bait', scheme);
    const trad = a.persona.lang === 'zh-hant';
    if (rng.chance(0.5)) liveEverydayLife(world, rng, a, rng.int(1, 5));
    if (scheme !== 'mutual-follow' || rng.chance(0.5)) {
      const k = rng.int(scheme === 'mutual-follow' ? 2 : 5, 28);
      for (let j = 0; j < k; j++) {
        const w = baitNote(rng);
        world.post(a, {
          createdMs: humanMoment(rng, Math.max(a.createdMs + HOUR, world.takenMs - 150 * DAY), world.takenMs - HOUR),
          title: trad ? toTraditional(w.title) : w.title,
          body: trad ? toTraditional(w.body) : w.body,
          tags: rng.chance(0.5) ? [rng.pick(['好运', '接好运', '互关', '每日一问', '涨粉'])] : undefined,
          client: clientFor(rng, a),
          likeCount: Math.floor(rng.logNormal(60, 1.5)),
        });
      }
    }
    if (scheme !== 'hooks') {
      a.bio = rng.pick(['互关互赞，必回', '关注我，回关不取关', '新人求关注，看到必回', '互粉互助，秒回']);
      a.baseFollowing += rng.int(300, 3000);
      a.baseFollowers += rng.int(200, 2500);
      world.later(() => {
        const sittings = rng.int(1, 4);
        for (let s = 0; s < sittings; s++) {
          let t = humanMoment(rng, Math.max(a.createdMs + HOUR, world.takenMs - 90 * DAY), world.takenMs - 2 * HOUR);
          for (const b of world.someAccounts(rng, rng.int(20, 90), (x) => x !== a)) {
            t += rng.int(4, 40) * 1000;
            if (world.follow(a, b, t) && b.persona.social && rng.chance(0.18)) world.follow(b, a, t + rng.logNormal(4 * HOUR, 1));
          }
          for (const n of world.someNotes(rng, rng.int(5, 30), (x) => x.author !== a && x.goneMs === undefined)) {
            world.comment(a, n, Math.max(t, n.createdMs) + minutes(rng, 1, 120), trad ? toTraditional(followAsk(rng)) : followAsk(rng), { client: clientFor(rng, a) });
          }
        }
      });
    }
  }
}
