import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { TableKey } from '#shared/adapters/tableDefinitions';
import { LEDGER_ANCHOR_ENV_VARS } from '#shared/adapters/ledgerAnchoring';
import { ANCHOR_PREFIX } from '#shared/audit/ledgerAnchor';
import { POLICIES_PREFIX, SWEEPS_PREFIX } from './storage.ts';

/**
 * - `read`: GetItem/Query/Scan/BatchGetItem/ConditionCheckItem/DescribeTable.
 * - `append`: read plus PutItem and ConditionCheckItem only: no UpdateItem, no DeleteItem. This is
 *   how IAM keeps the ledger append-only (a conditional Put of a new entry, never an edit).
 * - `readWrite`: grantReadWriteData.
 */
export type TableAccess = 'read' | 'append' | 'readWrite';

export interface StageAccess {
  /** Read (get, list) any object of the data bucket: snapshots, sweep files, policy copies. */
  readBucket?: boolean;
  /** Key prefixes of the data bucket this stage may write (PutObject only: no delete). */
  writePrefixes?: readonly string[];
  tables?: Partial<Record<TableKey, TableAccess>>;
  /** Publish to the enforcement sink topic. */
  publishToSink?: boolean;
  /** Create one-time lift schedules (and pass the scheduler role). */
  createLiftSchedules?: boolean;
  /** Complete the sweep's waiting review task (states:SendTaskSuccess/Failure on the sweep state machine). */
  completeSweepTasks?: boolean;
  /** Delete one-time lift schedules (an upheld appeal cancels the lift). */
  cancelLiftSchedules?: boolean;
  /**
   * Writes the ledger: anchors each write batch first (kms:GenerateMac on the ledger HMAC key,
   * s3:PutObject under ledger-anchors/ of the Object Lock bucket). Only ledger writers get it.
   */
  anchorsLedger?: boolean;
}

const SWEEPS = [SWEEPS_PREFIX] as const;
/** A Map stage's per-item counters: `sweeps/<id>/stats/`. */
const SWEEP_STATS = `${SWEEPS_PREFIX}*/stats/`;

/**
 * What each handler module may touch, from what its code does (functions/*.ts and the ports it
 * opens through shared/adapters/stageDependencies.ts). Every bucket stage writes only under
 * `sweeps/<id>/` (outputs, stats, sample, summary); plan also pins the policy under `policies/`.
 */
export const STAGE_ACCESS: Record<string, StageAccess> = {
  plan: { readBucket: true, writePrefixes: [SWEEPS_PREFIX, POLICIES_PREFIX], tables: { sweeps: 'readWrite' } },
  partition: { readBucket: true, writePrefixes: SWEEPS },
  group: { readBucket: true, writePrefixes: SWEEPS },
  // Reads its bucket's note-comments signals; writes only ring-confirmed signals and its stats.
  expandRings: { readBucket: true, writePrefixes: [`${SWEEPS_PREFIX}*/signals/`, SWEEP_STATS] },
  resolve: { readBucket: true, writePrefixes: SWEEPS, tables: { ledger: 'read', penalties: 'read' } },
  // Reads the digests; writes the draw, the guard's report and history, the sampled accounts and the item list; asks whether the review is open.
  drawSample: { readBucket: true, writePrefixes: SWEEPS, tables: { reviews: 'read' } },
  // A human review's evidence, one bucket at a time (and the regrouping between): under sweeps/<id>/ only.
  gatherSampledEvidence: { readBucket: true, writePrefixes: SWEEPS },
  planRelatedEvidence: { readBucket: true, writePrefixes: SWEEPS },
  gatherRelatedEvidence: { readBucket: true, writePrefixes: SWEEPS },
  // review: auto completes its own waiting task.
  sample: { readBucket: true, writePrefixes: SWEEPS, tables: { reviews: 'readWrite' }, completeSweepTasks: true },
  reviewTimedOut: { readBucket: true, writePrefixes: SWEEPS, tables: { reviews: 'readWrite', sweeps: 'readWrite' } },
  // The failure path: marks the sweep failed in the Sweeps table, nothing else.
  sweepFailed: { tables: { sweeps: 'readWrite' } },
  // The review console: cases, evidence, verdicts; closing writes sample.json and resumes the sweep.
  reviewConsole: { readBucket: true, writePrefixes: SWEEPS, tables: { reviews: 'readWrite' }, completeSweepTasks: true },
  enforce: {
    readBucket: true,
    writePrefixes: SWEEPS,
    tables: { ledger: 'append', penalties: 'readWrite', outbox: 'readWrite', campaigns: 'read' },
    anchorsLedger: true,
  },
  // Publishes one bucket's outbox rows; writes only its stats (summed by finish).
  notify: { writePrefixes: [SWEEP_STATS], tables: { outbox: 'readWrite' }, publishToSink: true },
  // Reads one bucket's decisions to find its timed penalties and their states (which carry the lifts); writes only its stats.
  scheduleLifts: { readBucket: true, writePrefixes: [SWEEP_STATS], tables: { penalties: 'read' }, createLiftSchedules: true },
  // Reads the sweep's enforce entries to anchor them in its sweeps item.
  finish: { readBucket: true, writePrefixes: SWEEPS, tables: { sweeps: 'readWrite', ledger: 'read' } },
  // Publishes its lift notices itself (liftDue → NotificationSink).
  lift: { tables: { ledger: 'append', penalties: 'readWrite', outbox: 'readWrite' }, publishToSink: true, anchorsLedger: true },
  // Campaign trigger: reads the campaign's state (the kill switch); starting the day's sweep is granted by CampaignScheduling.
  campaignTick: { tables: { campaigns: 'read' } },
  // Appeals API: reads pinned policies (appeal window); an upheld appeal reverses in one transaction, cancels the lift schedule and notifies.
  appeal: {
    readBucket: true,
    tables: { ledger: 'append', penalties: 'readWrite', outbox: 'readWrite', appeals: 'readWrite' },
    publishToSink: true,
    cancelLiftSchedules: true,
    anchorsLedger: true,
  },
};

