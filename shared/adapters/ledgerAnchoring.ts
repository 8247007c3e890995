/**
 * Which ledger key and write-once store this process uses, from the environment: a KMS key and an
 * Object Lock bucket in AWS, a key file and a folder on the embedded stack. Unset: no anchoring
 * (in-memory tests), and `audit verify` refuses to call such a ledger verified.
 */
import { LedgerAnchorer } from '#shared/audit/ledgerAnchor';
import type { LedgerMac } from '#shared/ports/ledgerMac';
import type { WriteOnceStore } from '#shared/ports/writeOnceStore';
import { KmsLedgerMac } from './kmsLedgerMac.ts';
import { LocalLedgerMac } from './localLedgerMac.ts';
import { LocalWriteOnceStore } from './localWriteOnceStore.ts';
import { S3WriteOnceStore } from './s3WriteOnceStore.ts';

export const LEDGER_ANCHOR_ENV_VARS = {
  /** AWS: the KMS HMAC key's ARN. */
  kmsKeyId: 'CRACKDOWN_LEDGER_MAC_KEY_ID',
  /** Embedded stack: the key file (mode 0600) in the state folder. */
  keyFile: 'CRACKDOWN_LEDGER_MAC_KEY_FILE',
  /** AWS: the Object Lock bucket. */
  bucket: 'CRACKDOWN_LEDGER_ANCHOR_BUCKET',
  /** Embedded stack: the write-once folder. */
  dir: 'CRACKDOWN_LEDGER_ANCHOR_DIR',
} as const;

export interface LedgerAnchoring {
  mac: LedgerMac;
  store: WriteOnceStore;
}

export function ledgerAnchoring(env: NodeJS.ProcessEnv = process.env): LedgerAnchoring | undefined {
  const v = LEDGER_ANCHOR_ENV_VARS;
  const mac = env[v.kmsKeyId] ? new KmsLedgerMac(env[v.kmsKeyId]!) : env[v.keyFile] ? new LocalLedgerMac(env[v.keyFile]!) : undefined;
  const store = env[v.bucket] ? new S3WriteOnceStore(env[v.bucket]!) : env[v.dir] ? new LocalWriteOnceStore(env[v.dir]!) : undefined;
  if (!mac && !store) return undefined;
  if (!mac || !store) throw new Error(`ledger anchoring needs both a key (${v.kmsKeyId} or ${v.keyFile}) and a write-once store (${v.bucket} or ${v.dir})`);
  return { mac, store };
}

/** The batching anchorer ledger writers run their writes through (undefined when unconfigured). */
export function ledgerAnchorer(env: NodeJS.ProcessEnv = process.env): LedgerAnchorer | undefined {
  const a = ledgerAnchoring(env);
  return a && new LedgerAnchorer(a.mac, a.store, { now: () => new Date().toISOString() });
}
