/**
 * Plants the cohort's black/grey-market groups: one planter per variant, run in an order that lets later
 * groups recruit from earlier ones (farms first, so rings and template matrices can use farm accounts;
 * water army last, so it can work the brand notes the others posted).
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import { shapeFarmThenAdvertise, shapeResold } from './accountTransformation.ts';
import { shapeCommentBot, shapeFullyHosted, shapeOccasional } from './aiHosted.ts';
import type { Cohort } from './cohort.ts';
import { shapeDoubleTap, shapeMutualFollow, shapeSensationalHook } from './engagementBait.ts';
import { shapeFollowerBrushing, shapeNetworkBurstFarm, shapeSharedDeviceFarm } from './fakeAccountFarms.ts';
import { shapeForgedLicense, shapeMismatchedLicense, shapeSharedLicense } from './falseQualification.ts';
import { shapeCopiedContent, shapeMassPoster, shapeTemplateMatrix } from './homogeneousContent.ts';
import { shapeAbsoluteClaims, shapeFabricatedExperience, shapeMisleadingTitle } from './misleadingMarketing.ts';
import type { PlantPhases, Planter } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { shapeContactInComment, shapeContactInNote, shapeContactInProfile, shapeLinkOrDm } from './trafficDiversion.ts';
import { shapeBrandUnauthorised, shapeFakeUgc } from './undisclosedPromotion.ts';
import type { GroupPlan, VariantId } from './violationMix.ts';
import { shapeCoordinatedForwarding, shapePraiseRing, shapeQaAct } from './waterArmyRings.ts';

export const PLANTERS: Record<VariantId, Planter> = {
  'fake-account/shared-device-farm': shapeSharedDeviceFarm,
  'fake-account/network-burst-farm': shapeNetworkBurstFarm,
  'fake-account/follower-brushing': shapeFollowerBrushing,
  'homogeneous-content/template-matrix': shapeTemplateMatrix,
  'homogeneous-content/mass-poster': shapeMassPoster,
  'homogeneous-content/copied-content': shapeCopiedContent,
  'engagement-bait/double-tap': shapeDoubleTap,
  'engagement-bait/mutual-follow': shapeMutualFollow,
  'engagement-bait/sensational-hook': shapeSensationalHook,
  'traffic-diversion/contact-in-note': shapeContactInNote,
  'traffic-diversion/contact-in-comment': shapeContactInComment,
  'traffic-diversion/contact-in-profile': shapeContactInProfile,
  'traffic-diversion/link-or-dm': shapeLinkOrDm,
  'water-army/praise-ring': shapePraiseRing,
  'water-army/qa-act': shapeQaAct,
  'water-army/coordinated-forwarding': shapeCoordinatedForwarding,
  'undisclosed-promotion/fake-ugc': shapeFakeUgc,
  'undisclosed-promotion/brand-unauthorised': shapeBrandUnauthorised,
  'misleading-marketing/absolute-claims': shapeAbsoluteClaims,
  'misleading-marketing/fabricated-experience': shapeFabricatedExperience,
  'misleading-marketing/misleading-title': shapeMisleadingTitle,
  'account-transformation/farm-then-advertise': shapeFarmThenAdvertise,
  'account-transformation/resold': shapeResold,
  'ai-hosted/fully-hosted': shapeFullyHosted,
  'ai-hosted/occasional': shapeOccasional,
  'ai-hosted/comment-bot': shapeCommentBot,
  'false-qualification/shared-license': shapeSharedLicense,
  'false-qualification/forged-license': shapeForgedLicense,
  'false-qualification/mismatched-license': shapeMismatchedLicense,
};

/** Farms first (others recruit from them); brand-serving groups before the water army that works their notes. */
export const PLANT_ORDER: ViolationCode[] = [
  'fake-account',
  'false-qualification',
  'account-transformation',
  'ai-hosted',
  'undisclosed-promotion',
  'misleading-marketing',
  'homogeneous-content',
  'engagement-bait',
  'traffic-diversion',
  'water-army',
];

/** Shapes every planned group now; returns the posting work for after the organic notes exist. */
export function plantGroups(cohort: Cohort, rng: Rng, plans: GroupPlan[]): Required<PlantPhases> {
  const ordered = plans.slice().sort((a, b) => PLANT_ORDER.indexOf(a.variant.code) - PLANT_ORDER.indexOf(b.variant.code));
  const phases = ordered.map((plan) => PLANTERS[plan.variant.id](cohort, rng, plan));
  return {
    act: () => phases.forEach((p) => p.act?.()),
    late: () => phases.forEach((p) => p.late?.()),
  };
}
