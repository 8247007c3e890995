import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Choice, Condition, DefinitionBody, Pass, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { LIFT_CANCEL_GROUP_ENV_VAR, LIFT_TARGET_ENV_VARS } from '#shared/adapters/tableDefinitions';
import { LIFT_TASKS } from './stages.ts';
import { stageTask, stateMachineLogs } from './stageTask.ts';
import { acknowledge, iam5Resource } from './nagChecks.ts';
import { acknowledgeStateMachineWildcards } from './grantFindings.ts';

/** Where LiftDue's stats go; the execution's output is the last round's stats. */
export const LIFT_RESULT_PATH = '$.lift';
export const LIFT_MORE_STATE = 'MoreDue';
export const LIFT_DONE_STATE = 'LiftsDone';

export interface LiftStateMachineProps {
  liftFunction: IFunction;
  logRetention?: RetentionDays;
}

/**
 * The lift state machine: the idempotent `LiftDue` Task, input `{ now }` (a lift slot's schedule,
 * the safety sweep, `crackdown lift --now`) or `{ liftId }` (per-lift schedules from before lift
 * slots), run again while it reports `more` (a slot larger than one Lambda invocation lifts).
 */
export class LiftStateMachine extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: LiftStateMachineProps) {
    super(scope, id);
    const [liftDue] = LIFT_TASKS;
    // A slot too large for one invocation: LiftDue stops before its timeout with `more`, and runs again with the same `now`.
    const lift = stageTask(this, liftDue.state, props.liftFunction, { resultPath: LIFT_RESULT_PATH });
    const done = new Pass(this, LIFT_DONE_STATE, { stateName: LIFT_DONE_STATE, outputPath: LIFT_RESULT_PATH });
    // `more` is present only when true; a Choice on an absent field would fail the execution.
    const hasMore = Condition.and(Condition.isPresent(`${LIFT_RESULT_PATH}.more`), Condition.booleanEquals(`${LIFT_RESULT_PATH}.more`, true));
    const more = new Choice(this, LIFT_MORE_STATE, { stateName: LIFT_MORE_STATE }).when(hasMore, lift).otherwise(done);
    this.stateMachine = new StateMachine(this, 'Resource', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'crackdown lift: lifts everything due at `now` (a lift slot, or the safety sweep) from the due index, idempotently, in as many rounds as it takes',
      definitionBody: DefinitionBody.fromChainable(lift.next(more)),
      tracingEnabled: true,
      logs: stateMachineLogs(this, 'Logs', 'Lift', props.logRetention),
    });
    acknowledge(
      this.stateMachine,
      'AwsSolutions-SF1',
      'Logs at ERROR with includeExecutionData false on purpose: execution data names accounts, which must not be copied into CloudWatch Logs; the full history stays in Step Functions.',
    );
    acknowledgeStateMachineWildcards(this.stateMachine, [props.liftFunction]);
  }
}

export interface LiftSchedulingProps {
  liftStateMachine: StateMachine;
}

/** Input of the periodic safety sweep: the schedule's own fire time, so a re-run lifts the same set. */
export const SAFETY_SWEEP_INPUT = { now: '<aws.scheduler.scheduled-time>' };
export const SAFETY_SWEEP_RATE = 'rate(1 hour)';

/**
 * EventBridge Scheduler wiring for timed penalties: a schedule group that ScheduleLifts fills
 * with one one-time `at(...)` schedule per lift slot (shared/enforcement/liftSlot.ts; input
 * `{ "now": <slot end> }`), so the number of schedules follows the distinct due minutes, not the
 * number of penalties; the role Scheduler assumes to start the lift state machine (and nothing
 * else); and an hourly safety sweep.
 */
export class LiftScheduling extends Construct {
  readonly scheduleGroup: CfnScheduleGroup;
  readonly scheduleGroupName: string;
  readonly schedulerRole: Role;
  readonly safetySchedule: CfnSchedule;
  private readonly liftStateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: LiftSchedulingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.liftStateMachine = props.liftStateMachine;
    this.scheduleGroupName = `${stack.stackName}-lifts`;
    this.scheduleGroup = new CfnScheduleGroup(this, 'Group', { name: this.scheduleGroupName });

    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to start the lift state machine',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': this.scheduleGroup.attrArn,
          },
        },
      }),
    });
    props.liftStateMachine.grantStartExecution(this.schedulerRole);

    this.safetySchedule = new CfnSchedule(this, 'SafetySweep', {
      description: 'Hourly safety sweep: lifts whatever is due even if its one-time schedule was missed',
      groupName: this.scheduleGroup.ref,
      scheduleExpression: SAFETY_SWEEP_RATE,
      flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 5 },
      state: 'ENABLED',
      target: {
        arn: props.liftStateMachine.stateMachineArn,
        roleArn: this.schedulerRole.roleArn,
        input: JSON.stringify(SAFETY_SWEEP_INPUT),
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
      },
    });
  }

  /** ARN pattern of the schedules inside the lift group. */
  schedulesArn(): string {
    return Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroupName}/*` });
  }

  /**
   * Lets a function delete schedules of the lift group (only there). Slot schedules are shared and
   * never deleted on a cancel; this removes per-lift schedules created before lift slots.
   */
  allowCancelling(fn: LambdaFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:DeleteSchedule'], resources: [this.schedulesArn()] }));
    fn.addEnvironment(LIFT_CANCEL_GROUP_ENV_VAR, this.scheduleGroupName);
    if (fn.role) {
      acknowledge(
        fn.role,
        iam5Resource(`arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.scheduleGroupName}/*`),
        'Per-lift schedules from before lift slots are named at run time; deleting (cancelling) them is confined to the lift schedule group.',
      );
    }
  }

  /**
   * Lets a function create one-time slot schedules in the lift group (only there) that start the lift
   * state machine as the scheduler role, and tells it where through LIFT_TARGET_ENV_VARS.
   */
  allowScheduling(fn: LambdaFunction): void {
    const grantee: IGrantable = fn;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule'],
        resources: [this.schedulesArn()],
      }),
    );
    this.schedulerRole.grantPassRole(grantee.grantPrincipal);
    fn.addEnvironment(LIFT_TARGET_ENV_VARS.scheduleGroup, this.scheduleGroupName);
    fn.addEnvironment(LIFT_TARGET_ENV_VARS.targetArn, this.liftStateMachine.stateMachineArn);
    fn.addEnvironment(LIFT_TARGET_ENV_VARS.roleArn, this.schedulerRole.roleArn);
    if (fn.role) {
      acknowledge(
        fn.role,
        iam5Resource(`arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.scheduleGroupName}/*`),
        'One-time lift schedules are named per lift slot at run time; the wildcard is confined to the lift schedule group.',
      );
    }
  }
}
