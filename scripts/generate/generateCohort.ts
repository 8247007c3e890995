/**
 * Builds one cohort from start to finish, in an order where every step sees what it needs:
 * base accounts → planted groups and hard negatives take their accounts and reshape them → organic notes →
 * planted and hard-negative posting → organic comments → reactions to comments (instant AI replies,
 * praise rewrites, diverters answering questions) → follows, reports, counts.
 */
import { Cohort, type GenEnv } from './cohort.ts';
import { applyFollowerTiers } from './followerTiers.ts';
import { shapeHardNegatives } from './hardNegatives.ts';
import { createCohortAccounts, createOrganicComments, createOrganicFollows, createOrganicNotes, finaliseNotes } from './organicAccounts.ts';
import { plantGroups } from './plantedViolations.ts';
import { Rng } from './random.ts';
import { createReports } from './userReports.ts';
import type { GroupPlan, GroupPlanner } from './violationMix.ts';

/** The cohort's stream for one step: independent of every other step and cohort. */
export function cohortRng(seed: string, index: number, step: string): Rng {
  return Rng.derive(seed, 'cohort', index, step);
}

/** The planted groups of a cohort come from a planner that must see cohorts in order (it carries quotas). */
export function planCohort(planner: GroupPlanner, seed: string, index: number, size: number): GroupPlan[] {
  return planner.plan(cohortRng(seed, index, 'plan'), size, index === 0);
}

export function generateCohort(env: GenEnv, plans: GroupPlan[], index: number, firstIndex: number, size: number): Cohort {
  const rng = (step: string) => cohortRng(env.seed, index, step);
  const cohort = new Cohort(env, index, rng('pools'));
  createCohortAccounts(cohort, rng('accounts'), firstIndex, size);
  const planted = plantGroups(cohort, rng('planted'), plans);
  const hard = shapeHardNegatives(cohort, rng('hard-negatives'));
  // before notes, so engagement follows the audience; again at the end for accounts recruited later
  if (env.followerTiers) applyFollowerTiers(cohort.accounts, env.seed, env.followerTiers);
  createOrganicNotes(cohort, rng('organic-notes'));
  planted.act();
  hard.act?.();
  createOrganicComments(cohort, rng('organic-comments'));
  hard.late?.();
  planted.late();
  createOrganicFollows(cohort, rng('follows'));
  createReports(cohort, rng('reports'));
  finaliseNotes(cohort, rng('finalise'));
  if (env.followerTiers) applyFollowerTiers(cohort.accounts, env.seed, env.followerTiers);
  return cohort;
}
