/** `crackdown policy validate`: check a policy file without running anything. */
import type { Command } from 'commander';
import { RULES } from '#shared/detect/ruleCatalog';
import { DEFAULT_LEXICONS, LEXICON_NAMES } from '#shared/detect/text/lexicons';
import { ruleSettings } from '#shared/policy/ruleSettings';
import type { Policy } from '#shared/policy/policySchema';
import { makeOutput } from '../output.ts';
import { loadPolicyFile } from '../options.ts';

/** The content actions table: per code, what happens to the account's own notes and comments behind its findings. */
function contentActionLines(c: Policy['contentActions']): string[] {
  if (!c) return ['  content actions: none (accounts only; their notes and comments are left alone)'];
  const items = (x: { notes?: string; comments?: string } | undefined) => [x?.notes && `notes ${x.notes}`, x?.comments && `comments ${x.comments}`].filter(Boolean).join(', ') || '-';
  return [
    `  content actions (own notes/comments named by the findings; at most ${c.maxItemsPerAccount} per account, ${c.itemsPerWrite} per transaction):`,
    ...Object.entries(c.codes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, x]) => `    ${code.padEnd(24)} ${items(x)}`),
    ...(c.banned ? [`    ${'(banned account)'.padEnd(24)} ${items(c.banned)}`] : []),
  ];
}

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('policy files');
  policy
    .command('validate')
    .description('check a policy file: schema, known rule ids, ladder, lexicons; prints the effective rules and lexicons')
    .argument('<file>', 'policy JSON file')
    .option('--json', 'print as JSON')
    .action(async (file: string, o) => {
      const out = makeOutput(Boolean(o.json));
      const p = await loadPolicyFile(file);
      const rules = [...ruleSettings(p).values()];
      const lexicons = LEXICON_NAMES.map((name) => {
        const ext = p.lexicons?.[name];
        return { name, usedBy: DEFAULT_LEXICONS[name].usedBy, origin: DEFAULT_LEXICONS[name].origin, replaced: Boolean(ext?.pattern), added: ext?.add ?? [] };
      });
      out.result({ valid: true, policyVersion: p.policyVersion, rules, lexicons, platform: p.platform, brandPoints: p.brandPoints, contentActions: p.contentActions }, () =>
        [
          `${file}: valid, policy version ${p.policyVersion}`,
          `  ladder: ${p.ladder.map((s) => ('days' in s ? `${s.action} ${s.days}d` : s.action)).join(' → ')}`,
          ...(p.brandPoints
            ? [
                `  brand points: ${p.brandPoints.startPoints} per ${p.brandPoints.periodDays}-day period from ${p.brandPoints.periodStart}, -${p.brandPoints.pointsPerPromotion} per promotion; ` +
                  [...p.brandPoints.tiers]
                    .sort((a, b) => b.pointsAtOrBelow - a.pointsAtOrBelow)
                    .map(
                      (t) =>
                        `≤${t.pointsAtOrBelow}: ${'days' in t.step ? `${t.step.action} ${t.step.days}d` : t.step.action}${t.reducedSearch ? ' +reduced search' : ''}${t.brandContentHidden ? ' +brand content hidden' : ''}`,
                    )
                    .join(', '),
              ]
            : []),
          ...contentActionLines(p.contentActions),
          `  own domains (links to them are not diversion): ${p.platform?.ownDomains.join(', ') ?? 'default (xiaohongshu.com, xhslink.com, xhs.cn, xhscdn.com)'}`,
          `  lexicons:`,
          ...lexicons.map(
            (l) =>
              `    ${l.name.padEnd(18)} ${(l.replaced ? 'replaced' : 'default').padEnd(9)}${l.added.length ? ` +${l.added.length} phrase(s): ${l.added.slice(0, 5).join(', ')}${l.added.length > 5 ? ', …' : ''}` : ''}  (${l.usedBy}; ${l.origin})`,
          ),
          `  rules (${rules.filter((r) => r.enabled).length} of ${RULES.length} enabled):`,
          ...rules.map(
            (r) =>
              `    ${r.enabled ? '✓' : '✗'} ${r.ruleId.padEnd(44)} ${r.severity.padEnd(9)} ${Object.entries(r.thresholds)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}`,
          ),
        ].join('\n'),
      );
    });
}
