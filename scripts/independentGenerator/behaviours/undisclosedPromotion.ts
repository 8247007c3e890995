/**
 * Undisclosed promotion: an agency pays ordinary accounts with real histories to
 * post one brand's brief within a two-week window, off the partner platform; each
 * swears it is self-paid, quotes the final price and sends readers to the comments.
 * Sometimes the brand's own account also posts commercial notes off-platform.
 */
import { DAY, daysAgo, HOUR, humanMoment, minutes } from '../clock.ts';
import type { Brand } from '../brands.ts';
import type { Account } from '../model.ts';
import type { Rng } from '../prng.ts';
import { makeBrief, partnerNote, promoAuthorComment, undisclosedPromoNote, type Brief } from '../text/promoBriefs.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife } from './people.ts';

function campaign(world: CohortWorld, rng: Rng, kocs: Account[], brand: Brand, brief: Brief): void {
  const start = world.takenMs - rng.int(16, 220) * DAY;
  for (const a of kocs) {
    const trad = a.persona.lang === 'zh-hant';
    const w = undisclosedPromoNote(rng, brief, trad);
    const n = world.post(a, {
      createdMs: humanMoment(rng, start, start + 14 * DAY),
      title: w.title,
      body: w.body,
      tags: w.tags,
      topic: 'beauty',
      client: clientFor(rng, a),
      brandIds: rng.chance(0.5) ? [brand.id] : undefined,
      sponsoredVia: rng.chance(0.5) ? null : undefined,
      likeCount: Math.floor(rng.logNormal(80, 1.2)),
    });
    if (rng.chance(0.75)) world.comment(a, n, n.createdMs + minutes(rng, 1, 40), promoAuthorComment(rng, brief), { client: clientFor(rng, a) });
  }
}

export function undisclosedPromotion(world: CohortWorld, rng: Rng, size: number): void {
  const brand = world.env.brands.fresh();
  const brief = makeBrief(rng, brand.name);
  const withBrand = size >= 3 && rng.chance(0.4);
  if (withBrand) {
    const b = addPerson(world, rng, {
      createdMs: daysAgo(rng, world.takenMs, 100, 1200),
      nickname: `${brand.name}${rng.pick(['官方', '旗舰店', '品牌号'])}`,
      bio: `${brand.name}官方`,
      baseFollowers: Math.floor(rng.logNormal(3000, 1.2)),
      persona: { social: false },
    });
    b.type = 'brand';
    b.brandId = brand.id;
    world.mark(b, 'undisclosed-promotion', 'brand-direct');
    const k = rng.int(3, 15);
    const viaPlatform = rng.float(0, 0.5);
    for (let i = 0; i < k; i++) {
      const w = partnerNote(rng, brief, true);
      world.post(b, {
        createdMs: humanMoment(rng, b.createdMs + DAY, world.takenMs - HOUR),
        ...w,
        client: rng.chance(0.6) ? 'web' : 'app-ios',
        brandIds: [brand.id],
        sponsoredVia: rng.chance(viaPlatform) ? 'partner-platform' : null,
        likeCount: Math.floor(rng.logNormal(200, 1.2)),
      });
    }
  }
  const kocs: Account[] = [];
  for (let i = withBrand ? 1 : 0; i < size; i++) {
    const a = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 250, 2200), baseFollowers: Math.floor(rng.logNormal(900, 1.1)) });
    liveEverydayLife(world, rng, a, rng.int(3, 18));
    world.mark(a, 'undisclosed-promotion', 'paid-koc', 'claims-self-paid');
    kocs.push(a);
  }
  campaign(world, rng, kocs, brand, brief);
  if (kocs.length >= 3 && rng.chance(0.35)) {
    const second = world.env.brands.fresh();
    campaign(world, rng, rng.sample(kocs, Math.ceil(kocs.length / 2)), second, makeBrief(rng, second.name));
  }
}
