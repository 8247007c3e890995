/** The effective settings of each rule: the catalog's defaults overlaid with the policy's. */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Severity } from '#shared/detect/finding';
import type { EvidenceBasis, EvidenceStrength } from '#shared/detect/ruleEvidence';
import { RULES } from '#shared/detect/ruleCatalog';
import type { Policy } from './policySchema.ts';

export interface RuleSetting {
  ruleId: string;
  code: ViolationCode;
  enabled: boolean;
  severity: Severity;
  minScore: number;
  thresholds: Record<string, number>;
  basis: EvidenceBasis;
  strength: EvidenceStrength;
}

export function ruleSettings(policy: Policy, onlyCodes?: readonly ViolationCode[]): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const spec of RULES) {
    const override = policy.rules[spec.ruleId];
    const codeOn = policy.codes[spec.code]?.enabled !== false && (!onlyCodes || onlyCodes.includes(spec.code));
    out.set(spec.ruleId, {
      ruleId: spec.ruleId,
      code: spec.code,
      enabled: codeOn && (override?.enabled ?? true),
      severity: override?.severity ?? spec.severity,
      minScore: override?.minScore ?? 0,
      thresholds: { ...spec.thresholds, ...(override?.thresholds ?? {}) },
      basis: spec.basis,
      strength: override?.strength ?? spec.strength,
    });
  }
  return out;
}
