/** The ledger key in AWS: a KMS HMAC_256 key; writers may GenerateMac, verifiers only VerifyMac. */
import { GenerateMacCommand, KMSClient, VerifyMacCommand } from '@aws-sdk/client-kms';
import type { LedgerMac } from '#shared/ports/ledgerMac';

/** The part of KMSClient used here (a stand-in in the request-shape test). */
export type KmsSender = Pick<KMSClient, 'send'>;

export class KmsLedgerMac implements LedgerMac {
  constructor(
    readonly keyId: string,
    private readonly kms: KmsSender = new KMSClient({}),
  ) {}

  async sign(message: string): Promise<string> {
    const res = await this.kms.send(new GenerateMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8') }));
    if (!res.Mac) throw new Error(`KMS GenerateMac with ${this.keyId} returned no MAC`);
    return Buffer.from(res.Mac).toString('base64');
  }

  async verify(message: string, mac: string): Promise<boolean> {
    try {
      const res = await this.kms.send(new VerifyMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8'), Mac: Buffer.from(mac, 'base64') }));
      return res.MacValid === true;
    } catch (err) {
      // KMS answers an invalid MAC with an exception, not MacValid: false.
      if ((err as { name?: string }).name === 'KMSInvalidMacException') return false;
      throw err;
    }
  }
}
