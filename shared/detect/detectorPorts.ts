/**
 * The two shapes a detector takes. Records of one account may be spread over any parts,
 * so detection runs as a shuffle:
 *  1. partition: each part is streamed once; every record goes to its account's bucket,
 *     and each Channel may also key it by a shared attribute (note, device, network);
 *  2. group: per channel bucket, rows sharing a key are grouped and turned into Signals;
 *  3. resolve: per account bucket, an account's records plus its signals go through the
 *     AccountDetectors, which return Findings.
 */
import type { Account, Comment, Follow, Note, RecordKind, RecordsByKind, Report } from '#shared/contract/snapshotRecords';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Finding, Signal } from './finding.ts';
import type { LexiconName } from './text/lexicons.ts';

export interface DetectContext {
  /** Snapshot time: the only "now" a detector may use. */
  takenAt: Date;
  /** Rule thresholds from the policy file, by rule id. */
  thresholds: (ruleId: string) => Record<string, number>;
  /** Rules switched off (by policy or by `--codes`) need not run. */
  enabled: (code: ViolationCode) => boolean;
  /** The platform's own domains (policy `platform.ownDomains`; the default names Xiaohongshu's): linking to them is not diversion. */
  ownDomains?: readonly string[];
  /** The policy's lexicons (`lexicons` in the policy file); absent: the defaults (shared/detect/text/lexicons.ts). */
  lexicon?: (name: LexiconName) => RegExp;
  /** Resolve only: whether a clause key (text/commonPhrasing.ts) is the population's common phrasing; absent: none known. */
  isCommonPhrase?: (key: string) => boolean;
}

/** What a channel may read of the policy while keying records at partition time. */
export type PartitionContext = Pick<DetectContext, 'lexicon'>;

/** Everything the snapshot holds about one account, after the shuffle. */
export interface AccountBundle {
  accountId: string;
  account?: Account;
  notes: Note[];
  comments: Comment[];
  /** Follows where this account is the followee. */
  followers: Follow[];
  reports: Report[];
  signals: Signal[];
}

export interface AccountDetector {
  code: ViolationCode;
  detect(bundle: AccountBundle, ctx: DetectContext): Finding[];
}

/** A row written by a channel at partition time, grouped by key at group time. Keep it small. */
export interface KeyedRow {
  key: string;
  row: Record<string, unknown>;
}

export interface Channel {
  /** Folder-safe name, e.g. `note-comments`, `device`, `network`. */
  name: string;
  codes: ViolationCode[];
  /** `ctx`: what of the policy partition knows (its lexicons); absent, the defaults. */
  keys<K extends RecordKind>(kind: K, record: RecordsByKind[K], ctx?: PartitionContext): KeyedRow[];
  /** All rows sharing one key; rows arrive in no particular order. */
  group(key: string, rows: Record<string, unknown>[], ctx: DetectContext): Signal[];
  /**
   * A tally channel: whether a key is common across the population. The common keys of every bucket are
   * read back by resolve (`DetectContext.isCommonPhrase`), after the whole group stage.
   */
  common?(key: string, rows: Record<string, unknown>[], ctx: DetectContext): boolean;
}

export type { Account, Comment, Follow, Note, Report };
