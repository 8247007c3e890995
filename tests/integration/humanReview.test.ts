/**
 * Human review end to end on the embedded stack: a `review: human` sweep over a generated
 * snapshot, with one deliberately over-broad rule (fake-account/brushed-followers with its
 * thresholds lowered so that it fires on organic accounts), pauses at SampleForReview; the review
 * console (driven in headless Chromium, plus the same API scripted) is judged by the generator's
 * labels and closed; the precision gate holds the bad rule and the resumed sweep enforces the rest.
 * A second sweep whose review times out enforces nothing.
 */
import { existsSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import defaultPolicyJson from '../../policies/default.json' with { type: 'json' };
import { enforcementRepository, reviewDeps, workStore } from '#shared/adapters/stageDependencies';
import { readLabels, type Label } from '#shared/evaluation/labels';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine, StateMachinePausedError, type PausedExecution } from '#scripts/local/localStepFunctions';
import { startReviewServer, type ReviewServer } from '#scripts/cli/reviewServer';

vi.setConfig({ testTimeout: 900_000, hookTimeout: 300_000 });

const CHROMIUM = '/usr/bin/chromium';
const BAD_RULE = 'fake-account/brushed-followers';

let stack: EmbeddedStack;
let dir: string;
let snapshot: string;
let labels: Map<string, Label>;

const policyWith = (version: string, review: Record<string, unknown>) =>
  parsePolicy({ ...defaultPolicyJson, policyVersion: version, rules: { [BAD_RULE]: { thresholds: { minJump: 1, minRobustZ: 0, minKept: -1e9 } } }, review }, version);

async function pauseAtReview(sweepId: string, policy: unknown): Promise<PausedExecution> {
  try {
    await runStateMachine('sweep', { sweepId, snapshot, policy, review: 'human', bucketCount: 2 }, { workers: 0, waitForTokens: 'pause' });
  } catch (err) {
    if (err instanceof StateMachinePausedError) return err.paused;
    throw err;
  }
  throw new Error('the sweep did not pause for review');
}

