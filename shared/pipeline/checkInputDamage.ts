/**
 * Stops a sweep whose input is mostly damaged: a damaged part is quarantined and the sweep goes on
 * (partitionPart), but past the policy's `input.maxDamagedPartShare` of all parts nothing is judged,
 * and the error names the parts, so the operator knows what to re-export.
 */
import type { BlobStore } from '#shared/ports/blobStore';
import { maxDamagedPartShareOf, type Policy } from '#shared/policy/policySchema';
import { readAllStats } from './sweepArtifacts.ts';
import type { SweepPlan } from './sweepPlan.ts';

export class InputDamagedError extends Error {
  override readonly name = 'InputDamagedError';
}

const LISTED = 10;

export async function checkInputDamage(work: BlobStore, plan: SweepPlan, policy: Pick<Policy, 'input'>): Promise<void> {
  const total = plan.parts.length;
  if (total === 0) return;
  const damaged = (await readAllStats(work, plan.sweepId, 'partition')).filter((p) => p.damaged !== undefined);
  const share = maxDamagedPartShareOf(policy);
  if (damaged.length / total <= share) return;
  damaged.sort((a, b) => (a.part < b.part ? -1 : a.part > b.part ? 1 : 0));
  const named = damaged
    .slice(0, LISTED)
    .map((p) => `${p.part} (${p.damaged})`)
    .join('; ');
  throw new InputDamagedError(
    `${damaged.length} of ${total} snapshot parts are damaged, more than the policy's input.maxDamagedPartShare of ${share}: ` +
      `${named}${damaged.length > LISTED ? ` and ${damaged.length - LISTED} more` : ''}. Re-export those parts, or raise the share in a new policy version.`,
  );
}
