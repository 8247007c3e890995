/**
 * undisclosed-promotion: commercial promotion not placed through the partner platform. Variants:
 *  - fake-ugc: a batch of ordinary-looking accounts (some from farms) posting "personal shares" for one brand
 *    within a campaign window: brand ids, selling language, discount codes, sponsoredVia null or absent; the
 *    brand commissioned it, so the brand's own account (when it has one) carries the fake-ugc variant too;
 *  - brand-unauthorised: a brand account posting its own commercial promotions outside the partner platform
 *    (alongside its legitimate partner-platform notes).
 */
import type { AccountDraft, BrandInfo, Cohort } from './cohort.ts';
import { promotionNote } from './commercialText.ts';
import { BRAND_CATEGORIES, BRAND_HEADS, BRAND_TAILS } from './corpus.ts';
import { brandsOf, makeBrandAccount, noteAppeal } from './organicAccounts.ts';
import { gatherMembers, recruited, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, humanMoment, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

/** A brand from the cohort, or one without an official account on the platform. */
export function someBrand(cohort: Cohort, rng: Rng): BrandInfo {
  const brands = brandsOf(cohort);
  if (brands.length && rng.chance(0.85)) return rng.pick(brands).brand!;
  const category = rng.pick(BRAND_CATEGORIES);
  return {
    brandId: `brand-${cohort.token()}`,
    name: rng.pick(BRAND_HEADS) + rng.pick(BRAND_TAILS),
    category: category.id,
    categoryName: category.name,
    products: category.products,
    topic: category.topic,
  };
}

/** One undisclosed commercial note: brand ids (usually), no partner-platform placement. */
export function postUndisclosed(cohort: Cohort, rng: Rng, acc: AccountDraft, brand: BrandInfo, window: [number, number], disguised: boolean): boolean {
  const from = Math.max(window[0], acc.createdAt + HOUR);
  if (from >= window[1]) return false;
  const t = promotionNote(rng, brand, acc.lang === 'en' ? 'hans' : acc.lang, { disguised });
  cohort.addNote(acc, {
    createdAt: wholeSecond(humanMoment(rng, from, window[1])),
    ...t,
    client: acc.client,
    ...(rng.chance(0.9) ? { brandIds: [brand.brandId] } : {}),
    ...(rng.chance(0.5) ? { sponsoredVia: null } : {}),
    appeal: noteAppeal(rng, acc),
  });
  return true;
}

export function shapeFakeUgc(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = gatherMembers(cohort, rng, plan.size, 0.3, recruited(cohort));
  const brand = someBrand(cohort, rng);
  // The brand commissioned the campaign (seed 003: brands buy seeding through intermediaries), so its
  // own account, when it has one, is a violator too; reserved now so it is never a partner-sponsored-brand hard negative.
  const sponsor = brandsOf(cohort).find((a) => a.brand === brand);
  if (sponsor) sponsor.reserved = true;
  const end = cohort.takenAt - rng.float(0.05, 50) * DAY;
  const window: [number, number] = [end - rng.float(3, 20) * DAY, Math.min(end, cohort.takenAt - 10 * MINUTE)];
  return {
    act: () => {
      let ran = false;
      for (const m of members) {
        let posted = 0;
        for (let i = rng.int(1, 4); i > 0; i--) if (postUndisclosed(cohort, rng, m, brand, window, rng.chance(0.7))) posted++;
        if (posted) cohort.label(m, 'undisclosed-promotion/fake-ugc');
        ran ||= posted > 0;
      }
      if (sponsor && ran) cohort.label(sponsor, 'undisclosed-promotion/fake-ugc');
    },
  };
}

export function shapeBrandUnauthorised(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  let [acc] = cohort.takeFree(plan.size, 'brand');
  if (!acc) {
    [acc] = cohort.takeFree(1);
    if (!acc) return {};
    makeBrandAccount(cohort, rng, acc);
  }
  const brand = acc.brand!;
  return {
    act: () => {
      const window: [number, number] = [Math.max(acc.createdAt + HOUR, cohort.takenAt - 120 * DAY), cohort.takenAt - 10 * MINUTE];
      let posted = 0;
      for (let i = rng.int(2, 8); i > 0; i--) if (postUndisclosed(cohort, rng, acc, brand, window, false)) posted++;
      if (posted) cohort.label(acc, 'undisclosed-promotion/brand-unauthorised');
    },
  };
}
