/**
 * A campaign's cumulative report, through the ports: for an enforcing campaign the transparency report over
 * every day that enforced something (DSA statements of reasons included), its accounts handled counted once
 * (accountsHandled.ts), lifted, appealed, reversed and held, and a per-day series; for a shadow campaign what it
 * would have done (wouldHaveEntries.ts), in the same shape. `campaignActs` gives either side of a comparison.
 */
import type { AuditRepository } from '#shared/ports/auditRepository';
import type { BlobStore } from '#shared/ports/blobStore';
import type { ReviewRepository } from '#shared/ports/reviewRepository';
import type { SweepRegistry } from '#shared/ports/sweepRegistry';
import { gatherReport } from '#shared/audit/gatherReport';
import type { TransparencyReport } from '#shared/audit/transparencyReport';
import type { LedgerEntry } from '#shared/enforcement/ledgerEntry';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { planExists, readGuardReport, readSampleIfAny } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { countAccountsHandled, codesByAccount, type AccountsHandled, type HandledAct } from './accountsHandled.ts';
import { announceCampaign } from './announceCampaign.ts';
import { campaignDays, dayAt, sweepIdFor } from './campaignCalendar.ts';
import type { Campaign } from './campaignSchema.ts';
import { countDayHolds, type DayReview } from './dayHolds.ts';
import { wouldHaveEntries, type WouldHaveEntry } from './wouldHaveEntries.ts';

export interface CampaignPorts {
  audit: AuditRepository;
  reviews: ReviewRepository;
  sweeps: Pick<SweepRegistry, 'get'>;
  work: BlobStore;
}

/** One campaign day in the report's chart. */
export interface CampaignDayRow {
  day: string;
  sweepId: string;
  status: 'complete' | 'running' | 'failed';
  /** Accounts first handled (or, shadow: first would have been) that day. */
  newAccounts: number;
  actions: number;
  /** Penalties of the campaign lifted on schedule that day (campaign time zone). */
  lifted: number;
  heldByReview: number;
  heldByGuard: number;
  guardTripped: boolean;
}

interface Common {
  campaignId: string;
  title: string;
  version: number;
  timeZone: string;
  /** The first and last day with a sweep, and how many days have one. */
  period: { from: string; to: string };
  daysSwept: number;
  accountsHandled: AccountsHandled;
  held: { byReview: number; byGuard: number; daysGuardTripped: number };
  perDay: CampaignDayRow[];
}

export interface EnforcingCampaignReport extends Common {
  mode: 'enforce';
  report: TransparencyReport;
  /** Counted acts lifted on schedule; appeals received; acts reversed (from the transparency report). */
  lifted: number;
  appealed: number;
  reversed: number;
  announcement: { zh: string; en: string };
}

export interface ShadowCampaignReport extends Common {
  mode: 'shadow';
  /** The enforce entries it would have written (repeats of evidence already covered left out). */
  wouldHave: WouldHaveEntry[];
  /** Decisions that found again only evidence an earlier day would already have acted on. */
  repeated: number;
  /** Accounts found whose evidence other sweeps already acted on (no act, found). */
  foundAlreadyActed: number;
}

export type CampaignReport = EnforcingCampaignReport | ShadowCampaignReport;

export class CampaignReportError extends Error {
  override name = 'CampaignReportError';
}

interface SweptDay extends DayReview {
  day: string;
  sweepId: string;
  status: CampaignDayRow['status'];
  /** Only what the report needs of each decision (a day may hold many). */
  decisions: Array<Pick<Decision, 'accountId' | 'codes' | 'action' | 'durationDays' | 'ruleIds' | 'followerCount' | 'evidenceKeys' | 'alreadyActed'>>;
}

async function sweptDays(ports: CampaignPorts, c: Campaign): Promise<SweptDay[]> {
  const out: SweptDay[] = [];
  for (const day of campaignDays(c)) {
    const sweepId = sweepIdFor(c, day);
    const record = await ports.sweeps.get(sweepId);
    if (!record || !(await planExists(ports.work, sweepId))) continue;
    const decisions: SweptDay['decisions'] = [];
    for await (const d of readDecisions(ports.work, sweepId)) {
      if (d.action === 'none' && !d.alreadyActed) continue;
      const { accountId, codes, action, durationDays, ruleIds, followerCount, evidenceKeys, alreadyActed } = d;
      decisions.push({ accountId, codes, action, durationDays, ruleIds, followerCount, evidenceKeys, alreadyActed });
    }
    out.push({ day, sweepId, status: record.status, sample: await readSampleIfAny(ports.work, sweepId), guard: await readGuardReport(ports.work, sweepId), decisions });
  }
  if (!out.length) throw new CampaignReportError(`campaign ${c.campaignId} has no swept day yet (crackdown campaign run ${c.campaignId})`);
  return out;
}

