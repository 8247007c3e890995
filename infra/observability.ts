import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  CfnAlarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IAlarm,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { METRICS_NAMESPACE, METRICS_SERVICE, STAGE_METRICS } from '../functions/lib/stageMetrics.ts';

export interface ObservabilityProps {
  sweepStateMachine: StateMachine;
  liftStateMachine: StateMachine;
  /** Every stage function, by handler module name. */
  functions: Array<{ module: string; fn: IFunction }>;
}

/** A code's share of judged accounts acted on, over this band of its usual range (standard deviations), alarms. */
export const HIT_RATE_BAND_WIDTH = 3;
/** Custom metrics are summed per hour: a sweep is a batch, and its datapoints land within its run. */
const HOURLY = Duration.hours(1);
const FIVE_MINUTES = Duration.minutes(5);

/** A crackdown metric (functions/lib/stageMetrics.ts) under its dimensions. */
export function crackdownMetric(name: string, dimensions: Record<string, string>, statistic = 'Sum', period = HOURLY): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: METRICS_SERVICE, ...dimensions }, statistic, period });
}

/**
 * What an on-call runs on (docs/operations.md): alarms on failed sweeps and lift runs, rules held by
 * the blast-radius guard, a violation code's hit rate jumping out of its usual band (anomaly
 * detection over decisions per judged account), lifts overdue, and every stage function's errors
 * and throttles, all notifying one KMS-encrypted SNS topic; and a dashboard of the same.
 */
