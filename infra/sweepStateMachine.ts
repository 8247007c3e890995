import { ArnFormat, Arn, Aws, type CfnResource } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  Chain,
  DefinitionBody,
  DistributedMap,
  Fail,
  FieldUtils,
  type IItemReader,
  JsonPath,
  type QueryLanguage,
  StateMachine,
  StateMachineType,
  type IChainable,
  type INextable,
  type CatchProps,
} from 'aws-cdk-lib/aws-stepfunctions';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { mapItemsKeyPath, REVIEW_WAIT_STATE, SWEEP_MAPS, SWEEP_SIDE_TASKS, SWEEP_TASKS } from './stages.ts';
import type { StageFunctions } from './stageFunctions.ts';
import { callbackStageTask, stageTask, stateMachineLogs } from './stageTask.ts';
import { acknowledge, iam5Resource, nagRef } from './nagChecks.ts';
import { acknowledgeStateMachineWildcards } from './grantFindings.ts';

/**
 * Where each top-level Task's result goes in the sweep's state. The last Task (FinishSweep) has
 * none: its result is the execution's output. Map states discard their results (the handlers
 * write everything to S3 under `sweeps/<sweepId>/`; Notify's and ScheduleLifts' per-bucket stats
 * are summed into the summary by FinishSweep).
 */
export const SWEEP_RESULT_PATHS: Record<string, string> = {
  Plan: '$.plan',
  DrawSample: '$.draw',
  PlanRelatedEvidence: '$.related',
  SampleForReview: '$.sample',
};

export const SWEEP_FAILED_STATE = 'SweepFailed';
/** Records a failed sweep in the Sweeps table on the way to SweepFailed. */
export const RECORD_SWEEP_FAILED_STATE = 'RecordSweepFailed';
/** Where a human review that was not closed in time goes: record it, enforce nothing, end. */
export const REVIEW_TIMED_OUT_STATE = 'ReviewTimedOut';
/** The review Task's timeout (seconds), computed by Plan from the policy's review.timeoutHours. */
export const REVIEW_TIMEOUT_PATH = '$.plan.reviewTimeoutSeconds';

export interface SweepStateMachineProps {
  functions: StageFunctions;
  /** Concurrent child executions per Distributed Map. */
  mapMaxConcurrency?: number;
  logRetention?: RetentionDays;
  /** Physical name; fixed so that functions can be granted task completion on it without a dependency cycle. */
  stateMachineName?: string;
  /** The sweep bucket, where Plan writes each map's item list. */
  workBucket: IBucket;
  /** The bucket's KMS key: the maps' ItemReaders decrypt the item lists through S3. */
  workKey?: IKey;
}

/** Where Plan writes the maps' item lists (sweepPaths' `mapItems`): the only objects the state machine itself reads. */
const MAP_ITEMS_OBJECTS = 'sweeps/*/map-items/*';

/**
 * A map's ItemReader: the JSON array at the key Plan put in the state (`$.plan.items.<list>`), in the sweep bucket.
 * CDK's S3JsonItemReader takes a fixed key and grants s3:GetObject on the whole bucket; this one reads the key from
 * the state and is granted the item lists only (and decryption through S3 of the bucket's key).
 */
class SweepItemsReader implements IItemReader {
  readonly resource = Arn.format({ region: '', account: '', partition: Aws.PARTITION, service: 'states', resource: 's3', resourceName: 'getObject', arnFormat: ArnFormat.COLON_RESOURCE_NAME });

  constructor(
    readonly bucket: IBucket,
    private readonly keyPath: string,
    private readonly key?: IKey,
  ) {}

  render(): object {
    return FieldUtils.renderObject({ Resource: this.resource, ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: this.bucket.bucketName, Key: JsonPath.stringAt(this.keyPath) } })!;
  }

  providePolicyStatements(): PolicyStatement[] {
    const statements = [new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(MAP_ITEMS_OBJECTS)] })];
    if (this.key) {
      statements.push(new PolicyStatement({ actions: ['kms:Decrypt'], resources: [this.key.keyArn], conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } } }));
    }
    return statements;
  }

  validateItemReader(): string[] {
    return [];
  }
}

type ChainableState = IChainable & INextable & { addCatch(handler: IChainable, props?: CatchProps): unknown };

/**
 * A Distributed Map that states `ToleratedFailurePercentage: 0` in the ASL (CDK leaves a zero
 * out): any failed item fails the map, and the definition says so to whoever reads it.
 */
class StrictDistributedMap extends DistributedMap {
  override toStateJson(queryLanguage?: QueryLanguage): object {
    return { ...super.toStateJson(queryLanguage), ToleratedFailurePercentage: 0 };
  }
}

