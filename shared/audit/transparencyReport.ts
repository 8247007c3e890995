/**
 * The transparency report for one sweep or a campaign (several sweeps): accounts handled by
 * code, action and follower tier, automated versus human-reviewed, appeals and reversals, time
 * to lift, and one statement of reasons per action in the shape of the EU DSA Transparency
 * Database (decision ground, automated detection, automated decision, duration, territorial
 * scope). Pure: built from ledger entries, appeals and review cases.
 *
 * Over several sweeps an act is counted once: an enforce entry absorbed by a penalty already
 * running (no new restriction, no notice) is not an action, and neither is an entry whose evidence
 * keys an earlier, not reversed entry of the same account in the report already covered (a
 * campaign that punished again what a sweep before it had acted on, recorded before actedEvidence.ts
 * stopped that). Both are counted apart (totals.absorbed, totals.repeatedActs). Accounts are distinct.
 */
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { CODE_LABELS } from '#shared/notify/composeNotice';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { followerTier } from '#shared/review/followerTier';
import { contentItemCount, emptyContentTally, tallyContent, type ContentTally } from '#shared/enforcement/decideContentActions';
import type { AppealRecord } from './appeals.ts';

export const REPORT_FORMAT = 'crackdown-transparency/1';

export interface StatementOfReasons {
  puid: string;
  account_id: string;
  sweep_id: string;
  decision_account: 'DECISION_ACCOUNT_SUSPENDED' | 'DECISION_ACCOUNT_TERMINATED' | null;
  decision_visibility: Array<'DECISION_VISIBILITY_CONTENT_DEMOTED' | 'DECISION_VISIBILITY_OTHER'>;
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  category: string;
  account_type: 'ACCOUNT_TYPE_BUSINESS' | 'ACCOUNT_TYPE_PRIVATE';
  automated_detection: 'Yes' | 'No';
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_PARTIALLY' | 'AUTOMATED_DECISION_NOT_AUTOMATED';
  source_type: 'SOURCE_VOLUNTARY';
  application_date: string;
  end_date_account_restriction: string | null;
  duration_days: number | null;
  territorial_scope: string[];
  policy_version: string;
  rule_ids: string[];
  evidence_ref: string;
  reversed: boolean;
}

/** A statement of reasons for one note or comment (the DSA's content-level fields). */
export interface ContentStatementOfReasons {
  puid: string;
  account_id: string;
  sweep_id: string;
  content_id: string;
  content_type: ['CONTENT_TYPE_TEXT'];
  content_kind: 'note' | 'comment';
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED' | 'DECISION_VISIBILITY_CONTENT_DEMOTED'];
  end_date_visibility_restriction: null;
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  category: string;
  automated_detection: 'Yes';
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_PARTIALLY';
  source_type: 'SOURCE_VOLUNTARY';
  application_date: string;
  territorial_scope: string[];
  policy_version: string;
  rule_ids: string[];
  evidence_ref: string;
  restored: boolean;
}

type Counts = Record<string, number>;

export interface DurationStats {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface TransparencyReport {
  format: typeof REPORT_FORMAT;
  title: string;
  sweepIds: string[];
  policyVersions: string[];
  period: { from: string | null; to: string | null };
  generatedAt: string;
  territorialScope: string[];
  totals: { actions: number; accounts: number; automatedOnly: number; humanReviewed: number; absorbed: number; repeatedActs: number };
  byCode: Counts;
  byAction: Counts;
  byFollowerTier: Counts;
  followers: { over10k: number; over100k: number };
  byCodeAndAction: Record<string, Counts>;
  byActionAndTier: Record<string, Counts>;
  appeals: { received: number; upheld: number; rejected: number; pending: number; daysToDecision: DurationStats };
  reversals: { total: number; byAppeal: number; byOperator: number; byAction: Counts };
  timeToLift: { all: DurationStats; scheduled: DurationStats; appeal: DurationStats; reversal: DurationStats };
  statementsOfReasons: StatementOfReasons[];
  /** Content actions: notes and comments removed or limited (each item once in `total`, under each of its codes in `byCode`), and restored. */
  content: ContentTally & { items: number; restored: number };
  contentStatementsOfReasons: ContentStatementOfReasons[];
}

const inc = (m: Counts, k: string, by = 1) => (m[k] = (m[k] ?? 0) + by);
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const round = (n: number) => Math.round(n * 100) / 100;

export function durationStats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, medianDays: null, p90Days: null };
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { count: s.length, medianDays: round(at(0.5)), p90Days: round(at(0.9)) };
}

const CATEGORY: Record<ViolationCode, string> = {
  'fake-account': 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'homogeneous-content': 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'engagement-bait': 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'traffic-diversion': 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'water-army': 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'undisclosed-promotion': 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'misleading-marketing': 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'account-transformation': 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'ai-hosted': 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'false-qualification': 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
};

