import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nagChecks.ts';

export interface SweepStorageProps {
  /** Customer-managed key for the data bucket. */
  key: IKey;
  /** Days after which `sweeps/` intermediates (shuffle files, signals, stats) expire. */
  intermediateRetentionDays?: number;
  /** Days after which server access logs expire. */
  accessLogRetentionDays?: number;
  /** Days each ledger anchor is locked (Object Lock default retention; default 2557, about 7 years). */
  anchorRetentionDays?: number;
  /** `compliance` (default): nobody, not even the account root, shortens or deletes a lock; `governance`: principals with s3:BypassGovernanceRetention can. */
  anchorLockMode?: 'compliance' | 'governance';
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
  /** Write-once store of the ledger anchors: Object Lock, so no anchor can be changed or deleted. */
  readonly anchorBucket: Bucket;

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

    // Every version of every anchor is locked for the retention period: the anchors are what
    // `audit verify` trusts, so not even the ledger's writers may replace or delete one.
    const days = Duration.days(props.anchorRetentionDays ?? 2557);
    this.anchorBucket = new Bucket(this, 'LedgerAnchors', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: props.anchorLockMode === 'governance' ? ObjectLockRetention.governance(days) : ObjectLockRetention.compliance(days),
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'ledger-anchors/',
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
  }
}
