/** The review API's own error responses (authorizer 401/403, WAF, throttling, 5xx) carry the console's security headers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSE_HEADERS } from '#infra/reviewApi';
import { resourcesOfType, synthCrackdown, type Synthesized } from './synthCrackdown.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthCrackdown();
});

describe('review API gateway responses', () => {
  it('adds nosniff, DENY framing, a sandbox CSP and no-store to every default 4xx and 5xx of the review API', () => {
    const reviewApiId = synth.stack.getLogicalId(synth.stack.reviewApi.api.node.defaultChild as Parameters<Synthesized['stack']['getLogicalId']>[0]);
    const responses = resourcesOfType(synth.json, 'AWS::ApiGateway::GatewayResponse').filter(([, r]) => r.Properties?.RestApiId?.Ref === reviewApiId);
    expect(responses.map(([, r]) => r.Properties?.ResponseType).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    for (const [id, r] of responses) {
      const headers = r.Properties?.ResponseParameters as Record<string, string>;
      expect(headers['gatewayresponse.header.X-Content-Type-Options'], id).toBe("'nosniff'");
      expect(headers['gatewayresponse.header.X-Frame-Options'], id).toBe("'DENY'");
      expect(headers['gatewayresponse.header.Content-Security-Policy'], id).toBe("'sandbox'");
      expect(headers['gatewayresponse.header.Cache-Control'], id).toBe("'no-store'");
      expect(Object.keys(headers).length, id).toBe(Object.keys(GATEWAY_RESPONSE_HEADERS).length);
      expect(
        Object.keys(headers).some((h) => /access-control/i.test(h)),
        id,
      ).toBe(false);
    }
  });
});
