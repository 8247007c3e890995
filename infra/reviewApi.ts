import { RemovalPolicy } from 'aws-cdk-lib';
import { AuthorizationType, CognitoUserPoolsAuthorizer, LambdaIntegration, ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import { AccountRecovery, FeaturePlan, Mfa, OAuthScope, StandardThreatProtectionMode, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { hardenedRestApi } from './hardenedRestApi.ts';
import { acknowledge } from './nagChecks.ts';

/**
 * Headers on API Gateway's own responses (the authorizer's 401/403, WAF blocks, throttling, 5xx), which
 * never reach the console's Lambda: the same protections as its SECURITY_HEADERS
 * (shared/review/reviewConsole.ts). A static header value is quoted and cannot hold quotes itself,
 * so the policy is `sandbox` (no script, no plugin, unique origin) and framing is refused by X-Frame-Options.
 */
export const GATEWAY_RESPONSE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': "'nosniff'",
  'X-Frame-Options': "'DENY'",
  'Content-Security-Policy': "'sandbox'",
  'Referrer-Policy': "'no-referrer'",
  'Cache-Control': "'no-store'",
};

export interface ReviewApiProps {
  /** functions/reviewConsole.ts */
  handler: IFunction;
  /** Where the Cognito hosted UI sends reviewers back after sign-in (the console's URL). */
  callbackUrls?: string[];
  logRetention?: RetentionDays;
}

/**
 * The review console in AWS: a REST API (Lambda proxy to functions/reviewConsole.ts) whose /api
 * routes need a Cognito user pool token (reviewers are users of the pool: no self sign-up, MFA
 * required); the page shell (/, /console.js, /console.css) is public and holds no data. Access
 * logs, X-Ray, request validation and an AWS-managed WAF rule set on the stage; API Gateway's own
 * error responses carry the console's security headers too.
 */
export class ReviewApi extends Construct {
  readonly api: RestApi;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ReviewApiProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Reviewers', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('Console', {
      authFlows: { userSrp: true },
      oAuth: { flows: { implicitCodeGrant: true }, scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE], callbackUrls: props.callbackUrls ?? ['https://localhost/'] },
      preventUserExistenceErrors: true,
    });
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [this.userPool] });

    const { api, requestValidator } = hardenedRestApi(this, { description: 'crackdown review console', metricName: 'crackdown-review', logRetention: props.logRetention });
    this.api = api;
    const integration = new LambdaIntegration(props.handler, { proxy: true });

    const shell = [this.api.root.addMethod('GET', integration, { requestValidator })];
    for (const file of ['console.js', 'console.css']) shell.push(this.api.root.addResource(file).addMethod('GET', integration, { requestValidator }));
    for (const method of shell) {
      acknowledge(method, 'AwsSolutions-APIG4', 'The console page shell (HTML, script, style) holds no data and must load before sign-in; every /api route requires a Cognito token.');
      acknowledge(method, 'AwsSolutions-COG4', 'The console page shell (HTML, script, style) holds no data and must load before sign-in; every /api route uses the Cognito user pool authorizer.');
    }
    for (const [id, type] of [
      ['Default4xx', ResponseType.DEFAULT_4XX],
      ['Default5xx', ResponseType.DEFAULT_5XX],
    ] as const) {
      this.api.addGatewayResponse(id, { type, responseHeaders: GATEWAY_RESPONSE_HEADERS });
    }
    this.api.root.addResource('api').addResource('{proxy+}').addMethod('ANY', integration, { authorizer, authorizationType: AuthorizationType.COGNITO, requestValidator });
  }
}
