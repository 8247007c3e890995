/** What detection produces: findings per account, each with its evidence and the rule that fired. */
import type { ViolationCode } from '#shared/contract/violationCodes';

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface Evidence {
  /** One line a reviewer or the account owner can read; never raw IPs or device ids. */
  summary: string;
  noteIds?: string[];
  commentIds?: string[];
  /** Other accounts in the same cluster or ring. */
  relatedAccountIds?: string[];
  /** The normalised fragments that matched (e.g. a de-obfuscated contact), for highlighting. */
  matched?: string[];
  /** A cluster or group key (hashed when it is a device or a network). */
  clusterKey?: string;
}

export interface Finding {
  accountId: string;
  code: ViolationCode;
  /** Stable rule id from the policy file, e.g. `traffic-diversion/contact-in-text`. */
  ruleId: string;
  severity: Severity;
  /** Confidence in [0, 1]. */
  score: number;
  evidence: Evidence;
}

/**
 * A cross-account observation made while grouping by a shared key (a note, a device,
 * a network); the resolve stage turns signals into findings per account.
 */
export interface Signal {
  accountId: string;
  channel: string;
  code: ViolationCode;
  ruleId: string;
  /** The group key it came from (already hashed where sensitive). */
  key: string;
  score: number;
  detail: Evidence;
}
