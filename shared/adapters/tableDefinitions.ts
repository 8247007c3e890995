/**
 * The DynamoDB tables, as plain data: the CDK stack and the embedded stack both build
 * from this one description so that local and AWS never drift apart.
 */
export interface TableDefinition {
  /** Logical name; the physical name comes from the env var `envVar`. */
  id: string;
  envVar: string;
  partitionKey: string;
  sortKey?: string;
  /** `include`: project only these attributes besides the keys (default: all). */
  indexes: Array<{ name: string; partitionKey: string; sortKey?: string; include?: readonly string[] }>;
  /** Attribute that DynamoDB TTL may expire (none of the audit tables have one). */
  ttlAttribute?: string;
}

export const TABLES = {
  /** Append-only record of every action: one item per (account, sweep, step). */
  ledger: {
    id: 'Ledger',
    envVar: 'CRACKDOWN_TABLE_LEDGER',
    partitionKey: 'accountId',
    sortKey: 'entryKey',
    indexes: [{ name: 'bySweep', partitionKey: 'sweepId', sortKey: 'accountId' }],
  },
  /**
   * Current penalty per account, changed in the same transaction as the ledger entry that causes it.
   * An active timed penalty is its own pending lift: the sparse `liftDue` index holds exactly those,
   * by shard and due time (penaltyItem.ts), so lifting a slot is a query and enforcing writes no lift row.
   */
  penalties: {
    id: 'Penalties',
    envVar: 'CRACKDOWN_TABLE_PENALTIES',
    partitionKey: 'accountId',
    indexes: [{ name: 'liftDue', partitionKey: 'liftShard', sortKey: 'liftDue', include: ['sweepId', 'entryKey', 'action', 'until'] }],
  },
  /** Review cases drawn by the sampler, one per (sweep, rule, account). */
  reviews: {
    id: 'Reviews',
    envVar: 'CRACKDOWN_TABLE_REVIEWS',
    partitionKey: 'sweepId',
    sortKey: 'caseId',
    indexes: [],
  },
  /**
   * Transactional outbox: notifications and enforcement events waiting to be published. The sparse
   * `pendingByBucket` index holds only the pending messages Enforce wrote, keyed by sweep and account
   * bucket (`<sweepId>#<bucket>`, see outboxItem.ts): each Notify map item queries its own bucket.
   */
  outbox: {
    id: 'Outbox',
    envVar: 'CRACKDOWN_TABLE_OUTBOX',
    partitionKey: 'sweepId',
    sortKey: 'messageKey',
    indexes: [{ name: 'pendingByBucket', partitionKey: 'pendingBucket', sortKey: 'messageKey' }],
  },
  /** Appeals against single actions: one per (account, sweep action), decided once. */
  appeals: {
    id: 'Appeals',
    envVar: 'CRACKDOWN_TABLE_APPEALS',
    partitionKey: 'appealId',
    indexes: [
      { name: 'byAccount', partitionKey: 'accountId', sortKey: 'submittedAt' },
      { name: 'bySweep', partitionKey: 'sweepId', sortKey: 'appealId' },
      // `appeal list --status pending`: a handler's queue, oldest first (three statuses: a few hot keys, fine at appeal volumes)
      { name: 'byStatus', partitionKey: 'status', sortKey: 'submittedAt' },
    ],
  },
  /**
   * Campaigns: each version of a definition (`itemKey` v#00001, …; written once) and the campaign's
   * state (`itemKey` state: active or paused, the kill switch the enforcing stages read).
   */
  campaigns: {
    id: 'Campaigns',
    envVar: 'CRACKDOWN_TABLE_CAMPAIGNS',
    partitionKey: 'campaignId',
    sortKey: 'itemKey',
    indexes: [],
  },
  /** One item per sweep: its status, stage counters, summary and ledger anchor. */
  sweeps: {
    id: 'Sweeps',
    envVar: 'CRACKDOWN_TABLE_SWEEPS',
    partitionKey: 'sweepId',
    indexes: [],
  },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof TABLES;

export const BUCKET_ENV_VAR = 'CRACKDOWN_BUCKET';
export const SINK_TOPIC_ENV_VAR = 'CRACKDOWN_SINK_TOPIC_ARN';
/** The schedule group in which an appeals handler may delete lift schedules (cancel only). */
export const LIFT_CANCEL_GROUP_ENV_VAR = 'CRACKDOWN_LIFT_CANCEL_SCHEDULE_GROUP';
export const LIFT_TARGET_ENV_VARS = {
  scheduleGroup: 'CRACKDOWN_SCHEDULE_GROUP',
  targetArn: 'CRACKDOWN_LIFT_TARGET_ARN',
  roleArn: 'CRACKDOWN_SCHEDULER_ROLE_ARN',
} as const;

export function tableName(key: TableKey, env: NodeJS.ProcessEnv = process.env): string {
  const name = env[TABLES[key].envVar];
  if (!name) throw new Error(`environment variable ${TABLES[key].envVar} (the ${TABLES[key].id} table name) is not set`);
  return name;
}
