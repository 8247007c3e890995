/** What every planter shares: the group shape, the phases it runs in, and small helpers. */
import type { AccountDraft, Cohort } from './cohort.ts';
import type { Rng } from './random.ts';
import type { GroupPlan } from './violationMix.ts';

/**
 * A planter shapes its accounts as soon as it is called (profiles, registration), then posts once the organic
 * notes exist (`act`), and may react to organic comments last (`late`, e.g. instant AI replies).
 */
export interface PlantPhases {
  act?: () => void;
  late?: () => void;
}

export type Planter = (cohort: Cohort, rng: Rng, plan: GroupPlan) => PlantPhases;

/** Names that black/grey-market registration and control tools report as the client. */
export const BOT_CLIENTS = ['xhs-reg-tool/2.3', 'MatrixPilot', '群控助手', 'CloudPhone-Sync', 'AutoSignup v2', 'reg-bot', 'MultiOpen Pro', '云控大师'];

/** Fraction-of-group helper: at least one when the group is non-empty and p > 0. */
export function portion(n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  return Math.max(1, Math.round(n * p));
}

/** Members for a group: some recruited from farms (already fake accounts), the rest free ordinary accounts. */
export function gatherMembers(cohort: Cohort, rng: Rng, size: number, farmShare: number, used: Set<AccountDraft>): AccountDraft[] {
  const fromFarms = farmShare > 0 ? cohort.recruitFromFarms(Math.round(size * farmShare * rng.float(0.6, 1.2)), used) : [];
  const rest = cohort.takeFree(size - fromFarms.length);
  return [...fromFarms, ...rest];
}

/** A set of farm accounts already recruited by some group, so two rings do not share all members by chance. */
export const recruitedByCohort = new WeakMap<Cohort, Set<AccountDraft>>();
export function recruited(cohort: Cohort): Set<AccountDraft> {
  let s = recruitedByCohort.get(cohort);
  if (!s) recruitedByCohort.set(cohort, (s = new Set()));
  return s;
}

/** Keeps the organic generator from writing ordinary comments or replies as this account. */
export function silence(acc: AccountDraft): void {
  acc.activity = 0;
}
