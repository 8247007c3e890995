/** BlobStore over an S3 bucket and prefix (s3rver locally). */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '#shared/ports/blobStore';
import { s3Client } from './awsClients.ts';

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3Store implements BlobStore {
  constructor(
    readonly bucket: string,
    readonly prefix = '',
  ) {}
  private key(k: string): string {
    return this.prefix + k;
  }
  describe(key: string): string {
    return `s3://${this.bucket}/${this.key(key)}`;
  }
  async read(key: string): Promise<Readable> {
    try {
      const res = await s3Client().send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return res.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(this.describe(key));
      throw err;
    }
  }
  async readText(key: string): Promise<string> {
    const stream = await this.read(key);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks).toString('utf8');
  }
  async write(key: string, body: string | Uint8Array): Promise<void> {
    await s3Client().send(new PutObjectCommand({ Bucket: this.bucket, Key: this.key(key), Body: body }));
  }
  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const res = await s3Client().send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.key(prefix), ContinuationToken: token }));
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key.slice(this.prefix.length));
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }
  async sizeOf(key: string): Promise<number> {
    try {
      const res = await s3Client().send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return res.ContentLength ?? 0;
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(this.describe(key));
      throw err;
    }
  }
  async exists(key: string): Promise<boolean> {
    try {
      await s3Client().send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}
