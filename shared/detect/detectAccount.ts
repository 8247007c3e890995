/**
 * Every account detector over one account's bundle, then one act counted under one code: a finding
 * that another finding of the account already explains is dropped. Resolve and the detector tests
 * both judge an account through here.
 */
import type { AccountBundle, AccountDetector, DetectContext } from './detectorPorts.ts';
import { RULE_FULL } from './detectors/aiHosted.ts';
import type { Finding } from './finding.ts';

export function detectAccount(bundle: AccountBundle, detectors: readonly AccountDetector[], ctx: DetectContext): Finding[] {
  const findings: Finding[] = [];
  for (const d of detectors) if (ctx.enabled(d.code)) findings.push(...d.detect(bundle, ctx));
  return withoutExplained(findings);
}

/**
 * An account run wholly by an AI hosting tool posts what the tool writes, and the tool writes alike for
 * every account it runs: that sameness is the hosting (ai-hosted), not a matrix copying (homogeneous-content).
 */
export function withoutExplained(findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.ruleId === RULE_FULL)) return findings;
  return findings.filter((f) => f.code !== 'homogeneous-content');
}
