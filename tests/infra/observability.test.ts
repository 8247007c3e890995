/** Alarms, the alarm topic and the dashboard (infra/observability.ts) in the synthesized template. */
import { beforeAll, describe, expect, it } from 'vitest';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { METRICS_NAMESPACE, STAGE_METRICS } from '../../functions/lib/stageMetrics.ts';
import { asArray, resourcesOfType, synthCrackdown, type CfnResourceJson, type Synthesized } from './synthCrackdown.ts';

let synth: Synthesized;
let alarms: Array<[string, CfnResourceJson]>;
beforeAll(() => {
  synth = synthCrackdown();
  alarms = resourcesOfType(synth.json, 'AWS::CloudWatch::Alarm');
});

const idOf = (construct: { node: { defaultChild?: unknown } }) => synth.stack.getLogicalId(construct.node.defaultChild as Parameters<Synthesized['stack']['getLogicalId']>[0]);
const dimsOf = (props: Record<string, any>): Record<string, any> => Object.fromEntries(asArray(props.Dimensions).map((d: { Name: string; Value: unknown }) => [d.Name, d.Value]));
/** Alarms on a single metric of that namespace and name. */
const alarmsOn = (namespace: string, metricName: string) => alarms.filter(([, a]) => a.Properties?.Namespace === namespace && a.Properties?.MetricName === metricName);

describe('observability', () => {
  it('sends every alarm to one SNS topic encrypted with its own rotated KMS key that CloudWatch may use', () => {
    const topicId = idOf(synth.stack.observability.alarmTopic);
    const keyId = idOf(synth.stack.observability.alarmKey);
    const topic = synth.json.Resources[topicId];
    expect(topic.Properties?.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const key = synth.json.Resources[keyId];
    expect(key.Properties?.EnableKeyRotation).toBe(true);
    const forCloudWatch = asArray(key.Properties?.KeyPolicy.Statement).filter((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(forCloudWatch).toHaveLength(1);
    expect((forCloudWatch[0] as any).Action.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, a] of alarms) expect(a.Properties?.AlarmActions, id).toEqual([{ Ref: topicId }]);
  });

  it('alarms on failed sweep and lift executions', () => {
    const failed = alarmsOn('AWS/States', 'ExecutionsFailed');
    const machines = failed.map(([, a]) => dimsOf(a.Properties!).StateMachineArn);
    expect(machines).toEqual(expect.arrayContaining([{ Ref: synth.stack.stateMachineLogicalIds().sweep }, { Ref: synth.stack.stateMachineLogicalIds().lift }]));
    for (const [id, a] of failed) {
      expect(a.Properties?.Threshold, id).toBe(1);
      expect(a.Properties?.ComparisonOperator, id).toBe('GreaterThanOrEqualToThreshold');
      expect(a.Properties?.Statistic, id).toBe('Sum');
    }
  });

  it('alarms when the blast-radius guard holds a rule and when lifts are overdue, on the stages that emit them', () => {
    const held = alarmsOn(METRICS_NAMESPACE, STAGE_METRICS.heldRules);
    expect(held).toHaveLength(1);
    expect(dimsOf(held[0][1].Properties!)).toEqual({ service: 'crackdown', stage: 'sample' });
    expect(held[0][1].Properties?.Threshold).toBe(1);
    const overdue = alarmsOn(METRICS_NAMESPACE, STAGE_METRICS.liftsOverdue);
    expect(overdue).toHaveLength(1);
    expect(dimsOf(overdue[0][1].Properties!)).toEqual({ service: 'crackdown', stage: 'lift' });
    expect(overdue[0][1].Properties?.Threshold).toBe(1);
  });

  it("alarms when a code's decisions per judged account rise above its anomaly-detection band, for every violation code", () => {
    const hitRate = alarms.filter(([, a]) => asArray(a.Properties?.Metrics).some((m: any) => String(m.Expression ?? '').startsWith('ANOMALY_DETECTION_BAND(')));
    const codes: string[] = [];
    for (const [id, a] of hitRate) {
      const metrics = asArray(a.Properties?.Metrics) as any[];
      const decisions = metrics.find((m) => m.MetricStat?.Metric.MetricName === STAGE_METRICS.decisions);
      const judged = metrics.find((m) => m.MetricStat?.Metric.MetricName === STAGE_METRICS.sweepAccountsJudged);
      expect(decisions.MetricStat.Metric.Namespace, id).toBe(METRICS_NAMESPACE);
      expect(judged.MetricStat.Metric.Namespace, id).toBe(METRICS_NAMESPACE);
      const rate = metrics.find((m) => m.Expression === `100 * ${decisions.Id} / ${judged.Id}`);
      expect(rate, id).toBeDefined();
      const band = metrics.find((m) => m.Expression?.startsWith('ANOMALY_DETECTION_BAND('));
      expect(band.Expression, id).toMatch(new RegExp(`^ANOMALY_DETECTION_BAND\\(${rate.Id}, \\d+\\)$`));
      expect(a.Properties?.ThresholdMetricId, id).toBe(band.Id);
      expect(a.Properties?.ComparisonOperator, id).toBe('GreaterThanUpperThreshold');
      codes.push(Object.fromEntries(decisions.MetricStat.Metric.Dimensions.map((d: any) => [d.Name, d.Value])).code);
    }
    expect(codes.sort()).toEqual([...VIOLATION_CODES].sort());
  });

  it('alarms on errors and on throttles of every stage function', () => {
    for (const { stage, fn } of synth.stack.functions.all()) {
      const fnId = idOf(fn);
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarmsOn('AWS/Lambda', metric).filter(([, a]) => dimsOf(a.Properties!).FunctionName?.Ref === fnId);
        expect(found, `${stage.module} ${metric}`).toHaveLength(1);
        expect(found[0][1].Properties?.Threshold).toBe(1);
      }
    }
  });

  it('has a dashboard with the alarms, executions, records, decisions by code, held rules, enforcement, lifts and function health', () => {
    const [dashboard] = resourcesOfType(synth.json, 'AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard[1].Properties?.DashboardBody);
    for (const text of [
      'ExecutionsFailed',
      STAGE_METRICS.recordsRead,
      STAGE_METRICS.recordsQuarantined,
      STAGE_METRICS.decisions,
      STAGE_METRICS.heldRules,
      STAGE_METRICS.enforced,
      STAGE_METRICS.noticesSent,
      STAGE_METRICS.lifted,
      STAGE_METRICS.liftsOverdue,
      'Throttles',
      ...VIOLATION_CODES,
    ]) {
      expect(body, text).toContain(text);
    }
    expect(body).toContain('\\"alarms\\"');
  });
});
