/** Parses and checks a policy against the rule catalog; errors name the field and the problem. */
import { describeIssues } from '#shared/contract/snapshotRecords';
import { RULES } from '#shared/detect/ruleCatalog';
import { policySchema, type Policy } from './policySchema.ts';

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

export function parsePolicy(json: unknown, source = 'policy'): Policy {
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) {
    throw new PolicyError(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const policy = parsed.data;
  const known = new Set(RULES.map((r) => r.ruleId));
  const unknown = Object.keys(policy.rules).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new PolicyError(`${source}: rules.${unknown[0]}: unknown rule id${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}; known rule ids: ${[...known].sort().join(', ')}`);
  }
  const top = policy.ladder.length - 1;
  for (const [sev, step] of Object.entries(policy.severityStart)) {
    if (step > top) throw new PolicyError(`${source}: severityStart.${sev}: step ${step} is past the ladder's last step ${top}`);
  }
  const bp = policy.brandPoints;
  if (bp) {
    if (Number.isNaN(Date.parse(`${bp.periodStart}T00:00:00Z`))) throw new PolicyError(`${source}: brandPoints.periodStart: "${bp.periodStart}" is not a date`);
    // The first deduction must have a consequence, or it would never be enforced, so never recorded.
    const first = Math.max(0, bp.startPoints - bp.pointsPerPromotion);
    if (!bp.tiers.some((t) => first <= t.pointsAtOrBelow)) {
      throw new PolicyError(`${source}: brandPoints.tiers: no tier covers ${first} points (the balance after one deduction); add one with pointsAtOrBelow >= ${first}`);
    }
  }
  return policy;
}

export function parsePolicyText(text: string, source = 'policy'): Policy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  return parsePolicy(json, source);
}

export { describeIssues };
