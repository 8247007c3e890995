import { RemovalPolicy, type CfnResource } from 'aws-cdk-lib';
import { AccountRootPrincipal, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage, type IKey } from 'aws-cdk-lib/aws-kms';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ANCHOR_PREFIX } from '#shared/audit/ledgerAnchor';
import { acknowledge, iam5Resource, nagRef } from './nagChecks.ts';

export interface LedgerIntegrityProps {
  /** The Object Lock bucket of the ledger anchors (infra/storage.ts). */
  anchorBucket: Bucket;
  /** The tables `audit verify` and `replay` read. */
  auditedTables: Table[];
  /** The data bucket (replay reads the snapshot and the pinned policy, and writes under replays/). */
  dataBucket: Bucket;
  /** The key the tables and both buckets are encrypted with (read: Decrypt only). */
  dataKey: IKey;
}

/** Prefix replay writes its scratch run under (shared/audit/replaySweep.ts). */
const REPLAYS_PREFIX = 'replays/';

/**
 * The ledger's HMAC key and who may use it. Ledger writers (STAGE_ACCESS `anchorsLedger`) get
 * kms:GenerateMac through grantLedgerAnchoring; the auditor role, for `audit verify` and
 * `replay`, gets kms:VerifyMac only and reads; nobody who merely writes the tables holds either.
 */
export class LedgerIntegrity extends Construct {
  readonly macKey: IKey;
  readonly auditorRole: Role;

  constructor(scope: Construct, id: string, props: LedgerIntegrityProps) {
    super(scope, id);
    const key = new Key(this, 'MacKey', {
      description: 'crackdown: HMAC key authenticating the ledger anchors (GenerateMac: ledger writers; VerifyMac: auditors)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(key, 'AwsSolutions-KMS5', 'KMS rotates only symmetric encryption keys; HMAC keys cannot have automatic rotation, and every anchor names the key it was made with.');
    this.macKey = key;

    this.auditorRole = new Role(this, 'AuditorRole', {
      assumedBy: new AccountRootPrincipal(),
      description: 'crackdown audit verify / replay: reads the ledger tables and anchors, verifies MACs (never generates one)',
    });
    // Explicit statements rather than grant helpers: reads only, no wildcard actions.
    key.grant(this.auditorRole, 'kms:VerifyMac');
    props.dataKey.grant(this.auditorRole, 'kms:Decrypt');
    const role = this.auditorRole;
    const allow = (actions: string[], resources: string[]) => role.addToPolicy(new PolicyStatement({ actions, resources }));
    allow(['s3:GetObject'], [props.anchorBucket.arnForObjects(`${ANCHOR_PREFIX}*`), props.dataBucket.arnForObjects('*')]);
    allow(['s3:ListBucket'], [props.anchorBucket.bucketArn, props.dataBucket.bucketArn]);
    allow(['s3:PutObject'], [props.dataBucket.arnForObjects(`${REPLAYS_PREFIX}*`)]);
    allow(
      ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DescribeTable'],
      props.auditedTables.flatMap((t) => [t.tableArn, `${t.tableArn}/index/*`]),
    );
    const ref = (r: Bucket | Table) => nagRef(r.node.defaultChild as CfnResource, 'Arn');
    acknowledge(role, iam5Resource(`${ref(props.anchorBucket)}/${ANCHOR_PREFIX}*`), 'audit verify reads every ledger anchor; their names (digests) are known only by listing.');
    acknowledge(role, iam5Resource(`${ref(props.dataBucket)}/*`), 'replay reads the snapshot and the pinned policy a sweep names at run time.');
    acknowledge(role, iam5Resource(`${ref(props.dataBucket)}/${REPLAYS_PREFIX}*`), 'replay writes its scratch run under replays/<sweep>/<run>/ only, named at run time.');
    for (const t of props.auditedTables) acknowledge(role, iam5Resource(`${ref(t)}/index/*`), 'audit verify and replay query the tables by their global secondary indexes.');
  }
}
