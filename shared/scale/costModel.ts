/**
 * Cost and time of one sweep in AWS, on paper (docs/scale.md): from the per-record CPU costs and shuffle shapes the
 * bench measured (measuredCosts.ts) and the unit prices assumed (awsPrices.ts). Pure arithmetic, no AWS calls.
 *
 * Time: the sweep's map stages run one after another; a stage of `items` work items, each taking `itemSeconds`, at a
 * concurrency of c takes ceil(items / c) waves. The concurrency reported is the smallest c (searched, not assumed)
 * whose stages fit the time budget, or none when even the Distributed Map's ceiling does not.
 */
import { MAX_BUCKETS } from '#shared/pipeline/sweepPlan';
import { AWS_PRICES, type AwsPrices } from './awsPrices.ts';
import { MEASURED, type MeasuredCosts, type SnapshotKind } from './measuredCosts.ts';

export interface EstimateRequest {
  accounts: number;
  /** The sweep must finish within this many seconds (default one hour). */
  targetSeconds?: number;
  /** Share of accounts given an action (default: the measured share on the project's generator). */
  actedShare?: number;
  /** Uncompressed bytes per snapshot part, i.e. per partition work item (the snapshot producer's choice). */
  partBytes?: number;
  /** Uncompressed snapshot bytes per account bucket (planSweep's TARGET_BUCKET_BYTES by default). */
  bucketBytes?: number;
  measured?: MeasuredCosts;
  prices?: AwsPrices;
}

export interface StageEstimate {
  stage: string;
  items: number;
  memoryMb: number;
  /** Lambda seconds for the whole stage (CPU work stretched by the memory's CPU share, plus per-item overhead). */
  lambdaSeconds: number;
  itemSeconds: number;
  /** Wall seconds at the estimate's concurrency. */
  wallSeconds: number;
}

export interface Estimate {
  accounts: number;
  records: number;
  snapshotBytes: number;
  parts: number;
  buckets: number;
  /** planSweep caps the bucket count (MAX_PLANNED_BUCKETS); past it, buckets grow beyond their memory target. */
  bucketCapExceeded: boolean;
  actions: number;
  /** The smallest Distributed Map concurrency that fits the target, or null when none up to the ceiling does. */
  concurrency: number | null;
  targetSeconds: number;
  wallSeconds: number;
  stages: StageEstimate[];
  counts: {
    lambdaGbSeconds: number;
    lambdaRequests: number;
    shuffleObjects: { account: number; channel: number; signal: number };
    s3Puts: number;
    s3Gets: number;
    dynamoWrites: number;
    dynamoReads: number;
    stateTransitions: number;
    childExecutions: number;
    schedulerInvocations: number;
    schedulerCalls: number;
    snsPublishes: number;
  };
  costUsd: { lambda: number; s3: number; dynamo: number; stepFunctions: number; scheduler: number; sns: number; total: number };
}

/** The ceiling of concurrent child executions of one Distributed Map. */
export const MAX_MAP_CONCURRENCY = 10_000;
/** planSweep's bucket count cap and its bytes per account bucket (shared/pipeline/planSweep.ts). */
export const MAX_PLANNED_BUCKETS = MAX_BUCKETS;
export const BUCKET_BYTES = 64 * 1024 * 1024;
const DEFAULT_PART_BYTES = 256 * 1024 * 1024;
/** Memory per stage, as deployed (infra/stages.ts; a test keeps them equal). */
export const STAGE_MEMORY_MB = { partition: 2048, group: 3008, expandRings: 1024, resolve: 3008, enforce: 1024, notify: 512, scheduleLifts: 512 } as const;
/** Lambda start, first S3 byte and final writes per work item: assumed, not measured. */
const ITEM_OVERHEAD_SECONDS = 1;
/** Map state start and end, and the non-map Tasks (Plan, DrawSample, PlanRelatedEvidence and SampleForReview in auto review, where the evidence maps run no item; FinishSweep): assumed. */
const MAP_OVERHEAD_SECONDS = 5;
const FIXED_TASK_SECONDS = 30;
/** State transitions per child execution (start, the Task, end) and of the parent sweep: assumed from the ASL shape. */
const TRANSITIONS_PER_CHILD = 3;
const PARENT_TRANSITIONS = 30;

