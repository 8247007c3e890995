/**
 * The ledger's message authentication key: a KMS HMAC key in AWS, a key file on the embedded
 * stack. Whoever can write the ledger tables does not hold it, so an entry whose hash they
 * recompute is still not covered by a MAC they could produce (docs/audit.md, threat model).
 */
export interface LedgerMac {
  /** Which key (a KMS key id/ARN, or `local:<fingerprint>`), recorded on every anchor. */
  readonly keyId: string;
  /** The MAC of `message` (at most 4 KB, KMS's limit: callers MAC a digest), base64. */
  sign(message: string): Promise<string>;
  /** Whether `mac` is the MAC of `message` under this key (false, never a throw, when it is not). */
  verify(message: string, mac: string): Promise<boolean>;
}
