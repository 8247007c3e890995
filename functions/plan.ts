/** Plan stage: validate the sweep request, check the snapshot, pin plan and policy. */
import { openStore } from '#shared/adapters/openStore';
import { sweepRegistry, workStore } from '#shared/adapters/stageDependencies';
import { CHANNELS } from '#shared/detect/registry';
import { planHandle } from '#shared/pipeline/mapItems';
import { planSweep } from '#shared/pipeline/planSweep';
import { sweepInputSchema } from '#shared/pipeline/sweepPlan';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { stageHandler } from './lib/stageHandler.ts';

export const handler = stageHandler('plan', sweepInputSchema, async (input) => {
  const policy = parsePolicy(input.policy, 'sweep input policy');
  const plan = await planSweep(
    workStore(),
    openStore(input.snapshot),
    {
      sweepId: input.sweepId,
      snapshotUri: input.snapshot,
      policy,
      codes: input.codes,
      bucketCount: input.bucketCount,
      review: input.review,
      enforceAt: input.enforceAt,
      campaign: input.campaign,
    },
    CHANNELS,
  );
  await sweepRegistry().started({
    sweepId: plan.sweepId,
    status: 'running',
    snapshot: plan.snapshot,
    snapshotId: plan.snapshotId,
    policyVersion: plan.policyVersion,
    startedAt: new Date().toISOString(),
  });
  // a handle, not the plan: the maps read their items from S3 and the state stays small whatever the sweep's size
  return planHandle(plan);
});
