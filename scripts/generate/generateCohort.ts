/**
 * Builds one cohort from start to finish, in an order where every step sees what it needs:
 * base accounts → planted groups and hard negatives take their accounts and reshape them → organic notes →
 * planted and hard-negative posting → organic comments → reactions to comments (instant AI replies,
 * praise rewrites, diverters answering questions) → follows, reports, counts.
 */
import { Cohort, type GenEnv } from './cohort.ts';
import { shapeHardNegatives } from './hardNegatives.ts';
import { createCohortAccounts, createOrganicComments, createOrganicFollows, createOrganicNotes, finaliseNotes } from './organicAccounts.ts';
import { plantGroups } from './plantedViolations.ts';
import { Rng } from './random.ts';
import { createReports } from './userReports.ts';
import type { GroupPlanner } from './violationMix.ts';

export function generateCohort(env: GenEnv, planner: GroupPlanner, index: number, firstIndex: number, size: number): Cohort {
  const root = Rng.derive(env.seed, 'cohort', index);
  const cohort = new Cohort(env, index, root.fork('pools'));
  createCohortAccounts(cohort, root.fork('accounts'), firstIndex, size);
  const plans = planner.plan(root.fork('plan'), size, index === 0);
  const planted = plantGroups(cohort, root.fork('planted'), plans);
  const hard = shapeHardNegatives(cohort, root.fork('hard-negatives'));
  createOrganicNotes(cohort, root.fork('organic-notes'));
  planted.act();
  hard.act?.();
  createOrganicComments(cohort, root.fork('organic-comments'));
  hard.late?.();
  planted.late();
  createOrganicFollows(cohort, root.fork('follows'));
  createReports(cohort, root.fork('reports'));
  finaliseNotes(cohort, root.fork('finalise'));
  return cohort;
}
