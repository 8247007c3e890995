import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLES, type TableDefinition, type TableKey } from '#shared/adapters/tableDefinitions';

export interface CrackdownTablesProps {
  /** Customer-managed key the tables are encrypted with. */
  key: IKey;
}

/** Tables that must outlive a stack deletion and refuse accidental deletes. */
const PROTECTED: ReadonlySet<TableKey> = new Set<TableKey>(['ledger']);

/** Every DynamoDB table of TABLES, built from that one description (all key attributes are strings). */
export class CrackdownTables extends Construct {
  readonly tables: Record<TableKey, Table>;

  constructor(scope: Construct, id: string, props: CrackdownTablesProps) {
    super(scope, id);
    const entries = Object.entries(TABLES) as Array<[TableKey, TableDefinition]>;
    const built: Partial<Record<TableKey, Table>> = {};
    for (const [key, def] of entries) {
      const table = new Table(this, def.id, {
        partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
        sortKey: def.sortKey ? { name: def.sortKey, type: AttributeType.STRING } : undefined,
        billingMode: BillingMode.PAY_PER_REQUEST,
        encryption: TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: props.key,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        timeToLiveAttribute: def.ttlAttribute,
        deletionProtection: PROTECTED.has(key),
        // Every table is audit or enforcement state; none is safe to lose with the stack.
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: index.sortKey ? { name: index.sortKey, type: AttributeType.STRING } : undefined,
          // a narrow index (the penalties' lift index) copies only what its readers need, not the whole item on every write
          ...(index.include ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.include] } : {}),
        });
      }
      built[key] = table;
    }
    this.tables = built as Record<TableKey, Table>;
  }

  /** `{ CRACKDOWN_TABLE_X: <physical name> }` for every table. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, table] of Object.entries(this.tables) as Array<[TableKey, Table]>) {
      env[TABLES[key].envVar] = table.tableName;
    }
    return env;
  }
}
