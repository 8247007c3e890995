import { AuthorizationType, LambdaIntegration, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { hardenedRestApi } from './hardenedRestApi.ts';
import { acknowledge } from './nagChecks.ts';

export interface AppealsApiProps {
  /** functions/appeal.ts */
  handler: IFunction;
  logRetention?: RetentionDays;
}

/**
 * The platform's appeals API: a REST API (Lambda proxy to functions/appeal.ts) that only the
 * platform's backend may call, with SigV4 (IAM authorization: grant `execute-api:Invoke` to its
 * role). POST /appeals, POST /appeals/{appealId}/decision, GET /appeals/{appealId}. Access logs,
 * X-Ray, request validation and an AWS-managed WAF rule set on the stage.
 */
export class AppealsApi extends Construct {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: AppealsApiProps) {
    super(scope, id);
    const { api, requestValidator } = hardenedRestApi(this, {
      description: 'crackdown appeals API for the platform (IAM-authorized)',
      metricName: 'crackdown-appeals',
      logRetention: props.logRetention,
    });
    this.api = api;
    const integration = new LambdaIntegration(props.handler, { proxy: true });
    const iam = { authorizationType: AuthorizationType.IAM, requestValidator };
    const appeals = this.api.root.addResource('appeals');
    const one = appeals.addResource('{appealId}');
    const methods = [appeals.addMethod('POST', integration, iam), one.addMethod('GET', integration, iam), one.addResource('decision').addMethod('POST', integration, iam)];
    for (const m of methods) {
      acknowledge(
        m,
        'AwsSolutions-COG4',
        'Machine-to-machine API for the platform backend: every method requires IAM (SigV4) authorization instead of a Cognito user pool; there are no end users here.',
      );
    }
  }
}
