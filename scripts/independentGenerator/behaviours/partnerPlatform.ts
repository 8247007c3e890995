/**
 * A brand doing it properly: its official account and the creators it hires all
 * publish through the partner platform, so every commercial note carries
 * sponsoredVia "partner-platform". Clean.
 */
import { DAY, daysAgo, HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { makeBrief, partnerNote } from '../text/promoBriefs.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife } from './people.ts';

export function partnerPlatformBrand(world: CohortWorld, rng: Rng, size: number): void {
  const brand = world.env.brands.fresh();
  const brief = makeBrief(rng, brand.name);
  const createdMs = daysAgo(rng, world.takenMs, 120, 1500);
  const b = addPerson(world, rng, {
    createdMs,
    nickname: `${brand.name}${rng.pick(['官方', '旗舰店', ' Official', '品牌号', ''])}`,
    bio: `${brand.name}官方账号｜${rng.pick(['新品资讯', '品牌动态', '售后请找官方客服'])}`,
    baseFollowers: Math.floor(rng.logNormal(8000, 1.3)),
    persona: { social: false, replies: true },
  });
  b.type = 'brand';
  b.brandId = brand.id;
  world.hardNegative(b, 'brand-partner-platform');
  const k = rng.int(4, 22);
  for (let i = 0; i < k; i++) {
    const w = partnerNote(rng, brief, true);
    world.post(b, {
      createdMs: humanMoment(rng, b.createdMs + DAY, world.takenMs - HOUR),
      ...w,
      client: rng.chance(0.6) ? 'web' : 'app-ios',
      brandIds: [brand.id],
      sponsoredVia: 'partner-platform',
      likeCount: Math.floor(rng.logNormal(300, 1.2)),
    });
  }
  const window = world.takenMs - rng.int(16, 200) * DAY;
  for (let i = 1; i < size; i++) {
    const c = addPerson(world, rng, { baseFollowers: Math.floor(rng.logNormal(6000, 1)) });
    world.hardNegative(c, 'koc-partner-platform');
    liveEverydayLife(world, rng, c, rng.int(5, 20));
    const w = partnerNote(rng, brief, false);
    world.post(c, {
      createdMs: humanMoment(rng, Math.max(window, c.createdMs + DAY), window + 14 * DAY),
      ...w,
      client: c.persona.platform === 'ios' ? 'app-ios' : 'app-android',
      brandIds: [brand.id],
      sponsoredVia: 'partner-platform',
      likeCount: Math.floor(rng.logNormal(500, 1)),
    });
  }
}
