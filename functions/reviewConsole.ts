/**
 * The review console behind API Gateway (REST, Lambda proxy): the same handleReviewRequest as
 * `crackdown review serve`. The reviewer is the Cognito user the authorizer verified (claims
 * `cognito:username`, else `email`); routes outside /api serve the page shell, which holds no data.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { reviewDeps } from '#shared/adapters/stageDependencies';
import { handleReviewRequest, SECURITY_HEADERS, type ConsoleRequest } from '#shared/review/reviewConsole';
import { logger } from './lib/stageHandler.ts';

export function toConsoleRequest(event: APIGatewayProxyEvent): ConsoleRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = v ?? undefined;
  const body = event.body == null ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return { method: event.httpMethod, path: event.path || '/', headers, body };
}

export function reviewerFromAuthorizer(event: APIGatewayProxyEvent): string | undefined {
  const claims = (event.requestContext?.authorizer as { claims?: Record<string, string> } | null | undefined)?.claims;
  const who = claims?.['cognito:username'] ?? claims?.email;
  return typeof who === 'string' && who.length > 0 ? who : undefined;
}

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const req = toConsoleRequest(event);
  try {
    const res = await handleReviewRequest(req, {
      ...reviewDeps(),
      basePath: event.requestContext?.stage ? `/${event.requestContext.stage}` : '',
      authenticate: () => reviewerFromAuthorizer(event),
    });
    return { statusCode: res.status, headers: res.headers, body: res.body };
  } catch (err) {
    logger.error('review console request failed', { method: req.method, error: (err as Error).name });
    return {
      statusCode: 500,
      headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: 'internal', message: 'the request failed; nothing was changed unless it said so' }),
    };
  }
};
