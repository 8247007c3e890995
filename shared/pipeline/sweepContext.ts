/** Everything a stage needs about its sweep, loaded once from the sweep's folder. */
import type { BlobStore } from '#shared/ports/blobStore';
import type { DetectContext } from '#shared/detect/detectorPorts';
import type { Policy } from '#shared/policy/policySchema';
import { ruleSettings, type RuleSetting } from '#shared/policy/ruleSettings';
import { planExists, readPlan, readSweepPolicy } from './sweepArtifacts.ts';
import { sweepPaths } from './sweepPaths.ts';
import type { SweepPlan } from './sweepPlan.ts';
import { lexiconsFor } from '#shared/detect/text/lexicons';

export interface SweepContext {
  plan: SweepPlan;
  policy: Policy;
  rules: Map<string, RuleSetting>;
  detect: DetectContext;
}

export async function loadSweepContext(work: BlobStore, sweepId: string): Promise<SweepContext> {
  if (!(await planExists(work, sweepId))) throw new Error(`sweep "${sweepId}" has no plan at ${work.describe(sweepPaths(sweepId).plan)}; run the Plan stage first`);
  const [plan, policy] = await Promise.all([readPlan(work, sweepId), readSweepPolicy(work, sweepId)]);
  const rules = ruleSettings(policy, plan.codes ?? undefined);
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
      lexicon: lexiconsFor(policy.lexicons),
    },
  };
}
