import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { TableKey } from '#shared/adapters/tableDefinitions';
import { SWEEPS_PREFIX } from './storage.ts';

/**
 * - `read`: GetItem/Query/Scan/BatchGetItem/ConditionCheckItem/DescribeTable.
 * - `append`: read plus PutItem and ConditionCheckItem only: no UpdateItem, no DeleteItem. This is
 *   how IAM keeps the ledger append-only (a conditional Put of a new entry, never an edit).
 * - `readWrite`: grantReadWriteData.
 */
export type TableAccess = 'read' | 'append' | 'readWrite';

/**
 * - `read`: read any object (snapshots and sweep files).
 * - `readWriteSweeps`: read any object, write only under `sweeps/` (no delete, no snapshot writes).
 */
export type BucketAccess = 'read' | 'readWriteSweeps';

export interface StageAccess {
  bucket?: BucketAccess;
  tables?: Partial<Record<TableKey, TableAccess>>;
  /** Publish to the enforcement sink topic. */
  publishToSink?: boolean;
  /** Create one-time lift schedules (and pass the scheduler role). */
  createLiftSchedules?: boolean;
}

/**
 * What each handler module may touch. Every stage writes its stats under
 * `sweeps/<id>/stats/<stage>/`, hence `readWriteSweeps` for the bucket stages.
 */
export const STAGE_ACCESS: Record<string, StageAccess> = {
  plan: { bucket: 'readWriteSweeps', tables: { sweeps: 'readWrite' } },
  partition: { bucket: 'readWriteSweeps' },
  group: { bucket: 'readWriteSweeps' },
  resolve: { bucket: 'readWriteSweeps', tables: { ledger: 'read', penalties: 'read' } },
  sample: { bucket: 'readWriteSweeps', tables: { reviews: 'readWrite' } },
  enforce: {
    bucket: 'readWriteSweeps',
    tables: { ledger: 'append', penalties: 'readWrite', outbox: 'readWrite', lifts: 'readWrite' },
  },
  notify: { tables: { outbox: 'readWrite' }, publishToSink: true },
  scheduleLifts: { tables: { lifts: 'readWrite' }, createLiftSchedules: true },
  finish: { bucket: 'readWriteSweeps', tables: { sweeps: 'readWrite' } },
  lift: { tables: { ledger: 'append', penalties: 'readWrite', lifts: 'readWrite', outbox: 'readWrite' } },
};

export interface AccessTargets {
  bucket: Bucket;
  tables: Record<TableKey, Table>;
  topic: Topic;
  /** The key the tables are encrypted with (for the `append` level, which uses Table.grant). */
  tableKey: IKey;
  /** Called for stages with `createLiftSchedules`. */
  allowLiftScheduling: (fn: LambdaFunction) => void;
}

export function grantStageAccess(module: string, fn: LambdaFunction, targets: AccessTargets): void {
  const grantee = fn.grantPrincipal;
  const access = STAGE_ACCESS[module];
  if (!access) throw new Error(`no STAGE_ACCESS entry for functions/${module}.ts`);

  if (access.bucket) {
    targets.bucket.grantRead(grantee);
    if (access.bucket === 'readWriteSweeps') targets.bucket.grantPut(grantee, `${SWEEPS_PREFIX}*`);
  }
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
}
