/**
 * What one sweep costs per snapshot record, as measured (docs/scale.md "Measured"), for the cost model.
 *
 * Detection figures: `npm run bench -- --accounts 20000 --seed 7 --keep` on branch speed (2 workers, a shared 2-core
 * machine), the bench's "CPU µs per snapshot record" column; snapshot shape: the same bench snapshot
 * (`zcat <kind>/*.gz | wc -lc`); shuffle shape: line counts per channel and kind under the kept
 * `bench-out/work-20000-7/sweeps/bench/shuffle/<channel>/*\/<kind>-*` and `signals/`, and `du -sb` of the shuffle.
 * Enforcement figures are not measured by that bench (it runs no DynamoDB): `itemsPerAction` is counted on the wire by
 * `npm run bench:enforce` (scripts/bench/benchEnforceRate.ts); the others are marked as assumptions.
 */
export type SnapshotKind = 'accounts' | 'notes' | 'comments' | 'follows' | 'reports';

export interface MeasuredCosts {
  recordsPerAccount: Record<SnapshotKind, number>;
  /** Uncompressed bytes per record, newline included. */
  bytesPerRecord: Record<SnapshotKind, number>;
  /** CPU µs per snapshot record (all kinds together) for each detection stage, and for merely reading and parsing. */
  cpuMicrosPerRecord: { readParse: number; partition: number; group: number; expandRings: number; resolve: number };
  channels: string[];
  /** Channel rows written per record of a kind (a note's MinHash row goes to 5 LSH bands, an account to 2 network windows). */
  channelRowsPerRecord: Partial<Record<SnapshotKind, Record<string, number>>>;
  /** Signals written by group per snapshot record. */
  signalsPerRecord: number;
  /** Shuffle bytes (account and channel rows) per snapshot record. */
  shuffleBytesPerRecord: number;
  /** Share of accounts given an action (the generator plants violations in about 10 % of accounts). */
  actedShare: number;
  /** Of the actions, those timed (limit, suspend) whose lift is scheduled. */
  timedShare: number;
  /** Distinct one-minute lift slots of one sweep: penalties run from the snapshot time, one slot per timed duration of the ladder. */
  liftSlotsPerSweep: number;
  /** Outbox messages per action (enforcement event and notice: planApply.ts). */
  messagesPerAction: number;
  /**
   * Items in an action's transaction (ledger entry, penalty state, two outbox messages; a timed penalty's lift rides on
   * its penalty state: shared/enforcement/pendingLift.ts), as `npm run bench:enforce` counts them on the wire.
   */
  itemsPerAction: number;
  /** Writes to the penalties table's liftDue index per timed action (the state enters it; a GSI write is a standard write). */
  liftIndexWritesPerTimedAction: number;
  /** Read units per action (the account's prior penalty and ledger head, and its enforce entry read back for the sweep anchor): assumed. */
  readsPerAction: number;
  /** Latency of one TransactWriteItems: assumed (20 ms); Enforce runs 16 at a time per bucket (enforceBucket.ts). */
  transactionMs: number;
  enforceParallelism: number;
  /** One Notify page of 500 messages (query, publish, mark delivered): assumed. */
  notifyPageMs: number;
  /** One timed penalty's state batch-got by ScheduleLifts (nothing is written per lift): assumed. */
  scheduleLiftMs: number;
  /** Ledger entries per MAC'd write-once anchor object (LedgerAnchorer maxEntries). */
  actionsPerAnchor: number;
}

export const MEASURED: MeasuredCosts = {
  // 20,000 accounts: 112,161 notes, 453,682 comments, 85,169 follows, 80 reports
  recordsPerAccount: { accounts: 1, notes: 5.608, comments: 22.684, follows: 4.258, reports: 0.004 },
  // 13,616,880 / 70,103,973 / 75,494,957 / 8,091,055 / 13,505 bytes uncompressed
  bytesPerRecord: { accounts: 680.8, notes: 625.0, comments: 166.4, follows: 95.0, reports: 168.8 },
  // bench at 22bd0b4: read+parse 2.8 CPU s, partition 27.3, group 8.6, expandRings 0.1, resolve 22.4 for 671,092 records
  // (the final code at 717231f, on a busier machine: 4.0, 44.0, 14.4, 0.2, 36.8 µs; docs/scale.md)
  cpuMicrosPerRecord: { readParse: 4.2, partition: 40.7, group: 12.9, expandRings: 0.2, resolve: 33.4 },
  channels: ['contact', 'note-comments', 'reg-device', 'reg-network', 'reg-client', 'note-minhash', 'brand-notes', 'license'],
  channelRowsPerRecord: {
    accounts: { 'brand-notes': 0.01175, contact: 0.0047, license: 0.0283, 'reg-client': 0.0342, 'reg-device': 1.176, 'reg-network': 2 },
    notes: { 'brand-notes': 0.0477, contact: 0.00646, 'note-comments': 1, 'note-minhash': 4.594 },
    comments: { contact: 0.00634, 'note-comments': 1 },
  },
  // 22,311 signal lines
  signalsPerRecord: 0.0332,
  // 374,963,739 shuffle bytes
  shuffleBytesPerRecord: 559,
  // 2,003 of 20,000 accounts acted on: 789 bans, 631 limits, 443 suspensions, 140 warnings
  actedShare: 0.1,
  timedShare: 0.54,
  liftSlotsPerSweep: 3,
  messagesPerAction: 2,
  // `npm run bench:enforce -- --actions 10000 --buckets 4`: 4.00 items per action (4.67 with the lift row, before)
  itemsPerAction: 4,
  liftIndexWritesPerTimedAction: 1,
  readsPerAction: 3,
  transactionMs: 20,
  enforceParallelism: 16,
  notifyPageMs: 1500,
  scheduleLiftMs: 2,
  actionsPerAnchor: 200,
};
