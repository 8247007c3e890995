/** The human rendering of a sweep summary and an evaluation. */
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Evaluation } from '#shared/evaluation/scoreDecisions';
import type { GuardReport } from '#shared/review/blastRadiusGuard';

/** What the blast-radius guard held and why (empty when it did not trip). */
export function renderGuard(g: GuardReport | undefined): string[] {
  if (!g?.tripped) return [];
  const lines = [`  blast-radius guard: HELD for human review (the sweep would act on ${g.acted} of ${g.judged} judged accounts, ${(g.actedShare * 100).toFixed(2)}%)`];
  if (g.sweepReason) lines.push(`    whole sweep: ${g.sweepReason}`);
  for (const r of g.heldRules) lines.push(`    ${r.ruleId}: ${r.accounts} accounts; ${r.reason}`);
  for (const t of g.followerTiers) lines.push(`    accounts with ≥ ${t.atLeast} followers: ${t.accounts} over the cap of ${t.maxActions} per sweep without review; each is reviewed in full`);
  return lines;
}

/** Notes and comments removed or limited with the accounts' decisions, by code (empty when none). */
export function renderContent(c: SweepSummary['content'], applied?: number): string[] {
  if (!c) return [];
  const cols = ['notesRemoved', 'notesLimited', 'commentsRemoved', 'commentsLimited'] as const;
  const heads = ['notes rm', 'notes lim', 'cmts rm', 'cmts lim'];
  const lines = [`  content actions (the accounts' own notes and comments)${applied !== undefined ? `: ${applied} enforced by this run` : ''}:`];
  lines.push(`  ${'code'.padEnd(24)}${heads.map((h) => h.padStart(11)).join('')}`);
  for (const code of Object.keys(c.byCode).sort()) lines.push(`  ${code.padEnd(24)}${cols.map((k) => String(c.byCode[code][k]).padStart(11)).join('')}`);
  lines.push(`  ${'all items'.padEnd(24)}${cols.map((k) => String(c.total[k]).padStart(11)).join('')}`);
  return lines;
}

const pct = (x: number | null) => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

export function renderSummary(s: SweepSummary): string {
  const lines: string[] = [];
  lines.push(`Sweep ${s.sweepId} on snapshot ${s.snapshotId}, policy ${s.policyVersion}${s.codesFilter ? `, codes ${s.codesFilter.join(',')}` : ''}`);
  const recs = Object.entries(s.records)
    .map(([k, v]) => `${k} ${v.valid}`)
    .join(', ');
  lines.push(`  records read: ${recs}; quarantined: ${s.quarantined}`);
  const dups = Object.entries(s.duplicates ?? {}).filter(([, n]) => n > 0);
  if (dups.length) lines.push(`  duplicates dropped (first copy by part order and line kept): ${dups.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (s.damagedParts?.length) {
    lines.push(`  damaged parts quarantined whole: ${s.damagedParts.length}`);
    for (const d of s.damagedParts) lines.push(`    ${d.part}: ${d.reason}`);
  }
  lines.push(`  accounts judged: ${s.accounts}; decisions: ${s.decisions}; enforced: ${s.enforcement.applied} new, ${s.enforcement.alreadyApplied} already in the ledger`);
  if (s.alreadyActed) lines.push(`  found again, already acted on by earlier sweeps (no action): ${s.alreadyActed}`);
  if (s.notify && s.lifts) {
    lines.push(
      `  notified: ${s.notify.published} messages; timed penalties to lift: ${s.lifts.scheduled} in ${s.lifts.slots} lift slots (one schedule each), ${s.lifts.alreadyScheduled} no longer pending (lifted, absorbed or replaced)`,
    );
  }
  lines.push(...renderGuard(s.guard));
  if (s.review?.heldRules.length) lines.push(`  held after review: ${s.review.heldRules.join(', ')}${s.review.heldAccounts ? `; ${s.review.heldAccounts} accounts held individually` : ''}`);
  const actions = ['warn', 'limit', 'suspend', 'ban', 'none'];
  lines.push('');
  lines.push(`  ${'code'.padEnd(24)}${actions.map((a) => a.padStart(9)).join('')}${'total'.padStart(9)}`);
  for (const code of Object.keys(s.byCodeAndAction).sort()) {
    const row = s.byCodeAndAction[code];
    lines.push(`  ${code.padEnd(24)}${actions.map((a) => String(row[a] ?? 0).padStart(9)).join('')}${String(s.byCode[code] ?? 0).padStart(9)}`);
  }
  lines.push(`  ${'all accounts'.padEnd(24)}${actions.map((a) => String(s.byAction[a] ?? 0).padStart(9)).join('')}${String(s.decisions).padStart(9)}`);
  if (s.content) lines.push('', ...renderContent(s.content, s.enforcement.contentApplied ?? 0));
  lines.push('');
  lines.push(`  decisions:  ${s.outputs.decisions}`);
  lines.push(`  quarantine: ${s.outputs.quarantine}`);
  lines.push(`  summary:    ${s.outputs.summary}`);
  return lines.join('\n');
}

export function renderEvaluation(e: Evaluation): string {
  const lines: string[] = [];
  lines.push(`  ${'code'.padEnd(24)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(8)}${'FP'.padStart(7)}${'FN'.padStart(7)}`);
  for (const c of e.perCode) {
    lines.push(
      `  ${c.code.padEnd(24)}${pct(c.precision).padStart(10)}${pct(c.recall).padStart(9)}${pct(c.f1).padStart(9)}${String(c.truePositives).padStart(8)}${String(c.falsePositives).padStart(7)}${String(c.falseNegatives).padStart(7)}`,
    );
  }
  lines.push(`  organic accounts: ${e.organic.accounts}, flagged ${e.organic.flagged} (false-positive rate ${(e.organic.falsePositiveRate * 100).toFixed(3)}%)`);
  const hn = Object.entries(e.hardNegatives).sort();
  if (hn.length) lines.push(`  hard negatives flagged: ${hn.map(([k, v]) => `${k} ${v.flagged}/${v.accounts}`).join(', ')}`);
  return lines.join('\n');
}
