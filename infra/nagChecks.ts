import { App, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag v3 is a CDK policy-validation plugin (not an Aspect any more): it runs after synthesis
 * and a finding that is not acknowledged fails `cdk synth`.
 */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const pack = new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true });
  Validations.of(app).addPlugins(pack);
  return pack;
}

/** One acknowledged finding: the rule id (with `[finding]` for per-finding rules such as IAM5) and why. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag spells a token in a finding: `<LogicalId.Attr>` for GetAtt, `<LogicalId>` for Ref,
 * `<AWS::Partition>` for pseudo parameters. Use it to build IAM5 finding ids that name exactly
 * the resource a wildcard is scoped to.
 */
export function nagRef(resource: CfnResource, attribute?: string): string {
  const logicalId = Stack.of(resource).getLogicalId(resource);
  return attribute ? `<${logicalId}.${attribute}>` : `<${logicalId}>`;
}

/** IAM5 finding id for a wildcard resource. */
export function iam5Resource(resource: string): string {
  return `AwsSolutions-IAM5[Resource::${resource}]`;
}

/** IAM5 finding id for a wildcard action. */
export function iam5Action(action: string): string {
  return `AwsSolutions-IAM5[Action::${action}]`;
}
