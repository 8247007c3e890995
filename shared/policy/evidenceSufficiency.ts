/**
 * Evidence sufficiency: hard penalties only on strong or corroborated evidence.
 *
 * Wrongly suspending an ordinary user is the worst failure a crackdown can have, and a single
 * weak signal (one phrase, one look-alike note) is what ordinary users trip. So a decision is
 * - `strong` when one of its findings comes from a strong rule (ruleEvidence.ts),
 * - `corroborated` when its supporting findings span at least `minIndependentBases` bases,
 * - `weak` otherwise, and then its action is capped at the policy's `weakCap` (a limit by default):
 *   a warning, a distribution limit or human review, never a suspension or a ban.
 */
import { ACTION_RANK } from '#shared/contract/decisionExport';
import type { EvidenceBasis } from '#shared/detect/ruleEvidence';
import type { LadderStep } from './policySchema.ts';
import type { EvidencePolicy } from './policySchema.ts';

export type EvidenceLevel = 'strong' | 'corroborated' | 'weak';

export interface EvidenceAssessment {
  level: EvidenceLevel;
  /** Distinct evidence bases among the acted-on findings, sorted. */
  bases: EvidenceBasis[];
  /** The rules that made it strong (empty unless level is strong). */
  strongRules: string[];
}

export function assessEvidence(findings: ReadonlyArray<{ ruleId: string; basis: EvidenceBasis; strength: 'strong' | 'supporting' }>, policy: EvidencePolicy): EvidenceAssessment {
  const bases = [...new Set(findings.map((f) => f.basis))].sort();
  const strongRules = [...new Set(findings.filter((f) => f.strength === 'strong').map((f) => f.ruleId))].sort();
  const level: EvidenceLevel = strongRules.length > 0 ? 'strong' : bases.length >= policy.minIndependentBases ? 'corroborated' : 'weak';
  return { level, bases, strongRules };
}

/** The ladder step to apply: `step` itself, or the weak cap when the evidence is weak and the step is harsher. */
export function capForEvidence(step: LadderStep, level: EvidenceLevel, policy: EvidencePolicy): { step: LadderStep; capped: boolean } {
  if (level !== 'weak') return { step, capped: false };
  const cap = policy.weakCap;
  const harsher = ACTION_RANK[step.action] > ACTION_RANK[cap.action] || (step.action === cap.action && 'days' in step && 'days' in cap && step.days > cap.days);
  return harsher ? { step: cap, capped: true } : { step, capped: false };
}
