/**
 * The platform's appeals API behind API Gateway (REST, Lambda proxy, IAM-authorized): submit an
 * appeal, decide it, read it. Thin: parse the proxy event, call handleAppealRequest.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { auditRepository, enforcementRepository, liftScheduleCanceller, notificationSink, workStore } from '#shared/adapters/stageDependencies';
import { handleAppealRequest } from '#shared/audit/appealApi';
import { logger } from './lib/stageHandler.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The time of a request (a seam for tests; the appeal window is checked against it). */
export const clock = { now: (): string => new Date().toISOString() };

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const body = event.body == null ? undefined : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    const deps = { audit: auditRepository(), enforcement: enforcementRepository(), sink: notificationSink(), scheduler: liftScheduleCanceller(), work: workStore() };
    const res = await handleAppealRequest(deps, { method: event.httpMethod, path: event.path || '/', body, now: clock.now() });
    logger.info('appeal request', { method: event.httpMethod, status: res.status });
    return { statusCode: res.status, headers: JSON_HEADERS, body: JSON.stringify(res.body) };
  } catch (err) {
    logger.error('appeal request failed', { method: event.httpMethod, error: (err as Error).name });
    return { statusCode: 500, headers: JSON_HEADERS, body: JSON.stringify({ error: 'internal', message: 'the request failed; retrying is safe' }) };
  }
};
