/**
 * Misleading marketing: sellers (individuals, clinics, brands) pushing slimming tea,
 * acne cream, hair tonic, blood-sugar tea, get-rich courses with absolute terms,
 * guaranteed cures, timed results and invented testimonies. Going through the
 * partner platform does not make the claims lawful.
 */
import { DAY, daysAgo, HOUR, humanMoment } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { licenceId } from '../qualifications.ts';
import { misleadingNote, PRODUCTS } from '../text/absoluteClaims.ts';
import type { CohortWorld } from '../world.ts';
import { addProfessional } from './legitProfessionals.ts';
import { addPerson, clientFor, liveEverydayLife } from './people.ts';

export function misleadingMarketing(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const kind = rng.pickWeighted(['personal-seller', 'clinic', 'brand'], [60, 20, 20]);
    const brand = kind === 'brand' ? world.env.brands.fresh() : undefined;
    const a =
      kind === 'clinic'
        ? addProfessional(world, rng, 'clinic')
        : addPerson(world, rng, {
            createdMs: daysAgo(rng, world.takenMs, 30, 1200),
            nickname: brand ? `${brand.name}官方` : undefined,
            persona: { social: false },
            baseFollowers: Math.floor(rng.logNormal(600, 1.3)),
          });
    if (kind === 'clinic') a.qualification = { licenseId: licenceId(rng, true), verifiedMs: Math.min(world.takenMs - DAY, a.createdMs + rng.int(2, 50) * DAY) };
    if (brand) {
      a.type = 'brand';
      a.brandId = brand.id;
      a.bio = `${brand.name}官方账号`;
    }
    const product = rng.pick(PRODUCTS);
    const fabricated = rng.chance(0.5);
    world.mark(a, 'misleading-marketing', kind, fabricated ? 'fabricated-experience' : 'absolute-claims');
    if (brand) a.truth.variants.push('via-partner-platform');
    if (kind === 'personal-seller' && rng.chance(0.4)) liveEverydayLife(world, rng, a, rng.int(1, 5));
    const k = rng.int(3, 14);
    const trad = rng.chance(0.1);
    for (let j = 0; j < k; j++) {
      const w = misleadingNote(rng, rng.chance(0.8) ? product : rng.pick(PRODUCTS), { traditional: trad, fabricated });
      world.post(a, {
        createdMs: humanMoment(rng, Math.max(a.createdMs + HOUR, world.takenMs - 200 * DAY), world.takenMs - HOUR),
        title: w.title,
        body: w.body,
        tags: [w.productName, rng.pick(['好物推荐', '变美', '健康', '副业'])],
        client: kind === 'personal-seller' ? clientFor(rng, a) : rng.pick(['web', 'app-ios']),
        brandIds: brand ? [brand.id] : undefined,
        sponsoredVia: brand ? 'partner-platform' : undefined,
        likeCount: Math.floor(rng.logNormal(90, 1.4)),
      });
    }
  }
}
