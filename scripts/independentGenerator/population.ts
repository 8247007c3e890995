/**
 * The population plan: which kinds of actors exist and in what share of accounts.
 * Units (a person, a household, a farm, a crew, a campaign...) are drawn one after
 * another with probability share / mean size, and packed into cohorts of roughly
 * a fixed number of accounts. Everything a unit does stays within its cohort
 * (plus a bounded memory of earlier popular content).
 */
import type { Rng } from './prng.ts';
import type { CohortWorld } from './world.ts';
import { accountTransformation } from './behaviours/accountTransformation.ts';
import { aiHostedAccounts, aiOccasionalUse } from './behaviours/aiHosting.ts';
import { campusFriends } from './behaviours/campusFriends.ts';
import { declaredAigcPosters } from './behaviours/declaredAigc.ts';
import { engagementBait } from './behaviours/engagementBait.ts';
import { enthusiasticFans } from './behaviours/enthusiasticFans.ts';
import { fakeAccountFarm } from './behaviours/fakeAccountFarm.ts';
import { falseQualification } from './behaviours/falseQualification.ts';
import { genericReviewers } from './behaviours/genericReviewers.ts';
import { homogeneousMatrix } from './behaviours/homogeneousMatrix.ts';
import { benignContactMentions, honestSelfPaid, personalSuperlatives } from './behaviours/innocentMentions.ts';
import { legitProfessionals } from './behaviours/legitProfessionals.ts';
import { misleadingMarketing } from './behaviours/misleadingMarketing.ts';
import { mistakenlyReported, ordinaryUsers } from './behaviours/ordinaryUser.ts';
import { partnerPlatformBrand } from './behaviours/partnerPlatform.ts';
import { popularCreators } from './behaviours/popularCreators.ts';
import { historyCleanup, renamedOnce } from './behaviours/profileChanges.ts';
import { scheduledCreators } from './behaviours/scheduledCreators.ts';
import { sharedFamilyDevice } from './behaviours/sharedFamilyDevice.ts';
import { trafficDiversion } from './behaviours/trafficDiversion.ts';
import { undisclosedPromotion } from './behaviours/undisclosedPromotion.ts';
import { waterArmyRing } from './behaviours/waterArmyRing.ts';

export type Build = (world: CohortWorld, rng: Rng, size: number) => unknown;

export interface UnitKind {
  name: string;
  /** Target share of all accounts. */
  share: number;
  minSize: number;
  maxSize: number;
  build: Build;
}

const sized = (name: string, share: number, minSize: number, maxSize: number, build: Build): UnitKind => ({ name, share, minSize, maxSize, build });

export const UNIT_KINDS: readonly UnitKind[] = [
  // clean look-alikes
  sized('family', 0.025, 2, 4, sharedFamilyDevice),
  sized('campus', 0.022, 6, 16, campusFriends),
  sized('generic-reviewer', 0.03, 1, 1, genericReviewers),
  sized('scheduled-creator', 0.015, 1, 1, scheduledCreators),
  sized('declared-aigc', 0.015, 1, 1, declaredAigcPosters),
  sized('partner-brand', 0.012, 2, 5, partnerPlatformBrand),
  sized('renamed-once', 0.02, 1, 1, renamedOnce),
  sized('history-cleanup', 0.008, 1, 1, historyCleanup),
  sized('popular-creator', 0.008, 1, 1, popularCreators),
  sized('benign-mention', 0.025, 1, 1, benignContactMentions),
  sized('enthusiastic-fan', 0.018, 1, 3, enthusiasticFans),
  sized('personal-superlative', 0.015, 1, 1, personalSuperlatives),
  sized('honest-self-paid', 0.012, 1, 1, honestSelfPaid),
  sized('legit-professional', 0.008, 1, 1, legitProfessionals),
  sized('mistakenly-reported', 0.005, 1, 1, mistakenlyReported),
  // violations
  sized('farm', 0.026, 10, 70, fakeAccountFarm),
  sized('water-ring', 0.016, 6, 22, waterArmyRing),
  sized('diversion', 0.015, 1, 4, trafficDiversion),
  sized('homogeneous', 0.01, 1, 10, homogeneousMatrix),
  sized('bait', 0.009, 1, 2, engagementBait),
  sized('promo', 0.012, 3, 14, undisclosedPromotion),
  sized('misleading', 0.008, 1, 2, misleadingMarketing),
  sized('transformation', 0.007, 1, 5, accountTransformation),
  sized('ai-hosted', 0.006, 1, 3, aiHostedAccounts),
  sized('ai-occasional', 0.004, 1, 1, aiOccasionalUse),
  sized('false-qualification', 0.005, 1, 5, falseQualification),
];

/** Ordinary people, built in small batches to keep per-unit overhead low. */
const ORDINARY: UnitKind = sized('ordinary', 0, 1, 8, ordinaryUsers);

export interface Unit {
  index: number;
  kind: UnitKind;
  size: number;
}

export interface Cohort {
  index: number;
  units: Unit[];
  accounts: number;
}

/** Streams cohorts of units covering exactly `total` accounts. */
export function* planCohorts(rng: Rng, total: number, cohortTarget: number): Generator<Cohort> {
  const meanSize = (k: UnitKind) => (k.minSize + k.maxSize) / 2;
  const special = UNIT_KINDS.reduce((s, k) => s + k.share, 0);
  const kinds = [...UNIT_KINDS, ORDINARY];
  const weights = [...UNIT_KINDS.map((k) => k.share / meanSize(k)), (1 - special) / meanSize(ORDINARY)];
  let planned = 0;
  let unitIndex = 0;
  let cohort: Cohort = { index: 0, units: [], accounts: 0 };
  while (planned < total) {
    let kind = kinds[rng.weighted(weights)];
    let size = rng.int(kind.minSize, kind.maxSize);
    const left = total - planned;
    if (size > left) {
      if (left >= kind.minSize) size = left;
      else {
        kind = ORDINARY;
        size = Math.min(left, rng.int(1, 8));
      }
    }
    cohort.units.push({ index: unitIndex++, kind, size });
    cohort.accounts += size;
    planned += size;
    if (cohort.accounts >= cohortTarget) {
      yield cohort;
      cohort = { index: cohort.index + 1, units: [], accounts: 0 };
    }
  }
  if (cohort.units.length) yield cohort;
}
