/**
 * The review console as one pure request handler, `handleReviewRequest(req, deps) → res`, served
 * by a Node http server locally (scripts/cli/reviewServer.ts) and by a Lambda behind API Gateway
 * (functions/reviewConsole.ts): same routes, same checks.
 *
 *   GET  /, /console.js, /console.css           the page (a shell without data)
 *   GET  /api/whoami                             the authenticated reviewer
 *   GET  /api/sessions                           reviews, newest first
 *   GET  /api/sweeps/:id/cases                   cases by stratum, with verdicts and progress
 *   GET  /api/sweeps/:id/cases/:caseId           one case and its evidence
 *   POST /api/sweeps/:id/cases/:caseId/verdicts  {verdict: correct|wrong-code|not-a-violation, note?}
 *   GET  /api/sweeps/:id/gate                    per-rule precision so far
 *   POST /api/sweeps/:id/close                   close: the gate decides, the sweep resumes
 *
 * Every /api request needs an authenticated reviewer (401 otherwise); the reviewer recorded with
 * a verdict is that identity, never anything from the body. A refused request changes nothing.
 * An /api request a browser marks as coming from another origin (`Sec-Fetch-Site` other than
 * same-origin, or an `Origin` that is not this host) is refused with 403 `cross-origin` before
 * anything else, token or not: the console's own script only ever calls its own origin.
 */
import { ReviewError, type ReviewErrorCode } from '#shared/ports/reviewRepository';
import { sweepIdSchema } from '#shared/pipeline/sweepPlan';
import { CONSOLE_CSS, CONSOLE_JS, consoleHtml } from './consoleAssets.ts';
import { caseEvidence, closeReview, currentGate, listCases, recordVerdict, redact, type ReviewDeps } from './reviewService.ts';

export interface ConsoleRequest {
  method: string;
  /** Path below the console's base (no stage prefix), e.g. `/api/sweeps/s1/cases`. */
  path: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface ConsoleResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ConsoleDeps extends ReviewDeps {
  /** The reviewer behind the request, or undefined when it is not authenticated. */
  authenticate: (req: ConsoleRequest) => string | undefined;
  /** URL prefix the console is served under (e.g. `/prod` behind API Gateway); default ''. */
  basePath?: string;
  /** Called after a review closes (locally: resume the paused sweep). */
  onClosed?: (sweepId: string) => Promise<void> | void;
}

export const MAX_BODY_BYTES = 16 * 1024;

/** On every console response (also mirrored on API Gateway's own 4xx/5xx responses: infra/reviewApi.ts). */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cache-control': 'no-store',
};

const STATUS: Record<ReviewErrorCode | 'unauthenticated' | 'cross-origin' | 'not-found' | 'method-not-allowed' | 'too-large', number> = {
  'bad-request': 400,
  unauthenticated: 401,
  'cross-origin': 403,
  'unknown-case': 404,
  'no-review': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  'duplicate-verdict': 409,
  'review-closed': 409,
  'too-large': 413,
};

const json = (status: number, data: unknown): ConsoleResponse => ({
  status,
  headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(data),
});
const fail = (code: keyof typeof STATUS, message: string) => json(STATUS[code], { error: code, message });
const asset = (type: string, body: string): ConsoleResponse => ({ status: 200, headers: { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8` }, body });

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * True when a browser says the request comes from a page of another origin. Clients other than
 * browsers (the CLI, scripts) send neither header and are judged by their token alone.
 */
export function isCrossOrigin(req: ConsoleRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = req.headers.host;
  try {
    return !host || new URL(origin).host !== host.toLowerCase();
  } catch {
    return true; // `Origin: null` (a sandboxed frame, a file) or garbage
  }
}

export async function handleReviewRequest(req: ConsoleRequest, deps: ConsoleDeps): Promise<ConsoleResponse> {
  const method = req.method.toUpperCase();
  const path = req.path.split('?')[0].replace(/\/+$/, '') || '/';
  if (!path.startsWith('/api/') && path !== '/api') {
    if (method !== 'GET' && method !== 'HEAD') return fail('method-not-allowed', `${method} ${path} is not allowed`);
    if (path === '/' || path === '/index.html') return asset('text/html', consoleHtml(deps.basePath ?? ''));
    if (path === '/console.js') return asset('text/javascript', CONSOLE_JS);
    if (path === '/console.css') return asset('text/css', CONSOLE_CSS);
    return fail('not-found', `no page at ${path}`);
  }
  if (isCrossOrigin(req)) return fail('cross-origin', "the review API answers only the console's own pages");
  const reviewer = deps.authenticate(req);
  if (!reviewer) return fail('unauthenticated', 'sign in first: requests need a valid access token (Authorization: Bearer …)');

  const parts = path.slice('/api/'.length).split('/');
  try {
    if (parts.length === 1 && parts[0] === 'whoami') return method === 'GET' ? json(200, { reviewer }) : fail('method-not-allowed', 'GET only');
    if (parts.length === 1 && parts[0] === 'sessions') {
      if (method !== 'GET') return fail('method-not-allowed', 'GET only');
      return json(200, { sessions: (await deps.repo.sessions()).map(redact) });
    }
    if (parts[0] !== 'sweeps' || parts.length < 3) return fail('not-found', `no API route ${method} ${path}`);
    const sweepId = decode(parts[1]);
    if (!sweepId || !sweepIdSchema.safeParse(sweepId).success) return fail('bad-request', `not a sweep id: ${parts[1]}`);
    const rest = parts.slice(2);
    if (rest.length === 1 && rest[0] === 'cases') {
      if (method !== 'GET') return fail('method-not-allowed', 'GET only');
      return json(200, await listCases(deps, sweepId));
    }
    if (rest.length === 1 && rest[0] === 'gate') {
      if (method !== 'GET') return fail('method-not-allowed', 'GET only');
      return json(200, { gate: await currentGate(deps, sweepId) });
    }
    if (rest.length === 1 && rest[0] === 'close') {
      if (method !== 'POST') return fail('method-not-allowed', 'POST only');
      const closed = await closeReview(deps, sweepId, reviewer);
      await deps.onClosed?.(sweepId);
      return json(200, closed);
    }
    if (rest[0] === 'cases' && rest.length >= 2) {
      const caseId = decode(rest[1]);
      if (!caseId || caseId.length > 400 || caseId.startsWith('~')) return fail('bad-request', `not a case id: ${rest[1]}`);
      if (rest.length === 2) {
        if (method !== 'GET') return fail('method-not-allowed', 'GET only');
        return json(200, await caseEvidence(deps, sweepId, caseId));
      }
      if (rest.length === 3 && rest[2] === 'verdicts') {
        if (method !== 'POST') return fail('method-not-allowed', 'POST only');
        const raw = req.body ?? '';
        if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return fail('too-large', `a verdict body is at most ${MAX_BODY_BYTES} bytes`);
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return fail('bad-request', 'the body is not JSON: send {"verdict": "correct" | "wrong-code" | "not-a-violation", "note": "…"}');
        }
        return json(201, { verdict: await recordVerdict(deps, sweepId, caseId, reviewer, body) });
      }
    }
    return fail('not-found', `no API route ${method} ${path}`);
  } catch (err) {
    if (err instanceof ReviewError) return fail(err.code, err.message);
    throw err;
  }
}
