/** `crackdown policy validate`: check a policy file without running anything. */
import type { Command } from 'commander';
import { RULES } from '#shared/detect/ruleCatalog';
import { ruleSettings } from '#shared/policy/ruleSettings';
import { makeOutput } from '../output.ts';
import { loadPolicyFile } from '../options.ts';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('policy files');
  policy
    .command('validate')
    .description('check a policy file: schema, known rule ids, ladder; prints the effective rules')
    .argument('<file>', 'policy JSON file')
    .option('--json', 'print as JSON')
    .action(async (file: string, o) => {
      const out = makeOutput(Boolean(o.json));
      const p = await loadPolicyFile(file);
      const rules = [...ruleSettings(p).values()];
      out.result({ valid: true, policyVersion: p.policyVersion, rules, brandPoints: p.brandPoints }, () =>
        [
          `${file}: valid, policy version ${p.policyVersion}`,
          `  ladder: ${p.ladder.map((s) => ('days' in s ? `${s.action} ${s.days}d` : s.action)).join(' → ')}`,
          ...(p.brandPoints
            ? [
                `  brand points: ${p.brandPoints.startPoints} per ${p.brandPoints.periodDays}-day period from ${p.brandPoints.periodStart}, -${p.brandPoints.pointsPerPromotion} per promotion; ` +
                  [...p.brandPoints.tiers]
                    .sort((a, b) => b.pointsAtOrBelow - a.pointsAtOrBelow)
                    .map((t) => `≤${t.pointsAtOrBelow}: ${'days' in t.step ? `${t.step.action} ${t.step.days}d` : t.step.action}${t.reducedSearch ? ' +reduced search' : ''}${t.brandContentHidden ? ' +brand content hidden' : ''}`)
                    .join(', '),
              ]
            : []),
          `  rules (${rules.filter((r) => r.enabled).length} of ${RULES.length} enabled):`,
          ...rules.map((r) => `    ${r.enabled ? '✓' : '✗'} ${r.ruleId.padEnd(44)} ${r.severity.padEnd(9)} ${Object.entries(r.thresholds).map(([k, v]) => `${k}=${v}`).join(' ')}`),
        ].join('\n'),
      );
    });
}