export interface ReportInput {
  title: string;
  sweepIds: string[];
  /** Every ledger entry of those sweeps (any step). */
  entries: LedgerEntry[];
  appeals: AppealRecord[];
  reviewCases: ReviewCase[];
  generatedAt: string;
  territorialScope: string[];
}

const appliedOf = (e: LedgerEntry) => e.appliedAt ?? e.effectiveAt;

/** Keys of enforce entries whose every evidence key an earlier, not reversed entry of the same account already carried. */
function repeatedActs(enforce: LedgerEntry[], reversed: ReadonlySet<string>, key: (e: LedgerEntry) => string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, Set<string>>();
  const ordered = [...enforce].sort((a, b) => appliedOf(a).localeCompare(appliedOf(b)) || a.sweepId.localeCompare(b.sweepId));
  for (const e of ordered) {
    const keys = e.evidenceKeys ?? [];
    const before = seen.get(e.accountId);
    if (keys.length > 0 && before && keys.every((k) => before.has(k))) out.add(key(e));
    if (reversed.has(key(e))) continue;
    const set = before ?? new Set<string>();
    for (const k of keys) set.add(k);
    seen.set(e.accountId, set);
  }
  return out;
}

export function buildTransparencyReport(input: ReportInput): TransparencyReport {
  const sweeps = new Set(input.sweepIds);
  const entries = input.entries.filter((e) => sweeps.has(e.sweepId));
  const key = (e: { accountId: string; sweepId: string }) => `${e.accountId}\u0000${e.sweepId}`;
  const reverses = new Map(entries.filter((e) => e.step === 'reverse').map((e) => [key(e), e]));
  const allEnforce = entries.filter((e) => e.step === 'enforce');
  const repeated = repeatedActs(allEnforce, new Set(reverses.keys()), key);
  const absorbed = allEnforce.filter((e) => e.absorbedBy !== undefined).length;
  const enforce = allEnforce.filter((e) => e.absorbedBy === undefined && !repeated.has(key(e))).sort((a, b) => a.sweepId.localeCompare(b.sweepId) || a.accountId.localeCompare(b.accountId));
  const lifts = new Map(entries.filter((e) => e.step === 'lift').map((e) => [key(e), e]));
  const reviewed = new Set(input.reviewCases.filter((c) => c.reviewer && c.reviewer !== 'auto' && c.verdict).map((c) => key(c)));

  const report: TransparencyReport = {
    format: REPORT_FORMAT,
    title: input.title,
    sweepIds: [...sweeps].sort(),
    policyVersions: [...new Set(enforce.map((e) => e.policyVersion))].sort(),
    period: {
      from: enforce.map(appliedOf).sort()[0] ?? null,
      to: enforce.map(appliedOf).sort().at(-1) ?? null,
    },
    generatedAt: input.generatedAt,
    territorialScope: input.territorialScope,
    totals: {
      actions: enforce.length,
      accounts: new Set(enforce.map((e) => e.accountId)).size,
      automatedOnly: 0,
      humanReviewed: 0,
      absorbed,
      repeatedActs: allEnforce.filter((e) => e.absorbedBy === undefined && repeated.has(key(e))).length,
    },
    byCode: {},
    byAction: {},
    byFollowerTier: {},
    followers: { over10k: 0, over100k: 0 },
    byCodeAndAction: {},
    byActionAndTier: {},
    appeals: { received: 0, upheld: 0, rejected: 0, pending: 0, daysToDecision: durationStats([]) },
    reversals: { total: 0, byAppeal: 0, byOperator: 0, byAction: {} },
    timeToLift: { all: durationStats([]), scheduled: durationStats([]), appeal: durationStats([]), reversal: durationStats([]) },
    statementsOfReasons: [],
    content: { ...emptyContentTally(), items: 0, restored: 0 },
    contentStatementsOfReasons: [],
  };
  const toLift = { scheduled: [] as number[], appeal: [] as number[], reversal: [] as number[] };
  for (const e of enforce) {
    const tier = e.followerCount === undefined ? 'unknown' : followerTier(e.followerCount);
    const human = reviewed.has(key(e));
    if (human) report.totals.humanReviewed += 1;
    else report.totals.automatedOnly += 1;
    inc(report.byAction, e.action);
    inc(report.byFollowerTier, tier);
    inc((report.byActionAndTier[e.action] ??= {}), tier);
    if ((e.followerCount ?? 0) >= 10_000) report.followers.over10k += 1;
    if ((e.followerCount ?? 0) >= 100_000) report.followers.over100k += 1;
    for (const c of e.codes) {
      inc(report.byCode, c);
      inc((report.byCodeAndAction[c] ??= {}), e.action);
    }
    const rev = reverses.get(key(e));
    if (rev) {
      report.reversals.total += 1;
      inc(report.reversals.byAction, e.action);
      if (rev.actor === 'appeal-handler') {
        report.reversals.byAppeal += 1;
        toLift.appeal.push(days(appliedOf(e), rev.effectiveAt));
      } else {
        report.reversals.byOperator += 1;
        toLift.reversal.push(days(appliedOf(e), rev.effectiveAt));
      }
    } else {
      const lift = lifts.get(key(e));
      if (lift) toLift.scheduled.push(days(appliedOf(e), lift.effectiveAt));
    }
    const timed = e.action === 'limit' || e.action === 'suspend';
    report.statementsOfReasons.push({
      puid: `${e.sweepId}/${e.accountId}`,
      account_id: e.accountId,
      sweep_id: e.sweepId,
      decision_account: e.action === 'suspend' ? 'DECISION_ACCOUNT_SUSPENDED' : e.action === 'ban' ? 'DECISION_ACCOUNT_TERMINATED' : null,
      decision_visibility: e.action === 'limit' ? ['DECISION_VISIBILITY_CONTENT_DEMOTED'] : e.action === 'warn' ? ['DECISION_VISIBILITY_OTHER'] : [],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: e.codes.join(', '),
      incompatible_content_explanation: e.codes.map((c) => CODE_LABELS[c]?.en ?? c).join('; '),
      category: CATEGORY[e.codes[0]] ?? 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
      account_type: e.accountType === 'brand' || e.accountType === 'professional' ? 'ACCOUNT_TYPE_BUSINESS' : 'ACCOUNT_TYPE_PRIVATE',
      automated_detection: 'Yes',
      automated_decision: human ? 'AUTOMATED_DECISION_PARTIALLY' : 'AUTOMATED_DECISION_FULLY',
      source_type: 'SOURCE_VOLUNTARY',
      application_date: appliedOf(e),
      end_date_account_restriction: timed ? (e.until ?? null) : null,
      duration_days: timed ? (e.durationDays ?? null) : null,
      territorial_scope: input.territorialScope,
      policy_version: e.policyVersion,
      rule_ids: e.ruleIds,
      evidence_ref: e.evidenceRef,
      reversed: rev !== undefined,
    });
  }
  // Content: one statement per item; an item is counted once per sweep that acted on it.
  const restoredContent = new Set(entries.filter((e) => e.step === 'content-restore').map((e) => e.reversesEntryKey));
  const content = entries
    .filter((e) => e.step === 'content' && e.content)
    .sort((a, b) => a.sweepId.localeCompare(b.sweepId) || a.accountId.localeCompare(b.accountId) || a.entryKey.localeCompare(b.entryKey));
  for (const e of content) {
    const c = e.content!;
    tallyContent(report.content, { kind: c.kind, action: c.action, codes: e.codes });
    const restored = restoredContent.has(e.entryKey);
    if (restored) report.content.restored += 1;
    report.contentStatementsOfReasons.push({
      puid: `${e.sweepId}/${e.accountId}/${c.kind}/${c.itemId}`,
      account_id: e.accountId,
      sweep_id: e.sweepId,
      content_id: c.itemId,
      content_type: ['CONTENT_TYPE_TEXT'],
      content_kind: c.kind,
      decision_visibility: [c.action === 'remove' ? 'DECISION_VISIBILITY_CONTENT_REMOVED' : 'DECISION_VISIBILITY_CONTENT_DEMOTED'],
      end_date_visibility_restriction: null,
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: e.codes.join(', '),
      incompatible_content_explanation: e.codes.map((code) => CODE_LABELS[code]?.en ?? code).join('; '),
      category: CATEGORY[e.codes[0]] ?? 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
      automated_detection: 'Yes',
      automated_decision: reviewed.has(key(e)) ? 'AUTOMATED_DECISION_PARTIALLY' : 'AUTOMATED_DECISION_FULLY',
      source_type: 'SOURCE_VOLUNTARY',
      application_date: appliedOf(e),
      territorial_scope: input.territorialScope,
      policy_version: e.policyVersion,
      rule_ids: e.ruleIds,
      evidence_ref: e.evidenceRef,
      restored,
    });
  }
  report.content.items = contentItemCount(report.content.total);
  const appeals = input.appeals.filter((a) => sweeps.has(a.sweepId));
  report.appeals.received = appeals.length;
  for (const a of appeals) {
    if (a.status === 'upheld') report.appeals.upheld += 1;
    else if (a.status === 'rejected') report.appeals.rejected += 1;
    else report.appeals.pending += 1;
  }
  report.appeals.daysToDecision = durationStats(appeals.filter((a) => a.decidedAt).map((a) => days(a.submittedAt, a.decidedAt!)));
  report.timeToLift = {
    all: durationStats([...toLift.scheduled, ...toLift.appeal, ...toLift.reversal]),
    scheduled: durationStats(toLift.scheduled),
    appeal: durationStats(toLift.appeal),
    reversal: durationStats(toLift.reversal),
  };
  return report;
}
