import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nagChecks.ts';

export interface SweepStorageProps {
  /** Customer-managed key for the data bucket. */
  key: IKey;
  /** Days after which `sweeps/` intermediates (shuffle files, signals, stats) expire. */
  intermediateRetentionDays?: number;
  /** Days after which server access logs expire. */
  accessLogRetentionDays?: number;
}

/** Prefix of everything a sweep writes; see docs/architecture.md "Bucket layout". */
export const SWEEPS_PREFIX = 'sweeps/';
/** Immutable copy of every policy version a sweep used (audit, replay); never expires. */
export const POLICIES_PREFIX = 'policies/';

/**
 * The bucket that holds snapshots and every sweep's intermediates, plus a separate bucket
 * for its server access logs.
 */
export class SweepStorage extends Construct {
  readonly bucket: Bucket;
  readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: SweepStorageProps) {
    super(scope, id);

    // S3 server access logging only delivers to SSE-S3 buckets, so this one cannot use the CMK.
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(props.accessLogRetentionDays ?? 365),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    acknowledge(
      this.accessLogBucket,
      'AwsSolutions-S1',
      'This is the server access log destination of the data bucket; logging it into itself would loop and logging it elsewhere needs yet another bucket.',
    );

    this.bucket = new Bucket(this, 'Data', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        {
          id: 'expire-sweep-intermediates',
          prefix: SWEEPS_PREFIX,
          expiration: Duration.days(props.intermediateRetentionDays ?? 14),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'abort-incomplete-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }
}
