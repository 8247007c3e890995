/**
 * The review console's security, in headless Chromium against the console `crackdown review serve`
 * starts (scripts/cli/reviewServer.ts → shared/review/reviewConsole.ts), over a real paused sweep:
 * a generated snapshot whose accounts, notes and comments carry hostile text (script tags, event
 * handlers, javascript: links, a right-to-left override, very long text) is swept on the embedded
 * stack up to SampleForReview, so the text reaches the console through the whole pipeline.
 *
 *   - no sign-in token, or a wrong one: every API route refused, the page shows nothing
 *   - another site (a page on a second local port, cross-site) cannot record a verdict or close the
 *     review, not even with a leaked token; cross-origin API calls are refused by the server too
 *   - no path traversal on the page routes or the evidence route
 *   - hostile text is shown as text: no script runs, no element is made of it, no CSP violation
 *   - security headers on every response; the console cannot be framed; a foreign Host is refused
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import defaultPolicyJson from '../../policies/default.json' with { type: 'json' };
import { reviewDeps } from '#shared/adapters/stageDependencies';
import { parsePolicy } from '#shared/policy/loadPolicy';
import type { ReviewCase } from '#shared/ports/reviewRepository';
import type { CaseEvidence } from '#shared/review/reviewEvidence';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine, StateMachinePausedError } from '#scripts/local/localStepFunctions';
import { startReviewServer, type ReviewServer } from '#scripts/cli/reviewServer';

// Page-side code below runs in Chromium; the project compiles without the DOM library, so these are declared here only.
declare const document: any;
declare const window: any;

vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const CHROMIUM = '/usr/bin/chromium';
const SWEEP = 'console-security-1';

// Each payload, if it ever became markup, would set window.__pwned or open a dialog.
const SCRIPT = `<script>window.__pwned='script';alert('script')</script>`;
const IMG = `<img src=x onerror="window.__pwned='img';alert('img')">`;
const LINK = `<a href="javascript:window.__pwned='link'">open</a> javascript:alert('link')`;
const SVG = `<svg onload="window.__pwned='svg'"></svg><iframe src="javascript:alert('frame')"></iframe>`;
const RLO = '\u202Etxt.exe';
const HOSTILE = `${SCRIPT} ${IMG} ${LINK} ${SVG} ${RLO}`;
const LONG = `${'W'.repeat(15_000)}${SCRIPT}`;

let dir: string;
let stack: EmbeddedStack;
let server: ReviewServer;
let evil: Server;
let evilUrl: string;
let browser: Browser | undefined;
let cases: ReviewCase[];
let hostileCase: ReviewCase;

const tokenOf = (who: string) => new URL(server.logins[who]).hash.slice('#token='.length);

/** A raw HTTP request (fetch would normalise `..` and encoded dots away before sending). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, setHost: !('host' in headers) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Rewrites every record of one kind in the snapshot's parts. */
async function rewriteParts(snapshot: string, kind: string, edit: (r: Record<string, unknown>, i: number) => void): Promise<void> {
  let i = 0;
  for (const f of (await readdir(join(snapshot, kind))).sort()) {
    const file = join(snapshot, kind, f);
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    const out = lines.map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      edit(r, i++);
      return JSON.stringify(r);
    });
    await writeFile(file, gzipSync(out.join('\n') + '\n'));
  }
}

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // launch() gives every browser a fresh temporary profile (--user-data-dir) of its own
  });
}

