/**
 * The stages' CloudWatch metrics, as Powertools EMF lines on stdout (Lambda's log stream turns them
 * into metrics: no PutMetricData call, no IAM). Namespace `Crackdown`; dimensions are never user
 * data: `service` (Powertools' own), `stage`, and for decisions the violation `code` (one of ten).
 * The alarms and the dashboard that read them: infra/observability.ts; the list: docs/operations.md.
 *
 * Each call adds and publishes at once, synchronously, so concurrent invocations in one process
 * (the embedded stack runs many map items in-process) never mix their counts or dimensions.
 * On the embedded stack and the CLI, POWERTOOLS_METRICS_DISABLED=true (scripts/local/embeddedStack.ts,
 * scripts/cli/bin.mjs) keeps stdout clean: nothing is printed, the counts are dropped.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'Crackdown';
export const METRICS_SERVICE = 'crackdown';

/** Every metric a stage emits (Count, summed per period). */
export const STAGE_METRICS = {
  /** partition: lines read from snapshot parts */
  recordsRead: 'RecordsRead',
  /** partition: records quarantined (invalid, over-sized, impossible dates, bad UTF-8) */
  recordsQuarantined: 'RecordsQuarantined',
  /** partition: parts quarantined whole (not gzip, truncated, missing) */
  damagedParts: 'DamagedParts',
  /** resolve: accounts judged */
  accountsJudged: 'AccountsJudged',
  /** sample: decisions with an action, by violation code (dimension `code`), once per sweep */
  decisions: 'Decisions',
  /** sample: accounts the sweep judged, once per sweep (the denominator of a code's hit rate) */
  sweepAccountsJudged: 'SweepAccountsJudged',
  /** sample: rules the blast-radius guard held back */
  heldRules: 'HeldRules',
  /** enforce: actions applied */
  enforced: 'Enforced',
  /** enforce: decisions skipped (held rule or account, or action none) */
  enforceSkipped: 'EnforceSkipped',
  /** notify: account notices published to the sink */
  noticesSent: 'NoticesSent',
  /** notify: all messages published (notices and enforcement events) */
  messagesPublished: 'MessagesPublished',
  /** lift: timed penalties lifted */
  lifted: 'Lifted',
  /** lift: lifts still pending LIFT_OVERDUE_AFTER_MS past their due time when a run starts (at most 100 counted per run): a missed lift slot, caught by the safety sweep */
  liftsOverdue: 'LiftsOverdue',
  /** every stage: invocations that threw (after which Step Functions retries or fails the sweep) */
  stageFailed: 'StageFailed',
  /** sweepFailed: sweeps recorded as failed */
  sweepsFailed: 'SweepsFailed',
} as const;
export type StageMetric = (typeof STAGE_METRICS)[keyof typeof STAGE_METRICS];

/** A lift still pending this long after it was due counts as overdue (a slot's run lifts within a minute of its due time). */
export const LIFT_OVERDUE_AFTER_MS = 10 * 60_000;

let instance: Metrics | undefined;
/** Created on first use, so POWERTOOLS_METRICS_DISABLED set by the embedded stack before a handler runs counts. */
function metrics(): Metrics {
  instance ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  return instance;
}

/** One EMF line: the stage's counts under dimensions {service, stage} (zero counts included: a quiet stage is a datapoint too). */
export function recordStageMetrics(stage: string, counts: Partial<Record<StageMetric, number>>): void {
  const m = metrics();
  const entries = Object.entries(counts).filter(([, v]) => typeof v === 'number' && Number.isFinite(v));
  if (entries.length === 0) return;
  m.addDimension('stage', stage);
  for (const [name, value] of entries) m.addMetric(name, MetricUnit.Count, value!);
  m.publishStoredMetrics();
}

/** One EMF line per code: `metric` under dimensions {service, code}. */
export function recordByCode(metric: StageMetric, byCode: Record<string, number>): void {
  for (const [code, value] of Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b))) {
    const m = metrics().singleMetric();
    m.addDimension('code', code);
    m.addMetric(metric, MetricUnit.Count, value); // a single metric publishes on add
  }
}
