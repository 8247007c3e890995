/**
 * The write-once store in AWS: a bucket with Object Lock (infra/storage.ts, compliance mode by
 * default), so no version can be changed or deleted before its retention ends, by anyone. Creates
 * are conditional (`If-None-Match: *`), so an existing anchor's current version is never replaced.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ObjectExistsError, type WriteOnceStore } from '#shared/ports/writeOnceStore';
import { s3Client } from './awsClients.ts';

export class S3WriteOnceStore implements WriteOnceStore {
  constructor(
    readonly bucket: string,
    private readonly s3: Pick<S3Client, 'send'> = s3Client(),
  ) {}

  describe(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  async create(key: string, body: string): Promise<void> {
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, IfNoneMatch: '*', ContentType: 'application/json' }));
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'PreconditionFailed' || e.$metadata?.httpStatusCode === 412) throw new ObjectExistsError(this.describe(key));
      throw err;
    }
  }

  async readText(key: string): Promise<string> {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return (await res.Body?.transformToString('utf8')) ?? '';
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const res = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key);
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }
}