function series(days: SweptDay[], acts: Array<{ accountId: string; sweepId: string }>, liftDays: string[]): { perDay: CampaignDayRow[]; held: Common['held'] } {
  const firstDay = new Map<string, string>();
  const actions = new Map<string, number>();
  for (const a of acts) {
    actions.set(a.sweepId, (actions.get(a.sweepId) ?? 0) + 1);
    if (!firstDay.has(a.accountId)) firstDay.set(a.accountId, a.sweepId);
  }
  const newBySweep = new Map<string, number>();
  for (const s of firstDay.values()) newBySweep.set(s, (newBySweep.get(s) ?? 0) + 1);
  const held = { byReview: 0, byGuard: 0, daysGuardTripped: 0 };
  const perDay = days.map((d) => {
    const h = countDayHolds(d.decisions, d);
    held.byReview += h.heldByReview;
    held.byGuard += h.heldByGuard;
    if (h.guardTripped) held.daysGuardTripped += 1;
    return {
      day: d.day,
      sweepId: d.sweepId,
      status: d.status,
      newAccounts: newBySweep.get(d.sweepId) ?? 0,
      actions: actions.get(d.sweepId) ?? 0,
      lifted: liftDays.filter((x) => x === d.day).length,
      heldByReview: h.heldByReview,
      heldByGuard: h.heldByGuard,
      guardTripped: h.guardTripped,
    };
  });
  return { perDay, held };
}

const common = (c: Campaign, days: SweptDay[]) => ({
  campaignId: c.campaignId,
  title: c.title,
  version: c.version,
  timeZone: c.schedule.timeZone,
  period: { from: days[0].day, to: days[days.length - 1].day },
  daysSwept: days.length,
});

function shadowReport(c: Campaign, days: SweptDay[]): Gathered {
  const w = wouldHaveEntries(days);
  const { perDay, held } = series(days, w.entries, []);
  return {
    report: { ...common(c, days), mode: 'shadow', accountsHandled: countAccountsHandled(w.entries), held, perDay, wouldHave: w.entries, repeated: w.repeated, foundAlreadyActed: w.alreadyActed.size },
    accounts: codesByAccount(w.entries),
  };
}

async function enforcingReport(ports: CampaignPorts, c: Campaign, days: SweptDay[], generatedAt: string): Promise<Gathered> {
  const ledgers = new Map<string, LedgerEntry[]>();
  for (const d of days) ledgers.set(d.sweepId, await ports.audit.ledgerForSweep(d.sweepId));
  const acted = days.filter((d) => ledgers.get(d.sweepId)!.length > 0).map((d) => d.sweepId);
  if (!acted.length) throw new CampaignReportError(`campaign ${c.campaignId}: ${days.length} day(s) swept; none enforced anything yet`);
  const report = await gatherReport({ audit: ports.audit, reviews: ports.reviews }, { sweepIds: acted, title: `Campaign ${c.campaignId}: ${c.title}`, territorialScope: ['CN'], generatedAt });
  // the acts the report counts (absorbed and repeated entries left out), in campaign order
  const counted = new Set(report.statementsOfReasons.map((s) => s.puid));
  const key = (e: LedgerEntry) => `${e.sweepId}/${e.accountId}`;
  const entries = days.flatMap((d) => ledgers.get(d.sweepId)!);
  const acts: Array<HandledAct & { sweepId: string }> = entries.filter((e) => e.step === 'enforce' && counted.has(key(e)));
  const liftDays = entries.filter((e) => e.step === 'lift' && counted.has(key(e))).map((e) => dayAt(c, e.effectiveAt));
  const accountsHandled = countAccountsHandled(acts);
  const { perDay, held } = series(days, acts, liftDays);
  const byCode = Object.entries(accountsHandled.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const announcement = announceCampaign({
    start: days[0].day,
    end: days[days.length - 1].day,
    accounts: accountsHandled.accounts,
    over10k: accountsHandled.over10k,
    over100k: accountsHandled.over100k,
    byCode,
  });
  return {
    report: {
      ...common(c, days),
      mode: 'enforce',
      accountsHandled,
      held,
      perDay,
      report,
      lifted: report.timeToLift.scheduled.count,
      appealed: report.appeals.received,
      reversed: report.reversals.total,
      announcement,
    },
    accounts: codesByAccount(acts),
  };
}

/** The report, and each account it counts with its codes (one side of a comparison, compareCampaigns.ts). */
export interface Gathered {
  report: CampaignReport;
  accounts: Map<string, Set<string>>;
}

export async function gatherCampaignReport(ports: CampaignPorts, c: Campaign, generatedAt: string): Promise<Gathered> {
  const days = await sweptDays(ports, c);
  return c.mode === 'shadow' ? shadowReport(c, days) : enforcingReport(ports, c, days, generatedAt);
}
