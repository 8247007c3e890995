/**
 * The embedded stack's ledger key: 32 random bytes in a file of the state folder, created once
 * with mode 0600 (scripts/local/embeddedStack.ts). HMAC-SHA256 with node:crypto, like KMS's
 * HMAC_SHA_256, so an anchor looks the same either way.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { LedgerMac } from '#shared/ports/ledgerMac';

export class LocalLedgerMac implements LedgerMac {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(keyFile: string) {
    this.key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    if (this.key.length !== 32) throw new Error(`ledger key file ${keyFile} does not hold 32 hex-encoded bytes`);
    // Names the key without revealing it.
    this.keyId = `local:${createHash('sha256').update(this.key).digest('hex').slice(0, 16)}`;
  }

  async sign(message: string): Promise<string> {
    return createHmac('sha256', this.key).update(message, 'utf8').digest('base64');
  }

  async verify(message: string, mac: string): Promise<boolean> {
    const want = createHmac('sha256', this.key).update(message, 'utf8').digest();
    const got = Buffer.from(mac, 'base64');
    return got.length === want.length && timingSafeEqual(got, want);
  }
}

/** Creates the key file once (mode 0600, exclusive create); an existing key is kept as it is. */
export function ensureLocalLedgerKey(keyFile: string): void {
  let fd: number;
  try {
    fd = openSync(keyFile, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  try {
    writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
}