/** A page that reports script execution, dialogs and CSP violations. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[]; violations: () => Promise<string[]> }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, dialogs, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[console security] ${CHROMIUM} is absent (apt-get install -y chromium): the browser checks fail when CI is set, else they are skipped`);
const skipBrowser = !haveChromium && !process.env.CI;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-console-sec-'));
  const snapshot = join(dir, 'snapshot');
  await generateSnapshot({ accounts: 400, seed: 'console-security', outDir: snapshot, partsPerKind: 2 });
  // Hostile text everywhere a reviewer reads what users wrote: nickname, bio, note title and body, comments.
  await rewriteParts(snapshot, 'accounts', (a, i) => {
    a.nickname = `${RLO} ${IMG}`.slice(0, 500);
    a.bio = i % 7 === 0 ? LONG : `${String(a.bio ?? '')} ${HOSTILE}`;
    const history = a.nicknameHistory as Array<{ nickname: string }> | undefined;
    if (history?.length) history[0].nickname = SCRIPT;
  });
  await rewriteParts(snapshot, 'notes', (n) => {
    n.title = `${String(n.title)} ${SCRIPT}`;
    n.body = `${String(n.body)} ${HOSTILE}`;
  });
  await rewriteParts(snapshot, 'comments', (c) => {
    c.text = `${String(c.text)} ${IMG} ${RLO}`;
  });

  stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  const policy = parsePolicy({ ...defaultPolicyJson, policyVersion: 'console-security', review: { margin: 0.2, stratumFloor: 1 } }, 'console-security');
  await runStateMachine('sweep', { sweepId: SWEEP, snapshot, policy, review: 'human', bucketCount: 2 }, { workers: 0, waitForTokens: 'pause' }).then(
    () => expect.fail('the sweep should pause for its review'),
    (err: unknown) => {
      if (!(err instanceof StateMachinePausedError)) throw err;
    },
  );
  server = await startReviewServer({ reviewers: ['alice'], deps: reviewDeps() });
  cases = await reviewDeps().repo.cases(SWEEP);
  expect(cases.length).toBeGreaterThan(0);
  // The case to open in the browser: one whose evidence has notes and comments carrying the payloads.
  let best: { c: ReviewCase; score: number } | undefined;
  for (const c of cases) {
    const res = await fetch(`${server.url}/api/sweeps/${SWEEP}/cases/${encodeURIComponent(c.caseId)}`, { headers: { authorization: `Bearer ${tokenOf('alice')}` } });
    const { evidence } = (await res.json()) as { evidence: CaseEvidence | null };
    if (!evidence) continue;
    const score = (evidence.notes.length > 0 ? 2 : 0) + (evidence.comments.length > 0 ? 2 : 0) + (evidence.related.length > 0 ? 1 : 0) + (evidence.account.bio?.startsWith('WWW') ? 1 : 0);
    if (!best || score > best.score) best = { c, score };
  }
  hostileCase = best!.c;

  // "Another site": a page served on a second port under the name localhost (the console is 127.0.0.1: cross-site).
  evil = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>evil</title><body><iframe name="sink"></iframe></body>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', () => resolve()));
  evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;
  if (!skipBrowser) browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => (evil ? evil.close(resolve) : resolve(undefined)));
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('review console security', () => {
  it('without the sign-in token, or with a wrong one, every API route is refused and the page shows no data', async () => {
    const c = encodeURIComponent(cases[0].caseId);
    const routes: Array<[string, string, string?]> = [
      ['GET', '/api/whoami'],
      ['GET', '/api/sessions'],
      ['GET', `/api/sweeps/${SWEEP}/cases`],
      ['GET', `/api/sweeps/${SWEEP}/cases/${c}`],
      ['GET', `/api/sweeps/${SWEEP}/gate`],
      ['POST', `/api/sweeps/${SWEEP}/cases/${c}/verdicts`, '{"verdict":"correct"}'],
      ['POST', `/api/sweeps/${SWEEP}/close`],
      ['GET', '/api/no-such-route'],
    ];
    const good = tokenOf('alice');
    const wrong: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer ' },
      { authorization: 'Bearer not-a-token' },
      { authorization: `Bearer ${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}` }, // same length, one character off
      { authorization: `Bearer ${good}x` },
      { authorization: `Basic ${Buffer.from(`alice:${good}`).toString('base64')}` },
      { authorization: good }, // no scheme
      { cookie: `token=${good}` },
    ];
    for (const [method, path, body] of routes) {
      for (const headers of wrong) {
        const res = await raw(path, { ...headers, 'content-type': 'application/json' }, method, body);
        expect(res.status, `${method} ${path} with ${JSON.stringify(Object.keys(headers))}`).toBe(401);
        expect(JSON.parse(res.body)).toMatchObject({ error: 'unauthenticated' });
        expect(res.body).not.toContain(SWEEP);
      }
    }
    // The page shell is public (the token is in the URL fragment, never sent to the server) and holds no data.
    const shell = await raw('/');
    expect(shell.status).toBe(200);
    expect(shell.body).not.toContain(SWEEP);
    expect(shell.body).not.toContain(cases[0].accountId);
    // The right token still works (so the 401s above are about the token).
    expect((await raw('/api/whoami', { authorization: `Bearer ${good}` })).status).toBe(200);
    expect(await reviewDeps().repo.verdicts(SWEEP)).toHaveLength(0);
    expect((await reviewDeps().repo.session(SWEEP))?.status).toBe('open');

    if (skipBrowser) return;
    const context = await browser!.newContext();
    try {
      const page = await context.newPage();
      for (const url of [`${server.url}/`, `${server.url}/#token=${good.slice(1)}`, `${server.url}/#token=`]) {
        await page.goto(url);
        await page.waitForFunction(() => document.getElementById('msg')!.textContent !== '');
        expect(await page.locator('#msg').textContent()).toMatch(/Not signed in|unauthenticated/);
        expect(await page.locator('.stratum, .case, #sweep option').count()).toBe(0);
        expect(await page.locator('body').textContent()).not.toContain(SWEEP);
        expect(await page.getAttribute('body', 'data-ready')).toBeNull();
      }
    } finally {
      await context.close();
    }
  });

  it('a page on another site cannot record a verdict or close the review, not even with a leaked token', async () => {
    const c = encodeURIComponent(hostileCase.caseId);
    const verdictUrl = `${server.url}/api/sweeps/${SWEEP}/cases/${c}/verdicts`;
    const closeUrl = `${server.url}/api/sweeps/${SWEEP}/close`;
    // Server side: a browser's cross-origin or cross-site request is refused even with the right token.
    for (const headers of [
      { origin: evilUrl },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: evilUrl, 'sec-fetch-site': 'cross-site' },
    ] as Array<Record<string, string>>) {
      const res = await raw(new URL(verdictUrl).pathname, { ...headers, authorization: `Bearer ${tokenOf('alice')}`, 'content-type': 'application/json' }, 'POST', '{"verdict":"correct"}');
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'cross-origin' });
    }
    expect(await reviewDeps().repo.verdicts(SWEEP)).toHaveLength(0);

    if (skipBrowser) return;
    const context = await browser!.newContext();
    try {
      // alice is signed in to the console in this browser (her token is in the console origin's sessionStorage)
      const consolePage = await context.newPage();
      await consolePage.goto(server.logins.alice);
      await consolePage.waitForSelector('body[data-ready="1"]');
      // …and opens the other site's page in another tab, which tries everything it can.
      const page = await context.newPage();
      await page.goto(evilUrl);
      const outcomes = await page.evaluate(
        async ({ verdictUrl, closeUrl, leaked }) => {
          const out: Record<string, string> = {};
          const attempt = async (name: string, run: () => Promise<Response>) => {
            try {
              const res = await run();
              out[name] = `${res.type} ${res.status}`;
            } catch (err) {
              out[name] = `blocked: ${(err as Error).name}`;
            }
          };
          const body = JSON.stringify({ verdict: 'correct', note: 'forged' });
          await attempt('simple POST with credentials', () => fetch(verdictUrl, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }));
          await attempt('CORS POST, token from its own storage', () =>
            fetch(verdictUrl, {
              method: 'POST',
              credentials: 'include',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('crackdown-token') ?? ''}` },
              body,
            }),
          );
          await attempt('CORS POST with a leaked token', () => fetch(verdictUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${leaked}` }, body }));
          await attempt('no-cors POST with a leaked token', () =>
            fetch(verdictUrl, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain', authorization: `Bearer ${leaked}` }, body }),
          );
          await attempt('close with a leaked token', () => fetch(closeUrl, { method: 'POST', headers: { authorization: `Bearer ${leaked}` } }));
          await attempt('read the cases with a leaked token', () => fetch(closeUrl.replace(/close$/, 'cases'), { headers: { authorization: `Bearer ${leaked}` } }));
          // A classic form post (text/plain JSON trick) into a frame, and one to close the review.
          for (const [action, enctype] of [
            [verdictUrl, 'text/plain'],
            [closeUrl, 'application/x-www-form-urlencoded'],
          ]) {
            const form = document.createElement('form');
            Object.assign(form, { method: 'POST', action, enctype, target: 'sink' });
            const input = document.createElement('input');
            Object.assign(input, { name: '{"verdict":"correct","note":"', value: 'x"}' });
            form.append(input);
            document.body.append(form);
            const loaded = new Promise((resolve) => document.querySelector('iframe')!.addEventListener('load', resolve, { once: true }));
            form.submit();
            await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
          }
          return out;
        },
        { verdictUrl, closeUrl, leaked: tokenOf('alice') },
      );
      console.log(`[console security] cross-site attempts: ${JSON.stringify(outcomes)}`);
      for (const [name, outcome] of Object.entries(outcomes)) expect(outcome, name).not.toMatch(/^(basic|cors) 2\d\d$/);
      expect(outcomes['read the cases with a leaked token']).toMatch(/^blocked/);
      // What counts: nothing recorded, the review still open, the console still works for alice.
      expect(await reviewDeps().repo.verdicts(SWEEP)).toHaveLength(0);
      expect((await reviewDeps().repo.session(SWEEP))?.status).toBe('open');
      await consolePage.reload();
      await consolePage.waitForSelector('body[data-ready="1"]');
      expect(await consolePage.locator('#who').textContent()).toBe('alice');
    } finally {
      await context.close();
    }
  });

  it('no path traversal: dot-dot, encoded dots and absolute paths on page and evidence routes are refused with no file content', async () => {
    const auth = { authorization: `Bearer ${tokenOf('alice')}` };
    const probes = [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/etc/passwd',
      '/console.js/../../package.json',
      '/console.js%2f..%2f..%2fpackage.json',
      '/%252e%252e%252fpackage.json',
      '/file:///etc/passwd',
      `/api/sweeps/${SWEEP}/cases/..%2f..%2f..%2f..%2fetc%2fpasswd`,
      `/api/sweeps/${SWEEP}/cases/%2fetc%2fpasswd`,
      `/api/sweeps/${SWEEP}/cases/..%2fplan.json`,
      `/api/sweeps/${SWEEP}/cases/..%2f..%2f${SWEEP}%2fplan.json`,
      `/api/sweeps/..%2f..%2fetc/cases`,
      `/api/sweeps/%2e%2e/cases/x`,
      `/api/sweeps/${SWEEP}/../../../etc/passwd`,
      `/api/sweeps/${SWEEP}/cases/%00`,
      `/api/sweeps/${SWEEP}/cases/~session`,
      `/api/sweeps/${SWEEP}/cases/${encodeURIComponent(hostileCase.caseId)}/../../../../../../etc/passwd`,
    ];
    const packageJson = await readFile('package.json', 'utf8');
    for (const path of probes) {
      for (const headers of [{}, auth]) {
        const res = await raw(path, headers);
        expect(res.status, `${path} ${Object.keys(headers)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, path).toBeLessThan(500);
        expect(res.body, path).not.toMatch(/root:x?:0:0|"devDependencies"|"accountBuckets"|taskToken/);
        expect(res.body).not.toContain(packageJson.slice(0, 40));
        expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
      }
    }
    // The real evidence route answers (so the refusals above are about the path).
    const ok = await raw(`/api/sweeps/${SWEEP}/cases/${encodeURIComponent(hostileCase.caseId)}`, auth);
    expect(ok.status).toBe(200);
  });

  it.skipIf(skipBrowser)('hostile note, comment and account text is shown as text: no script runs, no markup is made of it', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const { page, dialogs, violations } = await watchedPage(context);
      await page.goto(server.logins.alice);
      await page.waitForSelector('body[data-ready="1"]');
      const stratum = hostileCase.stratum ?? hostileCase.ruleId;
      await page.locator(`.stratum[data-stratum="${stratum.replace(/["\\]/g, '\\$&')}"]`).click();
      await page.locator(`.case[data-case-id="${hostileCase.caseId.replace(/["\\]/g, '\\$&')}"]`).click();
      await page.waitForSelector(`#detail[data-case-id] .verdict`);
      // give any payload's onerror/onload a chance to run
      await page.waitForTimeout(500);

      const detail = (await page.locator('#detail').textContent())!;
      // shown as text, literally
      expect(detail.includes(`window.__pwned='script'`), 'the script payload shown as text').toBe(true);
      expect(detail.includes(SCRIPT), 'the <script> tag shown as text').toBe(true);
      expect(detail.includes(IMG), 'the <img onerror> shown as text').toBe(true);
      expect(detail.includes(LINK), 'the javascript: link shown as text').toBe(true);
      // …and never as markup
      expect(await page.locator('#detail img, #detail svg, #detail iframe, #detail a, #detail script, #detail [onerror], #detail [onload]').count()).toBe(0);
      expect(await page.evaluate(() => document.scripts.length)).toBe(1); // console.js alone
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await violations()).toEqual([]);
      // a right-to-left override in user text does not reorder what follows it: it is shown as a visible marker
      expect(detail.includes('\u202E'), 'a raw U+202E in the case view').toBe(false);
      expect(detail.includes('[U+202E]txt.exe'), 'U+202E shown as a marker').toBe(true);
      // very long text wraps: the page does not scroll sideways and the verdict buttons stay on screen
      const layout = await page.evaluate(() => {
        const b = document.querySelector('#detail .verdict button')!.getBoundingClientRect();
        const pane = document.getElementById('detail')!;
        return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, right: b.right, paneScroll: pane.scrollWidth, pane: pane.clientWidth };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(layout.paneScroll, 'the case pane scrolls sideways').toBeLessThanOrEqual(layout.pane);
      expect(layout.right).toBeLessThanOrEqual(layout.width);

      // a note with hostile text is stored and shown back as text as well
      await page.locator('#note').fill(`${SCRIPT} ${IMG}`);
      await page.locator('#detail button[data-verdict="correct"]').click();
      await expect.poll(async () => (await reviewDeps().repo.verdicts(SWEEP)).length).toBe(1);
      const sel = `[data-case-id="${hostileCase.caseId.replace(/["\\]/g, '\\$&')}"]`;
      await page.locator(`.case${sel} .v`).waitFor(); // the console reloaded the listing after the verdict
      await page.waitForFunction((id) => document.getElementById('detail')!.dataset.caseId !== id || document.body.textContent!.includes('Stratum done'), hostileCase.caseId);
      await page.locator(`.case${sel}`).click();
      await page.waitForSelector(`#detail${sel} .verdict div`);
      expect(await page.locator('#detail .verdict').textContent()).toContain(`alice: correct — ${SCRIPT} ${IMG}`);
      await page.waitForTimeout(300);
      expect(await page.locator('#detail img, #detail script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('every response carries the security headers, the console cannot be framed, and a foreign Host is refused', async () => {
    const auth = { authorization: `Bearer ${tokenOf('alice')}` };
    const responses = [
      await raw('/'),
      await raw('/console.js'),
      await raw('/console.css'),
      await raw('/nothing-here'),
      await raw('/api/whoami'),
      await raw('/api/whoami', auth),
      await raw(`/api/sweeps/${SWEEP}/cases`, auth),
      await raw(`/api/sweeps/${SWEEP}/cases/nope`, auth),
    ];
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(responses[0].headers['content-type']).toMatch(/^text\/html/);
    expect(responses[1].headers['content-type']).toMatch(/^text\/javascript/);
    // DNS rebinding: the console answers only to the name it printed.
    const port = new URL(server.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, '']) {
      const res = await raw('/api/whoami', { ...auth, host });
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain('alice');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await raw('/api/whoami', { ...auth, host: `localhost:${port}` })).status).toBe(200);

    if (skipBrowser) return;
    const context = await browser!.newContext();
    try {
      const page = await context.newPage();
      await page.goto(evilUrl);
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
        return new Promise((resolve) => {
          f.onload = resolve;
          setTimeout(resolve, 3000);
        });
      }, server.logins.alice);
      const framed = page.frames().filter((f) => f !== page.mainFrame() && f.url().startsWith(server.url));
      for (const f of framed)
        expect(
          await f
            .locator('#who')
            .count()
            .catch(() => 0),
        ).toBe(0);
      const anyConsoleFrame = await Promise.all(page.frames().map((f) => f.evaluate(() => !!document.getElementById('who')).catch(() => false)));
      expect(anyConsoleFrame.some(Boolean)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