export interface AccessTargets {
  bucket: Bucket;
  tables: Record<TableKey, Table>;
  topic: Topic;
  /** The key the tables are encrypted with (for the `append` level, which uses Table.grant). */
  tableKey: IKey;
  /** Called for stages with `createLiftSchedules`. */
  allowLiftScheduling: (fn: LambdaFunction) => void;
  /** Called for stages with `completeSweepTasks`. */
  allowSweepTaskCompletion?: (fn: LambdaFunction) => void;
  /** Called for stages with `cancelLiftSchedules`. */
  allowLiftCancelling?: (fn: LambdaFunction) => void;
  /** The ledger's HMAC key and the Object Lock bucket of its anchors (stages with `anchorsLedger`). */
  ledgerMacKey?: IKey;
  anchorBucket?: Bucket;
}

/** What a ledger writer needs to anchor: GenerateMac (never VerifyMac), PutObject under the anchor prefix. */
export function grantLedgerAnchoring(fn: LambdaFunction, key: IKey, anchorBucket: Bucket): void {
  key.grant(fn.grantPrincipal, 'kms:GenerateMac');
  fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [anchorBucket.arnForObjects(`${ANCHOR_PREFIX}*`)] }));
  // SSE-KMS with the data key: every anchoring stage also writes the ledger tables, so it already holds Encrypt/GenerateDataKey on it.
  fn.addEnvironment(LEDGER_ANCHOR_ENV_VARS.kmsKeyId, key.keyArn);
  fn.addEnvironment(LEDGER_ANCHOR_ENV_VARS.bucket, anchorBucket.bucketName);
}

export function grantStageAccess(module: string, fn: LambdaFunction, targets: AccessTargets): void {
  const grantee = fn.grantPrincipal;
  const access = STAGE_ACCESS[module];
  if (!access) throw new Error(`no STAGE_ACCESS entry for functions/${module}.ts`);

  if (access.readBucket) targets.bucket.grantRead(grantee);
  for (const prefix of access.writePrefixes ?? []) targets.bucket.grantPut(grantee, `${prefix}*`);
  for (const [key, level] of Object.entries(access.tables ?? {}) as Array<[TableKey, TableAccess]>) {
    const table = targets.tables[key];
    if (level === 'read') table.grantReadData(grantee);
    else if (level === 'readWrite') table.grantReadWriteData(grantee);
    else {
      table.grantReadData(grantee);
      table.grant(grantee, 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem');
      targets.tableKey.grantEncryptDecrypt(grantee);
    }
  }
  if (access.publishToSink) targets.topic.grantPublish(grantee);
  if (access.createLiftSchedules) targets.allowLiftScheduling(fn);
  if (access.completeSweepTasks) {
    if (!targets.allowSweepTaskCompletion) throw new Error(`functions/${module}.ts completes sweep tasks, but no allowSweepTaskCompletion was given`);
    targets.allowSweepTaskCompletion(fn);
  }
  if (access.anchorsLedger) {
    if (!targets.ledgerMacKey || !targets.anchorBucket) throw new Error(`functions/${module}.ts writes the ledger, but no ledgerMacKey/anchorBucket was given`);
    grantLedgerAnchoring(fn, targets.ledgerMacKey, targets.anchorBucket);
  }
  if (access.cancelLiftSchedules) {
    if (!targets.allowLiftCancelling) throw new Error(`functions/${module}.ts cancels lift schedules, but no allowLiftCancelling was given`);
    targets.allowLiftCancelling(fn);
  }
}
