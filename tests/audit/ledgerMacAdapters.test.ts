/**
 * The AWS adapters of the ledger key and the write-once store. KMS has no local emulator and
 * s3rver implements neither Object Lock nor conditional writes, so these check the requests each
 * adapter sends, and how it reads the answers, against stand-in clients (named so below).
 */
import { GenerateMacCommand, VerifyMacCommand } from '@aws-sdk/client-kms';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { KmsLedgerMac } from '#shared/adapters/kmsLedgerMac';
import { S3WriteOnceStore } from '#shared/adapters/s3WriteOnceStore';
import { ObjectExistsError } from '#shared/ports/writeOnceStore';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/0000-hmac';

/** A stand-in KMS client: records each command and answers from `reply`. */
function standInKms(reply: (command: unknown) => unknown) {
  const sent: unknown[] = [];
  return { sent, client: { send: async (command: unknown) => (sent.push(command), reply(command)) } as never };
}

describe('KmsLedgerMac against a stand-in KMS client', () => {
  it('GenerateMac: HMAC_SHA_256 with the key id over the message bytes; the MAC comes back base64', async () => {
    const kms = standInKms(() => ({ Mac: new Uint8Array([1, 2, 3, 250]), KeyId: KEY }));
    const mac = await new KmsLedgerMac(KEY, kms.client).sign('digest-1');
    expect(mac).toBe(Buffer.from([1, 2, 3, 250]).toString('base64'));
    const [command] = kms.sent as GenerateMacCommand[];
    expect(command).toBeInstanceOf(GenerateMacCommand);
    expect({ ...command.input, Message: Buffer.from(command.input.Message!).toString('utf8') }).toEqual({ KeyId: KEY, MacAlgorithm: 'HMAC_SHA_256', Message: 'digest-1' });
  });

  it('VerifyMac: sends the MAC bytes back; MacValid true verifies', async () => {
    const kms = standInKms(() => ({ MacValid: true }));
    expect(await new KmsLedgerMac(KEY, kms.client).verify('digest-1', Buffer.from([9, 8]).toString('base64'))).toBe(true);
    const [command] = kms.sent as VerifyMacCommand[];
    expect(command).toBeInstanceOf(VerifyMacCommand);
    expect([...command.input.Mac!]).toEqual([9, 8]);
    expect(command.input).toMatchObject({ KeyId: KEY, MacAlgorithm: 'HMAC_SHA_256' });
  });

  it("an invalid MAC (KMS's KMSInvalidMacException) is false; any other failure is thrown, not taken for a verdict", async () => {
    const invalid = standInKms(() => Promise.reject(Object.assign(new Error('invalid'), { name: 'KMSInvalidMacException' })));
    expect(await new KmsLedgerMac(KEY, invalid.client).verify('d', 'AA==')).toBe(false);
    const denied = standInKms(() => Promise.reject(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' })));
    await expect(new KmsLedgerMac(KEY, denied.client).verify('d', 'AA==')).rejects.toThrow(/not allowed/);
  });
});

describe('S3WriteOnceStore against a stand-in S3 client', () => {
  it('creates with If-None-Match: * and reports a 412 as refusing to overwrite', async () => {
    const sent: PutObjectCommand[] = [];
    let exists = false;
    const s3 = {
      send: async (c: PutObjectCommand) => {
        sent.push(c);
        if (exists) throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
        exists = true;
        return {};
      },
    } as never;
    const store = new S3WriteOnceStore('anchors-bucket', s3);
    await store.create('ledger-anchors/a.json', '{"x":1}');
    expect(sent[0].input).toMatchObject({ Bucket: 'anchors-bucket', Key: 'ledger-anchors/a.json', Body: '{"x":1}', IfNoneMatch: '*' });
    await expect(store.create('ledger-anchors/a.json', '{"x":2}')).rejects.toBeInstanceOf(ObjectExistsError);
  });
});