/** The scripted reviewer: the generator's labels say what is right. */
function verdictByLabels(c: Pick<ReviewCase, 'accountId' | 'code'>): 'correct' | 'wrong-code' | 'not-a-violation' {
  const codes = labels.get(c.accountId)?.codes ?? [];
  if (codes.includes(c.code as never)) return 'correct';
  return codes.length > 0 ? 'wrong-code' : 'not-a-violation';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-review-'));
  snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 600, seed: 'review-e2e', outDir: snapshot, partsPerKind: 2 });
  labels = await readLabels(createReadStream(join(snapshot, 'labels.jsonl')));
  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('human review of a sweep', () => {
  it('pauses for review, the console is judged by labels and closed, the over-broad rule is held and the rest enforced', async () => {
    const sweepId = 'review-e2e-1';
    const policy = policyWith('review-e2e-1', { margin: 0.1, stratumFloor: 3, minPrecision: 0.8 });
    const paused = await pauseAtReview(sweepId, policy);
    expect(paused.state).toBe('SampleForReview');
    const repo = enforcementRepository();
    expect(await repo.ledgerForSweep(sweepId)).toHaveLength(0); // nothing enforced while the review is open

    let resumed: Promise<unknown> | undefined;
    const server: ReviewServer = await startReviewServer({
      reviewers: ['alice', 'bob'],
      deps: {
        ...reviewDeps(),
        onClosed: () => {
          resumed = runStateMachine('sweep', null, { workers: 0, waitForTokens: 'pause', resume: paused });
          resumed.catch(() => undefined); // awaited below
        },
      },
    });
    const tokenOf = (who: string) => new URL(server.logins[who]).hash.slice('#token='.length);
    const api = (who: string | null, method: string, path: string, body?: string) =>
      fetch(`${server.url}/api${path}`, { method, headers: { ...(who ? { authorization: `Bearer ${tokenOf(who)}` } : {}), 'content-type': 'application/json' }, body });
    try {
      const listing = (await (await api('alice', 'GET', `/sweeps/${sweepId}/cases`)).json()) as { cases: ReviewCase[]; strata: Array<{ stratum: string; selection: string }> };
      const cases = listing.cases;
      expect(cases.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.ruleId))).toContain(BAD_RULE);
      expect(listing.strata.some((s) => s.stratum.startsWith(`${BAD_RULE}|`))).toBe(true);

      // Bad input: refused, nothing changed.
      expect((await api(null, 'GET', `/sweeps/${sweepId}/cases`)).status).toBe(401);
      expect((await fetch(`${server.url}/api/sessions`, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
      expect((await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent('no-such-rule#nobody')}/verdicts`, '{"verdict":"correct"}')).status).toBe(404);
      expect((await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(cases[0].caseId)}/verdicts`, '{verdict: correct')).status).toBe(400);
      expect((await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(cases[0].caseId)}/verdicts`, '{"verdict":"maybe"}')).status).toBe(400);
      expect((await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(cases[0].caseId)}/verdicts`, '{"verdict":"correct","reviewer":"mallory"}')).status).toBe(400);
      expect(await reviewDeps().repo.verdicts(sweepId)).toHaveLength(0);

      // The console in headless Chromium: judge the first cases with the keyboard, close the review.
      const judgedInBrowser = new Set<string>();
      let browser: import('playwright-core').Browser | undefined;
      const haveChromium = existsSync(CHROMIUM);
      if (!haveChromium && !process.env.CI) console.warn(`skipping the browser part: ${CHROMIUM} is absent (apt-get install chromium)`);
      if (haveChromium || process.env.CI) {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
      }
      const page = browser ? await browser.newPage() : undefined;
      if (page) {
        await page.goto(server.logins.alice);
        await page.waitForSelector('body[data-ready="1"]');
        expect(new URL(page.url()).hash).toBe(''); // the token left the address bar
        expect(await page.locator('#who').textContent()).toBe('alice');
        expect(await page.locator('.stratum').count()).toBe(listing.strata.length);
        await page.locator('.stratum').first().click();
        await page.locator('.case').first().click();
        for (let i = 0; i < 6; i++) {
          await page.waitForSelector('#detail[data-case-id] .verdict');
          const caseId = (await page.locator('#detail').getAttribute('data-case-id'))!;
          if (judgedInBrowser.has(caseId)) break;
          const c = cases.find((x) => x.caseId === caseId)!;
          expect(await page.locator('#detail').textContent()).toContain(c.accountId);
          const v = verdictByLabels(c);
          if (i === 0) {
            await page.keyboard.press('n'); // focuses the note
            await page.keyboard.type('checked in the browser');
            await page.keyboard.press('Escape'); // back to the shortcuts
          }
          await page.keyboard.press(v === 'correct' ? '1' : v === 'wrong-code' ? '2' : '3');
          judgedInBrowser.add(caseId);
          await page.locator(`.case[data-case-id="${caseId.replace(/["\\]/g, '\\$&')}"] .v`).waitFor();
        }
        expect(judgedInBrowser.size).toBeGreaterThan(0);
        const recorded = await reviewDeps().repo.verdicts(sweepId);
        expect(recorded.map((v) => v.caseId).sort()).toEqual([...judgedInBrowser].sort());
        expect(recorded.every((v) => v.reviewer === 'alice')).toBe(true);
        expect(recorded.some((v) => v.note === 'checked in the browser')).toBe(true);
      }

      // The scripted reviewer judges the rest through the same API; bob double-reviews a few.
      for (const c of cases) {
        if (judgedInBrowser.has(c.caseId)) continue;
        const res = await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(c.caseId)}/verdicts`, JSON.stringify({ verdict: verdictByLabels(c) }));
        expect(res.status, await res.clone().text()).toBe(201);
      }
      const goodCases = cases.filter((c) => c.ruleId !== BAD_RULE && verdictByLabels(c) === 'correct').slice(0, 4);
      for (const [i, c] of goodCases.entries()) {
        const verdict = i === 0 ? 'not-a-violation' : 'correct'; // one disagreement
        expect((await api('bob', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(c.caseId)}/verdicts`, JSON.stringify({ verdict }))).status).toBe(201);
      }
      const dup = await api('alice', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(cases[0].caseId)}/verdicts`, '{"verdict":"correct"}');
      expect(dup.status).toBe(409);
      expect(((await dup.json()) as { error: string }).error).toBe('duplicate-verdict');

      if (page) {
        page.once('dialog', (d) => void d.accept());
        await page.click('#close');
        await page.waitForSelector('#gate h3:text("Review closed")');
        expect(await page.locator('#gate tr.held').count()).toBeGreaterThan(0);
        await browser!.close();
      } else {
        expect((await api('alice', 'POST', `/sweeps/${sweepId}/close`)).status).toBe(200);
      }
      const late = await api('bob', 'POST', `/sweeps/${sweepId}/cases/${encodeURIComponent(cases[1].caseId)}/verdicts`, '{"verdict":"correct"}');
      expect(late.status).toBe(409);
      expect(((await late.json()) as { error: string }).error).toBe('review-closed');
    } finally {
      await server.close();
    }

    expect(resumed).toBeDefined();
    const summary = (await resumed) as SweepSummary;
    const review = summary.review!;
    console.log(
      `per-rule estimates: ${JSON.stringify(review.estimates, null, 1)}\nheld rules: ${review.heldRules.join(', ')}; held accounts ${review.heldAccounts}; double-reviewed ${review.doubleReviewed}, agreement ${review.agreement}`,
    );
    expect(review.mode).toBe('human');
    expect(review.status).toBe('closed');
    expect(review.heldRules).toContain(BAD_RULE);
    const enforcedRules = review.estimates!.filter((e) => !e.held).map((e) => e.ruleId);
    expect(enforcedRules.length).toBeGreaterThan(0);
    expect(review.doubleReviewed).toBe(Math.min(4, review.doubleReviewed!));
    expect(review.agreement).toBeLessThan(1);

    const decisions: Decision[] = [];
    for await (const d of readDecisions(workStore(), sweepId)) decisions.push(d);
    const ledger = await enforcementRepository().ledgerForSweep(sweepId);
    const enforced = new Set(ledger.filter((e) => e.step === 'enforce').map((e) => e.accountId));
    const held = new Set(review.heldRules);
    for (const d of decisions.filter((x) => x.action !== 'none')) {
      if (d.ruleIds.every((r) => held.has(r))) expect(enforced.has(d.accountId), d.accountId).toBe(false);
    }
    const onlyBad = decisions.filter((d) => d.action !== 'none' && d.ruleIds.length === 1 && d.ruleIds[0] === BAD_RULE);
    expect(onlyBad.length).toBeGreaterThan(0);
    expect(enforced.size).toBeGreaterThan(0);
    expect(summary.enforcement.applied).toBe(enforced.size);
    expect([...enforced].every((a) => decisions.find((d) => d.accountId === a)!.ruleIds.some((r) => !held.has(r)))).toBe(true);
  });

  it('a review that is not closed in time fails safe: the sweep ends with nothing enforced', async () => {
    const sweepId = 'review-e2e-timeout';
    const policy = policyWith('review-e2e-2', { margin: 0.2, stratumFloor: 1, timeoutHours: 1 });
    const paused = await runStateMachine('sweep', { sweepId, snapshot, policy, review: 'human', bucketCount: 2 }, { workers: 0, waitForTokens: 'pause' }).then(
      () => expect.fail('the sweep should pause for its review'),
      (err: unknown) => {
        if (!(err instanceof StateMachinePausedError)) throw err;
        return err.paused;
      },
    );
    expect(paused.timeoutSeconds).toBe(3600);
    // Nobody closes the review; resumed with the runner's clock at the deadline, the wait times out (no sleeping for it).
    const deadline = Date.parse(paused.waitingSince) + paused.timeoutSeconds * 1000;
    const out = (await runStateMachine('sweep', null, { workers: 0, waitForTokens: 'pause', resume: paused, now: () => deadline })) as SweepSummary & { status: string };
    expect(out.status).toBe('review-timed-out');
    expect(out.review?.status).toBe('timed-out');
    expect(await enforcementRepository().ledgerForSweep(sweepId)).toHaveLength(0);
    const session = await reviewDeps().repo.session(sweepId);
    expect(session?.status).toBe('timed-out');
    await expect(
      reviewDeps().repo.recordVerdict({ sweepId, caseId: (await reviewDeps().repo.cases(sweepId))[0].caseId, reviewer: 'alice', verdict: 'correct', at: new Date().toISOString() }),
    ).rejects.toMatchObject({ code: 'review-closed' });
  });
});
