/** A water-army ring-associate warning whose decision carries `items` comment removals (the content-action tests' case). */
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';

/** The default policy with content written 40 items to a transaction. */
export const contentPolicy = parsePolicy({ ...defaultPolicy(), contentActions: { ...defaultPolicy().contentActions, itemsPerWrite: 40 } });

export function contentDecision(accountId: string, sweepId: string, items: number, itemId = (i: number) => `c${String(i).padStart(3, '0')}`): Decision {
  return {
    accountId,
    codes: ['water-army'],
    action: 'warn',
    ruleIds: ['water-army/ring-associate'],
    severity: 'low',
    score: 0.8,
    ladderStep: 0,
    priorOffenses: 0,
    policyVersion: contentPolicy.policyVersion,
    sweepId,
    snapshotId: 'snap',
    effectiveAt: '2026-11-20T00:00:00.000Z',
    followerCount: 10,
    findings: [],
    contentActions: Array.from({ length: items }, (_, i) => ({
      kind: 'comment' as const,
      itemId: itemId(i),
      action: 'remove' as const,
      codes: ['water-army' as const],
      ruleIds: ['water-army/ring-associate'],
    })),
  };
}
