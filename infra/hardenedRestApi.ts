import { AccessLogFormat, LogGroupLogDestination, MethodLoggingLevel, RestApi, type RequestValidator } from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface HardenedRestApiProps {
  description: string;
  /** CloudWatch metric name prefix of the WAF. */
  metricName: string;
  logRetention?: RetentionDays;
}

/**
 * The hardening every crackdown REST API shares: JSON access logs, X-Ray, error-level execution
 * logs without request data, a request validator, and the AWS-managed common WAF rule set on the
 * stage. Children are created directly in `scope` (ids AccessLogs, Api, Waf, WafAssociation), so
 * logical ids stay those of the APIs that built this inline before.
 */
export function hardenedRestApi(scope: Construct, props: HardenedRestApiProps): { api: RestApi; requestValidator: RequestValidator } {
  const accessLogs = new LogGroup(scope, 'AccessLogs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
  const api = new RestApi(scope, 'Api', {
    description: props.description,
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
  const requestValidator = api.addRequestValidator('Validate', { validateRequestBody: true, validateRequestParameters: true });
  const acl = new CfnWebACL(scope, 'Waf', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: props.metricName, sampledRequestsEnabled: false },
    rules: [
      {
        name: 'aws-common',
        priority: 0,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `${props.metricName}-common`, sampledRequestsEnabled: false },
      },
    ],
  });
  new CfnWebACLAssociation(scope, 'WafAssociation', { resourceArn: api.deploymentStage.stageArn, webAclArn: acl.attrArn });
  return { api, requestValidator };
}