/**
 * The sweep: Plan → PartitionParts → GroupKeys → ExpandRings → ResolveAccounts → SampleForReview →
 * EnforceActions → Notify → ScheduleLifts → FinishSweep, built from SWEEP_TASKS / SWEEP_MAPS
 * (docs/architecture.md). SampleForReview is a `.waitForTaskToken` Task (the review closes it);
 * its States.Timeout goes to ReviewTimedOut, which ends the sweep with nothing enforced.
 * Any other failure goes through RecordSweepFailed (the Sweeps table says failed, with the error)
 * and ends in SweepFailed with the error and cause.
 */
export class SweepStateMachine extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: SweepStateMachineProps) {
    super(scope, id);
    const failed = new Fail(this, SWEEP_FAILED_STATE, {
      stateName: SWEEP_FAILED_STATE,
      comment: 'A stage failed after its retries; the sweep stops here. Re-running it is idempotent.',
      errorPath: '$.error.Error',
      causePath: '$.error.Cause',
    });

    // the failure path records the failure in the Sweeps table, then fails with the stage's error and cause
    const recordStage = SWEEP_SIDE_TASKS.find((t) => t.state === RECORD_SWEEP_FAILED_STATE)!;
    const recordFailed = stageTask(this, recordStage.state, props.functions.get(recordStage.module).fn, { resultPath: JsonPath.DISCARD });
    recordFailed.addCatch(failed, { resultPath: '$.recordError' });
    recordFailed.next(failed);

    const timedOutStage = SWEEP_SIDE_TASKS.find((t) => t.state === REVIEW_TIMED_OUT_STATE)!;
    const timedOut = stageTask(this, timedOutStage.state, props.functions.get(timedOutStage.module).fn);
    timedOut.addCatch(recordFailed, { resultPath: '$.error' });

    const states: ChainableState[] = [];
    SWEEP_TASKS.forEach((stage, index) => {
      const fn = props.functions.get(stage.module).fn;
      const map = SWEEP_MAPS.find((m) => m.task === stage.state);
      let state: ChainableState;
      if (map) {
        const distributed = new StrictDistributedMap(this, map.state, {
          stateName: map.state,
          comment: `functions/${stage.module}.ts once per item of ${map.items} (read from S3)`,
          itemReader: new SweepItemsReader(props.workBucket, mapItemsKeyPath(map.items), props.workKey),
          itemSelector: {
            sweepId: JsonPath.stringAt('$.sweepId'),
            item: JsonPath.stringAt('$$.Map.Item.Value'),
          },
          maxConcurrency: props.mapMaxConcurrency ?? 40,
          resultPath: JsonPath.DISCARD,
          // Child executions run a Lambda of up to 15 minutes: longer than Express allows.
          mapExecutionType: StateMachineType.STANDARD,
          label: map.state,
        });
        distributed.itemProcessor(stageTask(this, stage.state, fn));
        state = distributed;
      } else {
        const isLast = index === SWEEP_TASKS.length - 1;
        const resultPath = SWEEP_RESULT_PATHS[stage.state];
        if (!isLast && !resultPath) {
          throw new Error(`sweep Task ${stage.state} needs an entry in SWEEP_RESULT_PATHS (only the last Task may replace the state)`);
        }
        if (stage.state === REVIEW_WAIT_STATE) {
          const wait = callbackStageTask(this, stage.state, fn, { resultPath: resultPath!, timeoutSecondsPath: REVIEW_TIMEOUT_PATH });
          // A review not closed in time fails safe: nothing is enforced, the sweep says why.
          wait.addCatch(timedOut, { errors: ['States.Timeout'], resultPath: '$.reviewError' });
          state = wait;
        } else {
          state = stageTask(this, stage.state, fn, { resultPath: isLast ? undefined : resultPath });
        }
      }
      state.addCatch(recordFailed, { resultPath: '$.error' });
      states.push(state);
    });

    let chain = Chain.start(states[0]);
    for (const next of states.slice(1)) chain = chain.next(next);

    this.stateMachine = new StateMachine(this, 'Resource', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      comment: 'crackdown sweep: plan, shuffle, resolve, sample, enforce, notify, schedule lifts, finish',
      definitionBody: DefinitionBody.fromChainable(chain),
      tracingEnabled: true,
      logs: stateMachineLogs(this, 'Logs', 'Sweep', props.logRetention),
    });
    acknowledge(
      this.stateMachine,
      'AwsSolutions-SF1',
      'Logs at ERROR with includeExecutionData false on purpose: execution data names accounts and evidence, which must not be copied into CloudWatch Logs; the full history stays in Step Functions.',
    );
    acknowledge(
      this.stateMachine.role,
      iam5Resource(`${nagRef(props.workBucket.node.defaultChild as CfnResource, 'Arn')}/${MAP_ITEMS_OBJECTS}`),
      "The Distributed Maps' ItemReaders read the item lists Plan wrote under each sweep (sweeps/<sweepId>/map-items/<list>.json); the sweep id is chosen at run time. Read only, those objects only.",
    );
    acknowledgeStateMachineWildcards(
      this.stateMachine,
      [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS].map((stage) => props.functions.get(stage.module).fn),
      SWEEP_MAPS.map((m) => m.state),
    );
  }
}