export class Observability extends Construct {
  readonly alarmTopic: Topic;
  readonly alarmKey: Key;
  readonly dashboard: Dashboard;
  readonly alarms: IAlarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    // Its own key: CloudWatch must be able to use it to publish, which the data key never allows.
    this.alarmKey = new Key(this, 'AlarmKey', { description: 'crackdown: the alarm topic', enableKeyRotation: true });
    this.alarmKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" is this key
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'crackdown alarms', masterKey: this.alarmKey, enforceSSL: true });
    const action = new SnsAction(this.alarmTopic);
    const atLeastOnce = (alarmId: string, metric: IMetric, description: string) => {
      const alarm = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(action);
      this.alarms.push(alarm);
      return alarm;
    };

    const sweepFailed = props.sweepStateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' });
    const sweepTimedOut = props.sweepStateMachine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' });
    atLeastOnce('SweepFailedAlarm', sweepFailed, 'A sweep execution failed (a stage failed after its retries). Runbook: docs/operations.md#sweep-failed');
    atLeastOnce('LiftFailedAlarm', props.liftStateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }), 'A lift execution failed. Runbook: docs/operations.md#lift-failed');
    atLeastOnce(
      'HeldRulesAlarm',
      crackdownMetric(STAGE_METRICS.heldRules, { stage: 'sample' }, 'Maximum'),
      'The blast-radius guard held rules of a sweep back: it waits for human review. Runbook: docs/operations.md#held-rules',
    );
    atLeastOnce(
      'LiftsOverdueAlarm',
      crackdownMetric(STAGE_METRICS.liftsOverdue, { stage: 'lift' }),
      'Penalties stayed in force well past their due time (a lift slot was missed). Runbook: docs/operations.md#lifts-overdue',
    );

    // A code's hit rate: decisions with that code per 100 judged accounts, against its learned band.
    const judged = crackdownMetric(STAGE_METRICS.sweepAccountsJudged, { stage: 'sample' });
    for (const code of VIOLATION_CODES) {
      const alarm = new CfnAlarm(this, `HitRate${code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Alarm`, {
        alarmDescription: `The share of judged accounts acted on for ${code} rose above its usual band: a rule may have gone wild. Runbook: docs/operations.md#hit-rate-jump`,
        comparisonOperator: 'GreaterThanUpperThreshold',
        evaluationPeriods: 1,
        thresholdMetricId: 'band',
        treatMissingData: 'notBreaching',
        alarmActions: [this.alarmTopic.topicArn],
        metrics: [
          {
            id: 'decisions',
            returnData: false,
            metricStat: { metric: { namespace: METRICS_NAMESPACE, metricName: STAGE_METRICS.decisions, dimensions: dims({ service: METRICS_SERVICE, code }) }, period: 3600, stat: 'Sum' },
          },
          { id: 'judged', returnData: false, metricStat: { metric: { namespace: METRICS_NAMESPACE, metricName: judged.metricName, dimensions: dims(judged.dimensions!) }, period: 3600, stat: 'Sum' } },
          { id: 'rate', expression: '100 * decisions / judged', label: `${code} decisions per 100 judged accounts`, returnData: true },
          { id: 'band', expression: `ANOMALY_DETECTION_BAND(rate, ${HIT_RATE_BAND_WIDTH})`, label: 'usual band', returnData: true },
        ],
      });
      this.alarms.push(Alarm.fromAlarmArn(this, `HitRate${VIOLATION_CODES.indexOf(code)}Ref`, alarm.attrArn));
    }

    for (const { module, fn } of props.functions) {
      atLeastOnce(`${module}ErrorsAlarm`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), `The ${module} function failed invocations. Runbook: docs/operations.md#lambda-errors`);
      atLeastOnce(`${module}ThrottlesAlarm`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), `The ${module} function was throttled. Runbook: docs/operations.md#lambda-throttles`);
    }

    const stageSum = (name: string, stage: string) => crackdownMetric(name, { stage }).with({ label: name });
    const codeRates = VIOLATION_CODES.map(
      (code, i) => new MathExpression({ expression: `100 * d${i} / judged`, usingMetrics: { [`d${i}`]: crackdownMetric(STAGE_METRICS.decisions, { code }), judged }, label: code, period: HOURLY }),
    );
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-crackdown`,
      widgets: [
        [new TextWidget({ markdown: '# crackdown\nSweeps, what they decided and enforced, lifts, and the stage functions. Runbooks: docs/operations.md', width: 24, height: 2 })],
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 })],
        [
          new GraphWidget({
            title: 'Sweep executions',
            left: [props.sweepStateMachine.metricStarted({ period: FIVE_MINUTES }), props.sweepStateMachine.metricSucceeded({ period: FIVE_MINUTES }), sweepFailed, sweepTimedOut],
            width: 8,
          }),
          new GraphWidget({
            title: 'Records read and quarantined',
            left: [stageSum(STAGE_METRICS.recordsRead, 'partition')],
            right: [stageSum(STAGE_METRICS.recordsQuarantined, 'partition'), stageSum(STAGE_METRICS.damagedParts, 'partition')],
            width: 8,
          }),
          new GraphWidget({ title: 'Held rules (blast-radius guard)', left: [crackdownMetric(STAGE_METRICS.heldRules, { stage: 'sample' }, 'Maximum')], width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Decisions by code', left: VIOLATION_CODES.map((code) => crackdownMetric(STAGE_METRICS.decisions, { code }).with({ label: code })), stacked: true, width: 12 }),
          new GraphWidget({ title: 'Decisions per 100 judged accounts, by code', left: codeRates, width: 12 }),
        ],
        [
          new GraphWidget({
            title: 'Enforced, notices, lifts',
            left: [stageSum(STAGE_METRICS.enforced, 'enforce'), stageSum(STAGE_METRICS.noticesSent, 'notify'), stageSum(STAGE_METRICS.lifted, 'lift')],
            right: [stageSum(STAGE_METRICS.enforceSkipped, 'enforce'), stageSum(STAGE_METRICS.liftsOverdue, 'lift')],
            width: 12,
          }),
          new GraphWidget({
            title: 'Stage functions: errors and throttles',
            left: props.functions.map(({ module, fn }) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: `${module} errors` })),
            right: props.functions.map(({ module, fn }) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: `${module} throttles` })),
            width: 12,
          }),
        ],
      ],
    });
  }
}

function dims(map: Record<string, unknown>): Array<{ name: string; value: string }> {
  return Object.entries(map).map(([name, value]) => ({ name, value: String(value) }));
}
