import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { BUCKET_ENV_VAR, SINK_TOPIC_ENV_VAR, TABLES, type TableKey } from '#shared/adapters/tableDefinitions';
import { EnforcementSink } from './enforcementSink.ts';
import { LiftScheduling, LiftStateMachine } from './liftScheduling.ts';
import { acknowledgeGrantWildcards } from './grantFindings.ts';
import { grantStageAccess } from './stageAccess.ts';
import { StageFunctions } from './stageFunctions.ts';
import { API_HANDLERS, CAMPAIGN_TASKS, LIFT_STATE_MACHINE_ID, LIFT_TASKS, SWEEP_SIDE_TASKS, SWEEP_STATE_MACHINE_ID, SWEEP_TASKS } from './stages.ts';
import { CampaignScheduling } from './campaignScheduling.ts';
import type { Campaign } from '#shared/campaign/campaignSchema';
import type { Policy } from '#shared/policy/policySchema';
import { ReviewApi } from './reviewApi.ts';
import { AppealsApi } from './appealsApi.ts';
import { SweepStorage } from './storage.ts';
import { LedgerIntegrity } from './ledgerIntegrity.ts';
import { Observability } from './observability.ts';
import { SweepStateMachine } from './sweepStateMachine.ts';
import { CrackdownTables } from './tables.ts';

export interface CrackdownStackProps extends StackProps {
  /** Concurrent child executions per Distributed Map (default 40). */
  mapMaxConcurrency?: number;
  /** Days before `sweeps/` intermediates expire (default 14). */
  intermediateRetentionDays?: number;
  /** Campaigns to schedule, each with its policy (default: none; the app reads campaigns/*.json). */
  campaigns?: ReadonlyArray<{ campaign: Campaign; policy: Policy }>;
}

