/** Human renderings of appeals: the handlers' table (`appeal list`) and one appeal (`appeal show`). */
import type { AppealRecord } from '#shared/audit/appeals';

const COLUMNS: Array<[string, (a: AppealRecord) => string]> = [
  ['APPEAL', (a) => a.appealId],
  ['STATUS', (a) => a.status],
  ['ACCOUNT', (a) => a.accountId],
  ['SWEEP', (a) => a.sweepId],
  ['ACTION', (a) => a.action],
  ['SUBMITTED', (a) => a.submittedAt],
  ['DECIDE BEFORE', (a) => (a.status === 'pending' ? a.deadline : '')],
  ['DECIDED', (a) => (a.decidedAt ? `${a.decidedAt} by ${a.decidedBy ?? '?'}` : '')],
];

export function renderAppealTable(list: AppealRecord[], filter: { status?: string; sweepId?: string }): string {
  const what = [filter.status, filter.sweepId && `of sweep ${filter.sweepId}`].filter(Boolean).join(' ');
  if (list.length === 0) return `No ${what ? `${what} ` : ''}appeals.`;
  const rows = [COLUMNS.map(([h]) => h), ...list.map((a) => COLUMNS.map(([, f]) => f(a)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, '', `${list.length} ${what ? `${what} ` : ''}appeal${list.length === 1 ? '' : 's'}.`].join('\n');
}

export function renderAppeal(a: AppealRecord): string {
  const lines = [
    `Appeal ${a.appealId}: ${a.status}`,
    `  account    ${a.accountId}`,
    `  against    ${a.action} of sweep ${a.sweepId} (ledger entry ${a.entryKey}, policy ${a.policyVersion})`,
    `  submitted  ${a.submittedAt} via ${a.channel}; decide before ${a.deadline}`,
    `  statement  ${a.statement}`,
  ];
  if (a.status !== 'pending') lines.push(`  decided    ${a.status} at ${a.decidedAt} by ${a.decidedBy}`, `  reason     ${a.decisionReason ?? ''}`);
  else lines.push(`  decide with: crackdown appeal decide --appeal-id ${a.appealId} --outcome upheld|rejected --reason "…"`);
  return lines.join('\n');
}
