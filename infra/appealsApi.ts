import {
  AccessLogFormat,
  AuthorizationType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
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
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
    this.api = new RestApi(this, 'Api', {
      description: 'crackdown appeals API for the platform (IAM-authorized)',
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'prod',
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
      },
    });
    const integration = new LambdaIntegration(props.handler, { proxy: true });
    const requestValidator = this.api.addRequestValidator('Validate', { validateRequestBody: true, validateRequestParameters: true });
    const iam = { authorizationType: AuthorizationType.IAM, requestValidator };
    const appeals = this.api.root.addResource('appeals');
    const one = appeals.addResource('{appealId}');
    const methods = [appeals.addMethod('POST', integration, iam), one.addMethod('GET', integration, iam), one.addResource('decision').addMethod('POST', integration, iam)];
    for (const m of methods) {
      acknowledge(m, 'AwsSolutions-COG4',
        'Machine-to-machine API for the platform backend: every method requires IAM (SigV4) authorization instead of a Cognito user pool; there are no end users here.');
    }
    const acl = new CfnWebACL(this, 'Waf', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'crackdown-appeals', sampledRequestsEnabled: false },
      rules: [
        {
          name: 'aws-common',
          priority: 0,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'crackdown-appeals-common', sampledRequestsEnabled: false },
        },
      ],
    });
    new CfnWebACLAssociation(this, 'WafAssociation', { resourceArn: this.api.deploymentStage.stageArn, webAclArn: acl.attrArn });
  }
}
