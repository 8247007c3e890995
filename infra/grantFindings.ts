import type { CfnResource } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { IConstruct } from 'constructs';
import { TABLES, type TableKey } from '#shared/adapters/tableDefinitions';
import { ANCHOR_PREFIX } from '#shared/audit/ledgerAnchor';
import { acknowledge, iam5Action, iam5Resource, nagRef } from './nagChecks.ts';
import { STAGE_ACCESS, type AccessTargets } from './stageAccess.ts';

/**
 * cdk-nag IAM5 flags every `*` in an action or resource. The grant helpers used for least
 * privilege (Bucket.grantRead/grantPut, Table.grant*Data, Key grants) produce a few by design;
 * each is acknowledged here, finding by finding, on the one role that receives it and only when
 * STAGE_ACCESS gives that role the grant, so nothing unexpected is ever hidden.
 */
export function acknowledgeGrantWildcards(module: string, role: IConstruct, targets: AccessTargets): void {
  const access = STAGE_ACCESS[module];
  if (!access) return;
  const bucket = nagRef(targets.bucket.node.defaultChild as CfnResource, 'Arn');

  if (access.readBucket) {
    const reason = 'Bucket.grantRead on the data bucket only: s3:GetObject*/GetBucket*/List* cover reading objects (and their versions) and listing sweep prefixes of that one bucket.';
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) acknowledge(role, iam5Action(action), reason);
    acknowledge(
      role,
      iam5Resource(`${bucket}/*`),
      'Reads objects of the data bucket whose keys are only known at run time: the snapshot named in the sweep input, the files under sweeps/<sweepId>/ and policies/<version>.json.',
    );
  }
  for (const prefix of access.writePrefixes ?? []) {
    acknowledge(role, iam5Resource(`${bucket}/${prefix}*`), `Writes confined to the ${prefix} prefix of the data bucket; the keys below it (sweep id, policy version) are chosen at run time.`);
  }
  if ((access.writePrefixes ?? []).length > 0) {
    acknowledge(role, iam5Action('s3:Abort*'), 'Bucket.grantPut includes s3:AbortMultipartUpload so multipart uploads can be abandoned; confined to the same write prefixes.');
  }

  if (access.anchorsLedger && targets.anchorBucket) {
    acknowledge(
      role,
      iam5Resource(`${nagRef(targets.anchorBucket.node.defaultChild as CfnResource, 'Arn')}/${ANCHOR_PREFIX}*`),
      'Creates ledger anchors (s3:PutObject only) under ledger-anchors/ of the Object Lock bucket; each is named by its digest at run time.',
    );
  }

  const tableLevels = Object.entries(access.tables ?? {}) as Array<[TableKey, string]>;
  const writesEncrypted = (access.writePrefixes ?? []).length > 0 || access.publishToSink || tableLevels.some(([, level]) => level !== 'read');
  if (writesEncrypted) {
    const reason = 'Writing to the KMS-encrypted bucket/tables/topic needs kms:GenerateDataKey* and kms:ReEncrypt* (as granted by the CDK grant helpers), on the one data key ARN only.';
    acknowledge(role, iam5Action('kms:GenerateDataKey*'), reason);
    acknowledge(role, iam5Action('kms:ReEncrypt*'), reason);
  }
  for (const [key] of tableLevels) {
    const def = TABLES[key];
    if (def.indexes.length === 0) continue;
    const table = nagRef(targets.tables[key].node.defaultChild as CfnResource, 'Arn');
    acknowledge(
      role,
      iam5Resource(`${table}/index/*`),
      `Queries the ${def.id} table's global secondary indexes (${def.indexes.map((i) => i.name).join(', ')}); Table grants cover them as <table>/index/*.`,
    );
  }
}

/**
 * The wildcards Step Functions needs on a state machine's own role: invoking each stage function
 * (LambdaInvoke grants `<function>:*` for its versions), X-Ray and CloudWatch Logs delivery
 * (no resource-level permissions), and for Distributed Maps the child executions of this state
 * machine, named at run time.
 */
export function acknowledgeStateMachineWildcards(stateMachine: StateMachine, functions: IFunction[], distributedMaps: string[] = []): void {
  for (const fn of functions) {
    acknowledge(
      stateMachine.role,
      iam5Resource(`${nagRef(fn.node.defaultChild as CfnResource, 'Arn')}:*`),
      'LambdaInvoke grants lambda:InvokeFunction on this one stage function and its qualified versions/aliases (<function>:*).',
    );
  }
  acknowledge(
    stateMachine.role,
    iam5Resource('*'),
    'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (logs:*LogDelivery*, DescribeLogGroups, PutResourcePolicy) do not support resource-level permissions.',
  );
  if (distributedMaps.length === 0) return;
  const cfn = stateMachine.node.defaultChild as CfnResource;
  const name = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${cfn.stack.getLogicalId(cfn)}"}]}]}`;
  const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}`;
  acknowledge(stateMachine, iam5Resource(`${executions}:*`), 'Distributed Map: describe/stop the child executions of this state machine only; their names are generated at run time.');
  for (const map of distributedMaps) {
    acknowledge(stateMachine, iam5Resource(`${executions}/${map}:*`), `Distributed Map ${map}: redrive its own map runs of this state machine only; their names are generated at run time.`);
  }
}
