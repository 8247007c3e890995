/** Everything a stage needs about its sweep, loaded once from the sweep's folder. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { DetectContext } from '#shared/detect/detectorPorts';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { ruleSettings, type RuleSetting } from '#shared/policy/ruleSettings';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';

export interface SweepContext {
  plan: SweepPlan;
  policy: Policy;
  rules: Map<string, RuleSetting>;
  detect: DetectContext;
}

export async function loadSweepContext(work: BlobStore, sweepId: string): Promise<SweepContext> {
  const paths = sweepPaths(sweepId);
  if (!(await work.exists(paths.plan))) throw new Error(`sweep "${sweepId}" has no plan at ${work.describe(paths.plan)}; run the Plan stage first`);
  const plan = JSON.parse(await work.readText(paths.plan)) as SweepPlan;
  const policy = parsePolicy(JSON.parse(await work.readText(paths.policy)), work.describe(paths.policy));
  const rules = ruleSettings(policy, plan.codes as ViolationCode[] | null ?? undefined);
  const enabledCodes = new Set([...rules.values()].filter((r) => r.enabled).map((r) => r.code));
  const empty: Record<string, number> = {};
  return {
    plan,
    policy,
    rules,
    detect: {
      takenAt: new Date(plan.takenAt),
      thresholds: (ruleId) => rules.get(ruleId)?.thresholds ?? empty,
      enabled: (code) => enabledCodes.has(code),
      ownDomains: policy.platform?.ownDomains,
    },
  };
}

export async function writeStats(work: BlobStore, sweepId: string, stage: string, item: string, stats: object): Promise<void> {
  await work.write(sweepPaths(sweepId).statsObject(stage, item), JSON.stringify(stats));
}

export async function readAllStats<T>(work: BlobStore, sweepId: string, stage: string): Promise<T[]> {
  const keys = await work.list(sweepPaths(sweepId).stats(stage));
  return Promise.all(keys.map(async (k) => JSON.parse(await work.readText(k)) as T));
}