/** Everything crackdown runs on: storage, tables, stage functions, both state machines, lift scheduling, the sink, alarms and a dashboard. */
export class CrackdownStack extends Stack {
  readonly dataKey: Key;
  readonly storage: SweepStorage;
  readonly tables: CrackdownTables;
  readonly sink: EnforcementSink;
  readonly functions: StageFunctions;
  readonly sweep: SweepStateMachine;
  readonly lift: LiftStateMachine;
  readonly liftScheduling: LiftScheduling;
  readonly reviewApi: ReviewApi;
  readonly appealsApi: AppealsApi;
  readonly ledgerIntegrity: LedgerIntegrity;
  readonly campaignScheduling: CampaignScheduling;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: CrackdownStackProps = {}) {
    super(scope, id, props);

    this.dataKey = new Key(this, 'DataKey', {
      description: 'crackdown: snapshots, sweep intermediates, tables and the enforcement sink',
      enableKeyRotation: true,
      alias: `alias/${this.stackName}-data`,
    });
    this.storage = new SweepStorage(this, 'Storage', {
      key: this.dataKey,
      intermediateRetentionDays: props.intermediateRetentionDays,
    });
    this.tables = new CrackdownTables(this, 'Tables', { key: this.dataKey });
    this.sink = new EnforcementSink(this, 'Sink', { key: this.dataKey });
    const t = this.tables.tables;
    this.ledgerIntegrity = new LedgerIntegrity(this, 'LedgerIntegrity', {
      anchorBucket: this.storage.anchorBucket,
      auditedTables: [t.ledger, t.penalties, t.sweeps],
      dataBucket: this.storage.bucket,
      dataKey: this.dataKey,
    });

    this.functions = new StageFunctions(this, 'Stages', {
      stages: [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS, ...LIFT_TASKS, ...API_HANDLERS, ...CAMPAIGN_TASKS],
      environment: {
        ...this.tables.environment(),
        [BUCKET_ENV_VAR]: this.storage.bucket.bucketName,
        [SINK_TOPIC_ENV_VAR]: this.sink.topic.topicArn,
      },
    });

    this.lift = new LiftStateMachine(this, LIFT_STATE_MACHINE_ID, {
      liftFunction: this.functions.get(LIFT_TASKS[0].module).fn,
    });
    this.liftScheduling = new LiftScheduling(this, 'LiftScheduling', { liftStateMachine: this.lift.stateMachine });

    const sweepName = `${this.stackName}-Sweep`;
    const sweepArn = this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: sweepName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const targets = {
      bucket: this.storage.bucket,
      tables: this.tables.tables,
      topic: this.sink.topic,
      tableKey: this.dataKey,
      ledgerMacKey: this.ledgerIntegrity.macKey,
      anchorBucket: this.storage.anchorBucket,
      allowLiftScheduling: this.liftScheduling.allowScheduling.bind(this.liftScheduling),
      allowLiftCancelling: this.liftScheduling.allowCancelling.bind(this.liftScheduling),
      // By name, not by reference: the sweep state machine refers to the sample function, so a
      // reference back from that function's policy would be a dependency cycle.
      allowSweepTaskCompletion: (fn: { addToRolePolicy(s: PolicyStatement): void }) =>
        fn.addToRolePolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], resources: [sweepArn] })),
    };
    for (const { stage, fn, role } of this.functions.all()) {
      grantStageAccess(stage.module, fn, targets);
      acknowledgeGrantWildcards(stage.module, role, targets);
    }

    this.sweep = new SweepStateMachine(this, SWEEP_STATE_MACHINE_ID, {
      functions: this.functions,
      mapMaxConcurrency: props.mapMaxConcurrency,
      stateMachineName: sweepName,
      workBucket: this.storage.bucket,
      workKey: this.dataKey,
    });
    this.campaignScheduling = new CampaignScheduling(this, 'CampaignScheduling', {
      tickFunction: this.functions.get(CAMPAIGN_TASKS[0].module).fn,
      sweepStateMachineArn: sweepArn,
      campaigns: props.campaigns ?? [],
    });
    this.reviewApi = new ReviewApi(this, 'ReviewApi', { handler: this.functions.get(API_HANDLERS[0].module).fn });
    this.appealsApi = new AppealsApi(this, 'AppealsApi', { handler: this.functions.get('appeal').fn });
    this.observability = new Observability(this, 'Observability', {
      sweepStateMachine: this.sweep.stateMachine,
      liftStateMachine: this.lift.stateMachine,
      functions: [...this.functions.all()].map(({ stage, fn }) => ({ module: stage.module, fn })),
    });

    this.outputs();
  }

  private outputs(): void {
    new CfnOutput(this, 'BucketName', { value: this.storage.bucket.bucketName, description: `bucket (${BUCKET_ENV_VAR})` });
    new CfnOutput(this, 'SweepStateMachineArn', { value: this.sweep.stateMachine.stateMachineArn });
    new CfnOutput(this, 'LiftStateMachineArn', { value: this.lift.stateMachine.stateMachineArn });
    new CfnOutput(this, 'SinkTopicArn', { value: this.sink.topic.topicArn, description: `enforcement sink (${SINK_TOPIC_ENV_VAR})` });
    new CfnOutput(this, 'ReviewConsoleUrl', { value: this.reviewApi.api.url, description: 'review console (sign in with the ReviewersUserPool)' });
    new CfnOutput(this, 'ReviewersUserPoolId', { value: this.reviewApi.userPool.userPoolId });
    new CfnOutput(this, 'ReviewersClientId', { value: this.reviewApi.client.userPoolClientId });
    new CfnOutput(this, 'AppealsApiUrl', { value: this.appealsApi.api.url, description: 'appeals API for the platform (IAM/SigV4)' });
    new CfnOutput(this, 'LedgerAnchorBucketName', { value: this.storage.anchorBucket.bucketName, description: 'write-once ledger anchors (CRACKDOWN_LEDGER_ANCHOR_BUCKET)' });
    new CfnOutput(this, 'LedgerMacKeyArn', { value: this.ledgerIntegrity.macKey.keyArn, description: 'ledger HMAC key (CRACKDOWN_LEDGER_MAC_KEY_ID)' });
    new CfnOutput(this, 'LedgerAuditorRoleArn', { value: this.ledgerIntegrity.auditorRole.roleArn, description: 'assume for audit verify / replay (VerifyMac only)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.alarmTopic.topicArn, description: 'crackdown alarms: subscribe the on-call (docs/operations.md)' });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
    new CfnOutput(this, 'LiftScheduleGroupName', { value: this.liftScheduling.scheduleGroupName });
    for (const [key, table] of Object.entries(this.tables.tables) as Array<[TableKey, (typeof this.tables.tables)[TableKey]]>) {
      new CfnOutput(this, `${TABLES[key].id}TableName`, { value: table.tableName, description: `${TABLES[key].envVar}` });
    }
  }

  /** Logical ids of the two state machines in the synthesized template (the local runner reads them). */
  stateMachineLogicalIds(): { sweep: string; lift: string } {
    return {
      sweep: this.getLogicalId(this.sweep.stateMachine.node.defaultChild as CfnStateMachine),
      lift: this.getLogicalId(this.lift.stateMachine.node.defaultChild as CfnStateMachine),
    };
  }

  /** Logical id of each stage function by handler module (`plan` → `StagesPlanFn…`). */
  functionLogicalIds(): Record<string, string> {
    const ids: Record<string, string> = {};
    for (const { stage, fn } of this.functions.all()) {
      ids[stage.module] = this.getLogicalId(fn.node.defaultChild as CfnFunction);
    }
    return ids;
  }
}
