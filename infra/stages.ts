import type { MapItemList, ReviewItemList } from '#shared/pipeline/mapItems';

/**
 * Task states and the handler module each one runs. The CDK app builds one NodejsFunction
 * per entry; the embedded stack maps the same state names to the same modules in-process.
 */
export interface StageHandler {
  /** Task state name in the synthesized ASL. */
  state: string;
  /** Module under functions/, exporting `handler`. */
  module: string;
  /** Short construct id for the Lambda function. */
  functionId: string;
  memoryMb: number;
  timeoutSeconds: number;
}

export const SWEEP_TASKS: StageHandler[] = [
  { state: 'Plan', module: 'plan', functionId: 'PlanFn', memoryMb: 512, timeoutSeconds: 120 },
  { state: 'PartitionPart', module: 'partition', functionId: 'PartitionFn', memoryMb: 2048, timeoutSeconds: 900 },
  { state: 'GroupBucket', module: 'group', functionId: 'GroupFn', memoryMb: 3008, timeoutSeconds: 900 },
  { state: 'ExpandRingBucket', module: 'expandRings', functionId: 'ExpandRingsFn', memoryMb: 1024, timeoutSeconds: 900 },
  { state: 'ResolveBucket', module: 'resolve', functionId: 'ResolveFn', memoryMb: 3008, timeoutSeconds: 900 },
  { state: 'DrawSample', module: 'drawSample', functionId: 'DrawSampleFn', memoryMb: 1024, timeoutSeconds: 900 },
  // A human review's evidence, gathered where the records are (shared/review/gatherEvidence.ts); no item in an auto review.
  { state: 'GatherSampledBucket', module: 'gatherSampledEvidence', functionId: 'GatherSampledFn', memoryMb: 3008, timeoutSeconds: 900 },
  { state: 'PlanRelatedEvidence', module: 'planRelatedEvidence', functionId: 'PlanRelatedFn', memoryMb: 1024, timeoutSeconds: 300 },
  { state: 'GatherRelatedBucket', module: 'gatherRelatedEvidence', functionId: 'GatherRelatedFn', memoryMb: 3008, timeoutSeconds: 900 },
  { state: 'SampleForReview', module: 'sample', functionId: 'SampleFn', memoryMb: 1024, timeoutSeconds: 300 },
  { state: 'EnforceBucket', module: 'enforce', functionId: 'EnforceFn', memoryMb: 1024, timeoutSeconds: 900 },
  { state: 'NotifyBucket', module: 'notify', functionId: 'NotifyFn', memoryMb: 512, timeoutSeconds: 900 },
  { state: 'ScheduleLiftsBucket', module: 'scheduleLifts', functionId: 'ScheduleLiftsFn', memoryMb: 512, timeoutSeconds: 900 },
  { state: 'FinishSweep', module: 'finish', functionId: 'FinishFn', memoryMb: 512, timeoutSeconds: 120 },
];

/**
 * The sampling Task runs as `.waitForTaskToken`: its Lambda gets the task token, and the sweep
 * resumes when the review closes (or the handler itself completes it for `review: auto`).
 */
export const REVIEW_WAIT_STATE = 'SampleForReview';

/** Sweep Tasks off the main chain: the fail-safe end of a review that timed out (nothing enforced), and the failure path. */
export const SWEEP_SIDE_TASKS: StageHandler[] = [
  { state: 'ReviewTimedOut', module: 'reviewTimedOut', functionId: 'ReviewTimedOutFn', memoryMb: 512, timeoutSeconds: 120 },
  { state: 'RecordSweepFailed', module: 'sweepFailed', functionId: 'SweepFailedFn', memoryMb: 256, timeoutSeconds: 60 },
];

/** Handlers behind API Gateway (not state machine Tasks): the review console. */
export const API_HANDLERS: StageHandler[] = [
  { state: 'ReviewConsole', module: 'reviewConsole', functionId: 'ReviewConsoleFn', memoryMb: 1024, timeoutSeconds: 29 },
  // The platform's appeals API (functions/appeal.ts): submit, decide, read.
  { state: 'AppealApi', module: 'appeal', functionId: 'AppealFn', memoryMb: 512, timeoutSeconds: 29 },
];

/** The daily trigger of each campaign (EventBridge Scheduler → this function → StartExecution of the sweep). */
export const CAMPAIGN_TASKS: StageHandler[] = [{ state: 'CampaignTick', module: 'campaignTick', functionId: 'CampaignTickFn', memoryMb: 256, timeoutSeconds: 60 }];

export const LIFT_TASKS: StageHandler[] = [{ state: 'LiftDue', module: 'lift', functionId: 'LiftFn', memoryMb: 512, timeoutSeconds: 900 }];

/**
 * Distributed Map states of the sweep, with the item list each reads from S3 (its ItemReader: the list Plan wrote,
 * shared/pipeline/mapItems.ts; the state only carries the list's key).
 */
export const SWEEP_MAPS = [
  { state: 'PartitionParts', items: 'parts', task: 'PartitionPart' },
  { state: 'GroupKeys', items: 'channelBuckets', task: 'GroupBucket' },
  { state: 'ExpandRings', items: 'accountBuckets', task: 'ExpandRingBucket' },
  { state: 'ResolveAccounts', items: 'accountBuckets', task: 'ResolveBucket' },
  { state: 'GatherSampledEvidence', items: 'evidenceSampled', task: 'GatherSampledBucket' },
  { state: 'GatherRelatedEvidence', items: 'evidenceRelated', task: 'GatherRelatedBucket' },
  { state: 'EnforceActions', items: 'accountBuckets', task: 'EnforceBucket' },
  // Each bucket publishes its own outbox rows (pendingByBucket index) and schedules its own lift slots.
  { state: 'Notify', items: 'accountBuckets', task: 'NotifyBucket' },
  { state: 'ScheduleLifts', items: 'accountBuckets', task: 'ScheduleLiftsBucket' },
] as const satisfies readonly { state: string; items: MapItemList | ReviewItemList; task: string }[];

/** The Task whose result names each list that is not Plan's (its ItemsHandle), and where that result goes in the state. */
const ITEMS_FROM: Record<ReviewItemList, string> = { evidenceSampled: '$.draw', evidenceRelated: '$.related' };

/** Where a map's ItemReader finds the key of its item list in the state (Plan's result, a PlanHandle, or the Task's that wrote it). */
export const mapItemsKeyPath = (items: MapItemList | ReviewItemList) => `${(ITEMS_FROM as Record<string, string>)[items] ?? '$.plan'}.items.${items}`;

export const SWEEP_STATE_MACHINE_ID = 'SweepStateMachine';
export const LIFT_STATE_MACHINE_ID = 'LiftStateMachine';
