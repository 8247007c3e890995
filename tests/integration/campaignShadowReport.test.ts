/**
 * A shadow campaign and an enforcing one over the same generated days, on the embedded stack: the shadow one
 * writes no ledger entry and no notice, and its report's would-have accounts are the accounts its days decided
 * to act on (counted here from the decision files); `campaign report <shadow> --compare <enforcing> --json`
 * gives the accounts both acted on and those only one did, equal to the sets computed here from the ledger; the
 * enforcing campaign's notices show times in its time zone; and the enforcing report's HTML page shows the
 * JSON report's numbers (parsed back out of it), with its per-day chart and the DSA statements of reasons.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { auditRepository, enforcementRepository, workStore } from '#shared/adapters/stageDependencies';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState } from '#shared/campaign/campaignState';
import { readDecisions } from '#shared/pipeline/readDecisions';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateDays } from '#scripts/generate/generateDays';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { playCampaign } from '#scripts/cli/playCampaign';
import { makeOutput } from '#scripts/cli/output';
import { gatherCampaign } from '#scripts/cli/commands/campaignReport';
import { runCli } from './runCli.ts';

const START = '2026-11-18';
const END = '2026-11-19';
const SHADOW_DAYS = ['shadow-20261118', 'shadow-20261119'];
const ENF_DAYS = ['enf-20261118', 'enf-20261119'];
let dir: string;
let stack: EmbeddedStack | undefined;
const out = makeOutput(true);
const never = new AbortController().signal;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-shadow-'));
  await generateDays({ days: 2, start: START, accounts: 250, seed: 'shadow', outDir: join(dir, 'exports'), partsPerKind: 1 });
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function create(campaignId: string, mode: 'enforce' | 'shadow') {
  const policy = defaultPolicy();
  const campaign = parseCampaign(
    {
      campaignId,
      version: 1,
      title: `${mode} run`,
      period: { start: START, end: END },
      schedule: { at: '08:00', timeZone: 'Asia/Shanghai' },
      policyVersion: policy.policyVersion,
      snapshotTemplate: join(dir, 'exports', '{date}'),
      mode,
    },
    'test',
  );
  const store = new DynamoCampaignStore();
  await store.addVersion({ campaign, policy, createdAt: '2026-11-17T00:00:00Z' });
  await store.setState(initialState(campaignId, '2026-11-17T00:00:00Z', 'ops'), undefined);
}

const unescapeHtml = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const numbersIn = (html: string, attr: string) => Object.fromEntries([...html.matchAll(new RegExp(`data-${attr}="([^"]+)">(\\d+)<`, 'g'))].map((m) => [m[1], Number(m[2])]));

describe('a shadow campaign beside an enforcing one', () => {
  it('enforces and notifies nothing, reports what it would have done, compares with the enforcing campaign, and the HTML page shows the JSON report', { timeout: 600_000 }, async () => {
    await create('shadow', 'shadow');
    await create('enf', 'enforce');
    // the shadow first: it reads no ledger the enforcing one wrote, so both judge the same days from scratch
    const shadowRun = await playCampaign('shadow', {}, out, never);
    expect(shadowRun.map((d) => d.outcome.split(':')[0])).toEqual(['shadow', 'shadow']);
    for (const s of SHADOW_DAYS) {
      expect(await auditRepository().ledgerForSweep(s), s).toEqual([]);
      expect(await enforcementRepository().outbox(s), s).toEqual([]);
    }
    // what the shadow days decided to act on, read from the decision files
    const wouldAct = new Set<string>();
    for (const s of SHADOW_DAYS) for await (const d of readDecisions(workStore(), s)) if (d.action !== 'none') wouldAct.add(d.accountId);
    expect(wouldAct.size).toBeGreaterThan(10);

    expect((await playCampaign('enf', {}, out, never)).every((d) => d.outcome.startsWith('swept'))).toBe(true);
    const enforced = new Set<string>();
    for (const s of ENF_DAYS) for (const e of await auditRepository().ledgerForSweep(s)) if (e.step === 'enforce' && !e.absorbedBy) enforced.add(e.accountId);
    // notices speak in the campaign's time zone: the day starts at 08:00 Shanghai
    const notices = (await enforcementRepository().outbox(ENF_DAYS[0])).filter((m) => m.kind === 'notice');
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect((n.body as { text: { en: string } }).text.en).toContain('from 2026-11-18 08:00 (Asia/Shanghai, UTC+8)');
    const shadow = JSON.parse(JSON.stringify((await gatherCampaign('shadow')).report));
    await stack!.stop();
    stack = undefined;

    // one process, as an operator runs it (each starts its own embedded stack)
    const html = join(dir, 'enf.html');
    const cli = await runCli(['campaign', 'report', 'enf', '--compare', 'shadow', '--out-html', html, '--json', '--state-dir', join(dir, 'state')]);
    expect(cli.code, cli.stderr).toBe(0);
    const r = JSON.parse(cli.stdout);
    expect(shadow.mode).toBe('shadow');
    expect(shadow.accountsHandled.accounts).toBe(wouldAct.size);
    expect(new Set(shadow.wouldHave.map((e: { accountId: string }) => e.accountId))).toEqual(wouldAct);
    expect(shadow.perDay.map((d: { newAccounts: number }) => d.newAccounts).reduce((a: number, b: number) => a + b, 0)).toBe(wouldAct.size);
    const both = [...wouldAct].filter((a) => enforced.has(a)).length;
    expect(r.comparison.accounts).toEqual({ both, onlyA: enforced.size - both, onlyB: wouldAct.size - both });
    expect(r.comparison.a).toMatchObject({ campaignId: 'enf', mode: 'enforce', accounts: enforced.size });
    expect(r.comparison.b).toMatchObject({ campaignId: 'shadow', mode: 'shadow', accounts: wouldAct.size });
    for (const [code, o] of Object.entries(r.comparison.byCode as Record<string, { both: number; onlyA: number; onlyB: number }>)) {
      expect(o.both + o.onlyB, code).toBe(shadow.accountsHandled.byCode[code] ?? 0);
      expect(o.both + o.onlyA, code).toBe(r.accountsHandled.byCode[code] ?? 0);
    }

    // the enforcing report: JSON and the page it renders agree
    expect(r.accountsHandled.accounts).toBe(enforced.size);
    expect(r.report.totals.accounts).toBe(enforced.size);
    expect(r.mode).toBe('enforce');
    // every day was released by an automatic review and the guard did not trip: nothing was held
    expect(r.held).toEqual({ byReview: 0, byGuard: 0, daysGuardTripped: 0 });
    expect(shadow.held).toEqual({ byReview: 0, byGuard: 0, daysGuardTripped: 0 });
    const page = await readFile(html, 'utf8');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const fields = numbersIn(page, 'field');
    expect(fields).toMatchObject({
      'accountsHandled.accounts': r.accountsHandled.accounts,
      'accountsHandled.over10k': r.accountsHandled.over10k,
      'accountsHandled.over100k': r.accountsHandled.over100k,
      lifted: r.lifted,
      appealed: r.appealed,
      reversed: r.reversed,
      'held.byReview': r.held.byReview,
      'held.byGuard': r.held.byGuard,
    });
    // the distinct-account charts: each bar's value is the JSON's count
    for (const [chart, counts] of [
      ['chart-accounts-code', r.accountsHandled.byCode],
      ['chart-accounts-action', r.accountsHandled.byAction],
      ['chart-accounts-tier', r.accountsHandled.byFollowerTier],
    ] as const) {
      const svg = page.slice(page.indexOf(`id="${chart}"`), page.indexOf('</figure>', page.indexOf(`id="${chart}"`)));
      const bars = Object.fromEntries([...svg.matchAll(/data-label="([^"]+)" data-value="(\d+)"/g)].map((m) => [unescapeHtml(m[1]), Number(m[2])]));
      expect(bars, chart).toEqual(counts);
    }
    // the per-day chart: one group per swept day with the JSON's numbers
    const days = [...page.matchAll(/<g class="day" data-day="([^"]+)" data-new-accounts="(\d+)" data-actions="(\d+)" data-lifted="(\d+)" data-held-by-review="(\d+)" data-held-by-guard="(\d+)"/g)].map(
      (m) => ({
        day: m[1],
        newAccounts: Number(m[2]),
        actions: Number(m[3]),
        lifted: Number(m[4]),
        heldByReview: Number(m[5]),
        heldByGuard: Number(m[6]),
      }),
    );
    expect(days).toEqual(
      r.perDay.map(({ day, newAccounts, actions, lifted, heldByReview, heldByGuard }: Record<string, unknown>) => ({ day, newAccounts, actions, lifted, heldByReview, heldByGuard })),
    );
    expect(days.reduce((s, d) => s + d.newAccounts, 0)).toBe(enforced.size);
    // the announcement in both languages, and the DSA statements of reasons stay
    expect(page).toContain(r.announcement.zh);
    expect(page).toContain(r.announcement.en.replace(/'/g, '&#39;'));
    expect(page).toContain('Statements of reasons');
    expect(page).toContain('DECISION_GROUND_INCOMPATIBLE_CONTENT');
  });
});
