/**
 * The review API behind API Gateway refuses a browser's cross-origin request before anything else
 * (the same check `crackdown review serve` runs, tests/integration/reviewConsoleSecurity.test.ts):
 * API Gateway events, through the Lambda's own request mapping, into the shared handler.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reviewerFromAuthorizer, toConsoleRequest } from '../../functions/reviewConsole.ts';
import { handleReviewRequest, isCrossOrigin, type ConsoleDeps } from '#shared/review/reviewConsole';

const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';

function event(headers: Record<string, string>, method = 'POST', path = '/api/sweeps/s-1/cases/r%23a/verdicts'): APIGatewayProxyEvent {
  return {
    httpMethod: method,
    path,
    headers: { Host: HOST, 'Content-Type': 'application/json', ...headers },
    body: '{"verdict":"correct"}',
    isBase64Encoded: false,
    requestContext: { stage: 'prod', authorizer: { claims: { 'cognito:username': 'alice' } } },
  } as unknown as APIGatewayProxyEvent;
}

/** Deps whose every use is recorded: a refused request must touch none of them. */
function watchedDeps(e: APIGatewayProxyEvent) {
  const touched: string[] = [];
  const repo = new Proxy({}, { get: (_t, prop) => (touched.push(String(prop)), () => Promise.reject(new Error(`repo.${String(prop)} called`))) });
  const deps = { repo, work: repo, tokens: () => repo, now: () => '2026-12-01T00:00:00Z', authenticate: () => reviewerFromAuthorizer(e) } as unknown as ConsoleDeps;
  return { deps, touched };
}

describe('review API origin check', () => {
  it.each([
    [{ Origin: 'https://evil.example' }],
    [{ Origin: 'null' }],
    [{ 'Sec-Fetch-Site': 'cross-site' }],
    [{ 'Sec-Fetch-Site': 'same-site', Origin: `https://${HOST}` }],
    [{ Origin: `http://${HOST}.evil.example` }],
  ])('refuses a cross-origin browser request %j with 403 before touching the review', async (headers) => {
    const e = event(headers);
    const { deps, touched } = watchedDeps(e);
    const res = await handleReviewRequest(toConsoleRequest(e), deps);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'cross-origin' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(touched).toEqual([]);
  });

  it('lets the console page of its own origin, and clients that send no Origin (CLI, scripts), through to the review', async () => {
    for (const headers of [{ Origin: `https://${HOST}`, 'Sec-Fetch-Site': 'same-origin' }, {}] as Array<Record<string, string>>) {
      const e = event(headers);
      expect(isCrossOrigin(toConsoleRequest(e))).toBe(false);
      const { deps, touched } = watchedDeps(e);
      await expect(handleReviewRequest(toConsoleRequest(e), deps)).rejects.toThrow(/repo\./);
      expect(touched.length).toBeGreaterThan(0);
    }
  });
});