/** Wall seconds of the sweep's stages run one after another, each map at concurrency `c`. */
export function sweepWallSeconds(stages: readonly { items: number; itemSeconds: number }[], c: number): number {
  return FIXED_TASK_SECONDS + stages.reduce((t, s) => t + MAP_OVERHEAD_SECONDS + Math.ceil(s.items / c) * s.itemSeconds, 0);
}

/** Distinct buckets hit by n keys hashed uniformly over b buckets (expected): the objects one writer makes. */
export function bucketsHit(n: number, b: number): number {
  return n <= 0 ? 0 : b * -Math.expm1(-n / b);
}

export function estimateSweep(req: EstimateRequest): Estimate {
  const m = req.measured ?? MEASURED;
  const p = req.prices ?? AWS_PRICES;
  const targetSeconds = req.targetSeconds ?? 3600;
  const partBytes = req.partBytes ?? DEFAULT_PART_BYTES;
  const kinds = Object.keys(m.recordsPerAccount) as SnapshotKind[];
  const recordsOf = (k: SnapshotKind) => req.accounts * m.recordsPerAccount[k];
  const records = kinds.reduce((t, k) => t + recordsOf(k), 0);
  const snapshotBytes = kinds.reduce((t, k) => t + recordsOf(k) * m.bytesPerRecord[k], 0);
  const partsOf = (k: SnapshotKind) => Math.ceil((recordsOf(k) * m.bytesPerRecord[k]) / partBytes);
  const parts = kinds.reduce((t, k) => t + partsOf(k), 0);
  const buckets = Math.max(2, Math.ceil(snapshotBytes / (req.bucketBytes ?? BUCKET_BYTES)));
  const channels = m.channels.length;
  const actions = Math.round(req.accounts * (req.actedShare ?? m.actedShare));

  // shuffle objects: each part writes one object per account bucket and per (channel, bucket) its rows hit
  let accountObjects = 0;
  let channelObjects = 0;
  for (const k of kinds) {
    const perPart = recordsOf(k) / partsOf(k);
    if (k !== 'reports') accountObjects += partsOf(k) * bucketsHit(perPart, buckets);
    for (const ch of m.channels) channelObjects += partsOf(k) * bucketsHit(perPart * (m.channelRowsPerRecord[k]?.[ch] ?? 0), buckets);
  }
  // signals: each group item writes one object per account bucket its signals name
  const signals = records * m.signalsPerRecord;
  const signalObjects = channels * buckets * bucketsHit(signals / (channels * buckets), buckets);

  const cpuShare = (mb: number) => Math.min(1, mb / p.lambdaMbPerVcpu);
  const work = (stage: keyof typeof STAGE_MEMORY_MB, items: number, cpuSeconds: number, ioSeconds = 0) => {
    const memoryMb = STAGE_MEMORY_MB[stage];
    const lambdaSeconds = cpuSeconds / cpuShare(memoryMb) + ioSeconds + items * ITEM_OVERHEAD_SECONDS;
    return { stage, items, memoryMb, lambdaSeconds, itemSeconds: lambdaSeconds / Math.max(1, items) };
  };
  const cpu = (stage: keyof MeasuredCosts['cpuMicrosPerRecord']) => (records * m.cpuMicrosPerRecord[stage]) / 1e6;
  const messages = actions * m.messagesPerAction;
  const stages = [
    work('partition', parts, cpu('partition')),
    work('group', channels * buckets, cpu('group')),
    work('expandRings', buckets, cpu('expandRings')),
    work('resolve', buckets, cpu('resolve')),
    work('enforce', buckets, 0, (actions * m.transactionMs) / 1000 / m.enforceParallelism),
    work('notify', buckets, 0, ((messages / 500) * m.notifyPageMs) / 1000),
    work('scheduleLifts', buckets, 0, (actions * m.timedShare * m.scheduleLiftMs) / 1000),
  ];
  const wallAt = (c: number) => sweepWallSeconds(stages, c);
  // wall time only falls as concurrency rises: the smallest concurrency that fits, by bisection
  let concurrency: number | null = null;
  if (wallAt(MAX_MAP_CONCURRENCY) <= targetSeconds) {
    let lo = 1;
    let hi = MAX_MAP_CONCURRENCY;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (wallAt(mid) <= targetSeconds) hi = mid;
      else lo = mid + 1;
    }
    concurrency = lo;
  }
  const c = concurrency ?? MAX_MAP_CONCURRENCY;

  const lambdaGbSeconds = stages.reduce((t, s) => t + (s.lambdaSeconds * s.memoryMb) / 1024, 0);
  const lambdaRequests = stages.reduce((t, s) => t + s.items, 0) + 3;
  const statsObjects = stages.reduce((t, s) => t + s.items, 0);
  const s3Puts = accountObjects + channelObjects + signalObjects + buckets /* decisions */ + statsObjects + Math.ceil(actions / m.actionsPerAnchor);
  const s3Gets = parts + channelObjects + signalObjects + accountObjects + 3 * buckets; /* decisions read by enforce, notify, schedule */
  const timed = actions * m.timedShare;
  // transaction items at 2 units each, the timed states' entries in the lift index, and the messages marked delivered
  const dynamoWrites = actions * m.itemsPerAction * 2 + timed * m.liftIndexWritesPerTimedAction + messages;
  // the actions' reads, and ScheduleLifts' batch read of each timed penalty's state (a consistent read, 1 unit)
  const dynamoReads = actions * m.readsPerAction + timed;
  const childExecutions = lambdaRequests - 3;
  const stateTransitions = PARENT_TRANSITIONS + childExecutions * TRANSITIONS_PER_CHILD;
  const slots = actions > 0 ? m.liftSlotsPerSweep : 0;
  const schedulerCalls = buckets * slots;
  const shuffleGb = (records * m.shuffleBytesPerRecord) / 1e9;
  const costUsd = {
    lambda: lambdaGbSeconds * p.lambdaPerGbSecond + (lambdaRequests / 1e6) * p.lambdaPerMillionRequests,
    // the shuffle lives for the sweep's hour: a month's storage price over 730 hours
    s3: (s3Puts / 1000) * p.s3PutPerThousand + (s3Gets / 1000) * p.s3GetPerThousand + (shuffleGb * p.s3PerGbMonth) / 730,
    dynamo: (dynamoWrites / 1e6) * p.dynamoPerMillionWrites + (dynamoReads / 1e6) * p.dynamoPerMillionReads,
    stepFunctions: (stateTransitions / 1000) * p.stepFunctionsPerThousandTransitions,
    scheduler: (slots / 1e6) * p.schedulerPerMillionInvocations,
    sns: (messages / 1e6) * p.snsPerMillionPublishes,
    total: 0,
  };
  costUsd.total = costUsd.lambda + costUsd.s3 + costUsd.dynamo + costUsd.stepFunctions + costUsd.scheduler + costUsd.sns;
  return {
    accounts: req.accounts,
    records,
    snapshotBytes,
    parts,
    buckets,
    bucketCapExceeded: buckets > MAX_PLANNED_BUCKETS,
    actions,
    concurrency,
    targetSeconds,
    wallSeconds: wallAt(c),
    stages: stages.map((s) => ({ ...s, wallSeconds: MAP_OVERHEAD_SECONDS + Math.ceil(s.items / c) * s.itemSeconds })),
    counts: {
      lambdaGbSeconds,
      lambdaRequests,
      shuffleObjects: { account: accountObjects, channel: channelObjects, signal: signalObjects },
      s3Puts,
      s3Gets,
      dynamoWrites,
      dynamoReads,
      stateTransitions,
      childExecutions,
      schedulerInvocations: slots,
      schedulerCalls,
      snsPublishes: messages,
    },
    costUsd,
  };
}
