/** Decisions with an action, grouped by each rule that fired on them: the unit both samplers draw from. */
import type { Decision } from '#shared/policy/decideAction';

export function decisionsByRule(decisions: Decision[]): Map<string, Decision[]> {
  const byRule = new Map<string, Decision[]>();
  for (const d of decisions) {
    if (d.action === 'none') continue;
    for (const ruleId of d.ruleIds) {
      let list = byRule.get(ruleId);
      if (!list) byRule.set(ruleId, (list = []));
      list.push(d);
    }
  }
  return byRule;
}
