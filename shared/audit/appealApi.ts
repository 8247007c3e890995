/**
 * The platform's appeals API, transport-free: POST /appeals (submit), POST /appeals/{id}/decision
 * (decide), GET /appeals/{id}. Bodies are validated by the appeal schemas; domain errors map to
 * 400 (invalid), 404 (unknown), 409 (already appealed / decided); nothing is changed on an error.
 */
import { AuditInputError } from './appeals.ts';
import { decideAppeal, submitAppeal, type AuditDeps } from './appealService.ts';

export interface ApiRequest {
  method: string;
  path: string;
  body?: string;
  now: string;
}
export interface ApiResponse {
  status: number;
  body: unknown;
}

const STATUS = { invalid: 400, 'not-found': 404, conflict: 409 } as const;

export async function handleAppealRequest(deps: AuditDeps, req: ApiRequest): Promise<ApiResponse> {
  let body: unknown;
  if (req.body !== undefined && req.body !== '') {
    try {
      body = JSON.parse(req.body);
    } catch {
      return { status: 400, body: { error: 'invalid', message: 'the body is not JSON' } };
    }
  }
  const path = req.path.replace(/\/+$/, '');
  const one = /^(?:.*)\/appeals\/([^/]+)$/.exec(path);
  const decision = /^(?:.*)\/appeals\/([^/]+)\/decision$/.exec(path);
  try {
    if (req.method === 'POST' && /\/appeals$/.test(path)) {
      return { status: 201, body: await submitAppeal(deps, body, { now: req.now, channel: 'api' }) };
    }
    if (req.method === 'POST' && decision) {
      return { status: 200, body: await decideAppeal(deps, { ...(body as object), appealId: decodeURIComponent(decision[1]) }, { now: req.now }) };
    }
    if (req.method === 'GET' && one) {
      const rec = await deps.audit.getAppeal(decodeURIComponent(one[1]));
      return rec ? { status: 200, body: rec } : { status: 404, body: { error: 'not-found', message: `no appeal with id "${one[1]}"` } };
    }
    return { status: 404, body: { error: 'not-found', message: `no route ${req.method} ${req.path}` } };
  } catch (err) {
    if (err instanceof AuditInputError) return { status: STATUS[err.kind], body: { error: err.kind, message: err.message } };
    throw err;
  }
}
