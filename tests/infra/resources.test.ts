import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_ENV_VAR, LIFT_TARGET_ENV_VARS, SINK_TOPIC_ENV_VAR, TABLES, type TableKey } from '#shared/adapters/tableDefinitions';
import { API_HANDLERS, CAMPAIGN_TASKS, LIFT_TASKS, SWEEP_SIDE_TASKS, SWEEP_TASKS } from '#infra/stages';
import { STAGE_ACCESS } from '#infra/stageAccess';
import { SAFETY_SWEEP_RATE } from '#infra/liftScheduling';
import { asArray, referencedIds, resourcesOfType, synthCrackdown, type Synthesized } from './synthCrackdown.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthCrackdown();
});

const ALL_STAGES = [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS, ...LIFT_TASKS, ...API_HANDLERS, ...CAMPAIGN_TASKS];
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => synth.stack.getLogicalId(construct.node.defaultChild as Parameters<Synthesized['stack']['getLogicalId']>[0]);

type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; Principal?: unknown; Condition?: unknown };

/** Every statement of every identity-based policy (IAM::Policy, ManagedPolicy, Role inline policies). */
function identityStatements(): Array<{ owner: string; statement: Statement }> {
  const out: Array<{ owner: string; statement: Statement }> = [];
  for (const [id, r] of Object.entries(synth.json.Resources)) {
    const docs: unknown[] = [];
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') docs.push(r.Properties?.PolicyDocument);
    if (r.Type === 'AWS::IAM::Role') docs.push(...asArray(r.Properties?.Policies).map((p: any) => p.PolicyDocument));
    for (const doc of docs) for (const statement of asArray((doc as any)?.Statement) as Statement[]) out.push({ owner: id, statement });
  }
  return out;
}

/** Statements of the (single) policy attached to a role. */
function roleStatements(roleLogicalId: string): Statement[] {
  return resourcesOfType(synth.json, 'AWS::IAM::Policy')
    .filter(([, p]) => asArray(p.Properties?.Roles).some((r: any) => r.Ref === roleLogicalId))
    .flatMap(([, p]) => asArray(p.Properties?.PolicyDocument.Statement) as Statement[]);
}

function stageRoleStatements(module: string): Statement[] {
  return roleStatements(logicalIdOf(synth.stack.functions.get(module).role));
}

describe('stage functions', () => {
  it('builds one arm64 nodejs22.x function per stage with the memory and timeout of stages.ts', () => {
    const fns = resourcesOfType(synth.json, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(ALL_STAGES.length);
    for (const stage of ALL_STAGES) {
      const fn = synth.json.Resources[logicalIdOf(synth.stack.functions.get(stage.module).fn)];
      expect(fn.Properties?.Architectures, stage.module).toEqual(['arm64']);
      expect(fn.Properties?.Runtime, stage.module).toBe('nodejs22.x');
      expect(fn.Properties?.MemorySize, stage.module).toBe(stage.memoryMb);
      expect(fn.Properties?.Timeout, stage.module).toBe(stage.timeoutSeconds);
      expect(fn.Properties?.TracingConfig, stage.module).toEqual({ Mode: 'Active' });
      expect(fn.Properties?.Handler, stage.module).toBe('index.handler');
    }
    for (const [id, fn] of fns) {
      expect(fn.Properties?.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties?.Runtime, id).toBe('nodejs22.x');
    }
  });

  it('gives every function the table names, bucket, sink topic, Powertools service and source maps; only ScheduleLifts the lift target', () => {
    for (const stage of ALL_STAGES) {
      const env = synth.json.Resources[logicalIdOf(synth.stack.functions.get(stage.module).fn)].Properties?.Environment.Variables;
      for (const key of Object.keys(TABLES) as TableKey[]) {
        expect(env[TABLES[key].envVar], `${stage.module} ${TABLES[key].envVar}`).toEqual({ Ref: logicalIdOf(synth.stack.tables.tables[key]) });
      }
      expect(env[BUCKET_ENV_VAR], stage.module).toEqual({ Ref: logicalIdOf(synth.stack.storage.bucket) });
      expect(env[SINK_TOPIC_ENV_VAR], stage.module).toEqual({ Ref: logicalIdOf(synth.stack.sink.topic) });
      expect(env.POWERTOOLS_SERVICE_NAME, stage.module).toBe('crackdown');
      expect(env.NODE_OPTIONS, stage.module).toBe('--enable-source-maps');
      const liftVars = Object.values(LIFT_TARGET_ENV_VARS).filter((v) => v in env);
      expect(liftVars, stage.module).toEqual(stage.module === 'scheduleLifts' ? Object.values(LIFT_TARGET_ENV_VARS) : []);
    }
  });

  it('gives every function its own log group with a retention', () => {
    for (const [id, fn] of resourcesOfType(synth.json, 'AWS::Lambda::Function')) {
      const logGroupId = fn.Properties?.LoggingConfig?.LogGroup?.Ref;
      expect(logGroupId, id).toBeDefined();
      expect(synth.json.Resources[logGroupId].Properties?.RetentionInDays, id).toBeGreaterThan(0);
    }
  });
});

describe('tables', () => {
  it('builds every table of TABLES with its keys and GSIs (string attributes), on demand, with PITR and KMS encryption', () => {
    expect(resourcesOfType(synth.json, 'AWS::DynamoDB::Table')).toHaveLength(Object.keys(TABLES).length);
    for (const [key, def] of Object.entries(TABLES) as Array<[TableKey, (typeof TABLES)[TableKey]]>) {
      const table = synth.json.Resources[logicalIdOf(synth.stack.tables.tables[key])];
      const p = table.Properties!;
      const keySchema = (pk: string, sk?: string) => [{ AttributeName: pk, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' }] : [])];
      expect(p.KeySchema, def.id).toEqual(keySchema(def.partitionKey, 'sortKey' in def ? def.sortKey : undefined));
      const gsis = asArray(p.GlobalSecondaryIndexes).map((g: any) => ({ name: g.IndexName, keys: g.KeySchema }));
      expect(gsis, def.id).toEqual(def.indexes.map((i) => ({ name: i.name, keys: keySchema(i.partitionKey, 'sortKey' in i ? i.sortKey : undefined) })));
      expect(
        p.AttributeDefinitions.every((a: any) => a.AttributeType === 'S'),
        def.id,
      ).toBe(true);
      expect(p.BillingMode, def.id).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification, def.id).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification, def.id).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
      expect(table.DeletionPolicy, def.id).toBe('Retain');
    }
  });

  it('carries pending lifts on the penalties table: a sparse liftDue GSI by shard and due time, projecting only what a lift needs; no lifts table', () => {
    const p = synth.json.Resources[logicalIdOf(synth.stack.tables.tables.penalties)].Properties!;
    const gsi = asArray(p.GlobalSecondaryIndexes).find((g: any) => g.IndexName === 'liftDue') as any;
    expect(gsi.KeySchema).toEqual([
      { AttributeName: 'liftShard', KeyType: 'HASH' },
      { AttributeName: 'liftDue', KeyType: 'RANGE' },
    ]);
    expect(gsi.Projection.ProjectionType).toBe('INCLUDE');
    expect([...gsi.Projection.NonKeyAttributes].sort()).toEqual(['action', 'entryKey', 'sweepId', 'until']);
    expect(p.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'liftShard', AttributeType: 'S' },
        { AttributeName: 'liftDue', AttributeType: 'S' },
      ]),
    );
    expect('lifts' in TABLES).toBe(false);
    expect(resourcesOfType(synth.json, 'AWS::DynamoDB::Table').some(([, r]: any) => asArray(r.Properties?.KeySchema).some((k: any) => k.AttributeName === 'liftId'))).toBe(false);
    // the stages that lift (the lift machine, an upheld appeal) may query the index, ScheduleLifts only read the states
    const indexArn = (module: string) =>
      stageRoleStatements(module).some((s) => JSON.stringify(s.Resource ?? '').includes('/index/*') && JSON.stringify(s.Resource).includes(logicalIdOf(synth.stack.tables.tables.penalties)));
    expect(indexArn('lift')).toBe(true);
    expect(STAGE_ACCESS.scheduleLifts.tables).toEqual({ penalties: 'read' });
  });

  it('protects the ledger from deletion', () => {
    const ledger = synth.json.Resources[logicalIdOf(synth.stack.tables.tables.ledger)];
    expect(ledger.Properties?.DeletionProtectionEnabled).toBe(true);
    expect(ledger.DeletionPolicy).toBe('Retain');
    expect(ledger.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('data bucket', () => {
  const bucketId = () => logicalIdOf(synth.stack.storage.bucket);

  it('is KMS-encrypted, versioned, blocks all public access and logs access to the separate log bucket', () => {
    const p = synth.json.Resources[bucketId()].Properties!;
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toMatchObject({ SSEAlgorithm: 'aws:kms' });
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalIdOf(synth.stack.storage.accessLogBucket) });
  });

  it('expires sweep intermediates under sweeps/ after 14 days and nothing else', () => {
    const rules = synth.json.Resources[bucketId()].Properties!.LifecycleConfiguration.Rules as Array<Record<string, any>>;
    const expiring = rules.filter((r) => r.ExpirationInDays !== undefined);
    expect(expiring).toEqual([expect.objectContaining({ Prefix: 'sweeps/', ExpirationInDays: 14, Status: 'Enabled' })]);
  });

  it('denies any request without TLS, on both buckets', () => {
    for (const bucket of [synth.stack.storage.bucket, synth.stack.storage.accessLogBucket]) {
      synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalIdOf(bucket) },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });
});

describe('least privilege', () => {
  it('has no identity policy statement whose action is * or <service>:*', () => {
    const statements = identityStatements();
    expect(statements.length).toBeGreaterThan(20);
    const offending = statements.filter(({ statement }) => asArray(statement.Action).some((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a)));
    expect(offending).toEqual([]);
  });

  it('grants Resource * only for actions that have no resource-level permissions (X-Ray, log delivery)', () => {
    const allowed =
      /^(xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))$/;
    const wide = identityStatements().filter(({ statement }) => asArray(statement.Resource).includes('*'));
    expect(wide.length).toBeGreaterThan(0);
    for (const { owner, statement } of wide) {
      for (const action of asArray(statement.Action)) expect(action, owner).toMatch(allowed);
    }
  });

  it('lets each stage touch exactly the tables STAGE_ACCESS names for it', () => {
    const tableIds = new Map((Object.keys(TABLES) as TableKey[]).map((k) => [logicalIdOf(synth.stack.tables.tables[k]), k]));
    for (const stage of ALL_STAGES) {
      const touched = new Set<TableKey>();
      for (const s of stageRoleStatements(stage.module)) {
        for (const id of referencedIds(s.Resource)) if (tableIds.has(id)) touched.add(tableIds.get(id)!);
      }
      expect([...touched].sort(), stage.module).toEqual(Object.keys(STAGE_ACCESS[stage.module].tables ?? {}).sort());
    }
  });

  it('keeps the ledger append-only: no principal may update or delete a ledger item', () => {
    const ledgerId = logicalIdOf(synth.stack.tables.tables.ledger);
    const mutating = /^dynamodb:(UpdateItem|DeleteItem|BatchWriteItem|PartiQLUpdate|PartiQLDelete)$/;
    for (const { owner, statement } of identityStatements()) {
      if (!referencedIds(statement.Resource).has(ledgerId)) continue;
      for (const action of asArray(statement.Action)) expect(action, owner).not.toMatch(mutating);
    }
    const enforce = stageRoleStatements('enforce').filter((s) => referencedIds(s.Resource).has(ledgerId));
    expect(enforce.flatMap((s) => asArray(s.Action))).toContain('dynamodb:PutItem');
  });

  it('writes to the bucket only under sweeps/ (and policies/ for plan), and only from the stages that need to', () => {
    const bucketId = logicalIdOf(synth.stack.storage.bucket);
    for (const stage of ALL_STAGES) {
      const puts = stageRoleStatements(stage.module).filter((s) => asArray(s.Action).includes('s3:PutObject') && referencedIds(s.Resource).has(bucketId));
      const prefixes = puts
        .flatMap((s) => asArray(s.Resource))
        .map((r: any) => {
          const [, parts] = r['Fn::Join'];
          expect(parts[0]).toEqual({ 'Fn::GetAtt': [bucketId, 'Arn'] });
          return parts[1] as string;
        });
      expect(prefixes.sort(), stage.module).toEqual((STAGE_ACCESS[stage.module].writePrefixes ?? []).map((p) => `/${p}*`).sort());
      const deletes = stageRoleStatements(stage.module)
        .flatMap((s) => asArray(s.Action))
        .filter((a) => a.startsWith('s3:Delete'));
      expect(deletes, stage.module).toEqual([]);
    }
    // Notify reads nothing from the bucket and writes only its per-bucket stats.
    expect(STAGE_ACCESS.notify.writePrefixes).toEqual(['sweeps/*/stats/']);
    expect(STAGE_ACCESS.notify.readBucket).toBeUndefined();
  });

  it("lets the sweep state machine read from the bucket only the maps' item lists, and decrypt only through S3", () => {
    const bucketId = logicalIdOf(synth.stack.storage.bucket);
    const statements = roleStatements(logicalIdOf(synth.stack.sweep.stateMachine.role));
    const onBucket = statements.filter((s) => referencedIds(s.Resource).has(bucketId));
    expect(onBucket.map((s) => [s.Action, s.Resource])).toEqual([['s3:GetObject', { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/sweeps/*/map-items/*']] }]]);
    const kms = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('kms:')));
    expect(kms.map((s) => [s.Action, s.Resource])).toEqual([['kms:Decrypt', { 'Fn::GetAtt': [logicalIdOf(synth.stack.dataKey), 'Arn'] }]]);
    expect(JSON.stringify(kms[0].Condition)).toContain('kms:ViaService');
  });

  it('lets only notify, lift and the appeals API publish to the sink', () => {
    const topicId = logicalIdOf(synth.stack.sink.topic);
    for (const stage of ALL_STAGES) {
      const publishes = stageRoleStatements(stage.module).some((s) => asArray(s.Action).includes('sns:Publish') && referencedIds(s.Resource).has(topicId));
      expect(publishes, stage.module).toBe(['notify', 'lift', 'appeal'].includes(stage.module));
    }
  });
});

describe('lift scheduling', () => {
  it('has a schedule group for the one-time lift schedules, and one for the campaigns', () => {
    synth.template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 2);
    synth.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: synth.stack.liftScheduling.scheduleGroupName });
    synth.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Crackdown-campaigns' });
  });

  it('has a scheduler role that only Scheduler of this account may assume and that may only start the lift state machine', () => {
    const roleId = logicalIdOf(synth.stack.liftScheduling.schedulerRole);
    const trust = synth.json.Resources[roleId].Properties?.AssumeRolePolicyDocument.Statement;
    expect(trust).toEqual([
      expect.objectContaining({
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }) },
      }),
    ]);
    const liftId = synth.stack.stateMachineLogicalIds().lift;
    expect(roleStatements(roleId)).toEqual([{ Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: liftId } }]);
  });

  it('runs an hourly safety sweep that starts the lift state machine as the scheduler role', () => {
    const liftId = synth.stack.stateMachineLogicalIds().lift;
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: SAFETY_SWEEP_RATE,
      State: 'ENABLED',
      Target: {
        Arn: { Ref: liftId },
        RoleArn: { 'Fn::GetAtt': [logicalIdOf(synth.stack.liftScheduling.schedulerRole), 'Arn'] },
        Input: Match.serializedJson(Match.objectLike({})),
      },
    });
    expect(SAFETY_SWEEP_RATE).toBe('rate(1 hour)');
  });

  it('lets ScheduleLifts create schedules only in the lift group and pass only the scheduler role', () => {
    const statements = stageRoleStatements('scheduleLifts');
    const create = statements.filter((s) => asArray(s.Action).includes('scheduler:CreateSchedule'));
    expect(create).toHaveLength(1);
    expect(JSON.stringify(create[0].Resource)).toContain(`:schedule/${synth.stack.liftScheduling.scheduleGroupName}/*`);
    const pass = statements.filter((s) => asArray(s.Action).includes('iam:PassRole'));
    expect(pass.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logicalIdOf(synth.stack.liftScheduling.schedulerRole), 'Arn'] }]);
    for (const other of ALL_STAGES.filter((s) => s.module !== 'scheduleLifts')) {
      const actions = stageRoleStatements(other.module).flatMap((s) => asArray(s.Action));
      // The appeals API may only delete (cancel) lift schedules.
      expect(
        actions.filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole'),
        other.module,
      ).toEqual(other.module === 'appeal' ? ['scheduler:DeleteSchedule'] : []);
    }
  });

  it('lets the appeals API delete schedules only in the lift group', () => {
    const del = stageRoleStatements('appeal').filter((s) => asArray(s.Action).includes('scheduler:DeleteSchedule'));
    expect(del).toHaveLength(1);
    expect(JSON.stringify(del[0].Resource)).toContain(`:schedule/${synth.stack.liftScheduling.scheduleGroupName}/*`);
  });
});

describe('enforcement sink and outputs', () => {
  it('is a KMS-encrypted SNS topic that refuses non-TLS publishing', () => {
    const topicId = logicalIdOf(synth.stack.sink.topic);
    expect(synth.json.Resources[topicId].Properties?.KmsMasterKeyId).toBeDefined();
    synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('outputs the bucket, both state machine ARNs, the topic ARN and every table name', () => {
    const outputs = synth.json.Outputs ?? {};
    const ids = synth.stack.stateMachineLogicalIds();
    expect(outputs.BucketName.Value).toEqual({ Ref: logicalIdOf(synth.stack.storage.bucket) });
    expect(outputs.SweepStateMachineArn.Value).toEqual({ Ref: ids.sweep });
    expect(outputs.LiftStateMachineArn.Value).toEqual({ Ref: ids.lift });
    expect(outputs.SinkTopicArn.Value).toEqual({ Ref: logicalIdOf(synth.stack.sink.topic) });
    for (const key of Object.keys(TABLES) as TableKey[]) {
      expect(outputs[`${TABLES[key].id}TableName`]?.Value, key).toEqual({ Ref: logicalIdOf(synth.stack.tables.tables[key]) });
    }
  });
});

describe('ledger anchoring (shared/audit/ledgerAnchor.ts)', () => {
  const WRITERS = ['enforce', 'lift', 'appeal'];
  const withAction = (action: string) => identityStatements().filter(({ statement }) => asArray(statement.Action).includes(action));
  const policyRoles = (owner: string) => asArray(synth.json.Resources[owner]?.Properties?.Roles).map((r: any) => r.Ref as string);

  it('has an HMAC_256 KMS key for GENERATE_VERIFY_MAC', () => {
    const key = synth.json.Resources[logicalIdOf(synth.stack.ledgerIntegrity.macKey as never)];
    expect(key.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  });

  it('lets only the ledger writers GenerateMac, only the auditor role VerifyMac, each on that key alone', () => {
    const keyId = logicalIdOf(synth.stack.ledgerIntegrity.macKey as never);
    const roleOf = (module: string) => logicalIdOf(synth.stack.functions.get(module).role);
    const generating = withAction('kms:GenerateMac');
    expect(new Set(generating.flatMap(({ owner }) => policyRoles(owner)))).toEqual(new Set(WRITERS.map(roleOf)));
    const verifying = withAction('kms:VerifyMac');
    expect(verifying.flatMap(({ owner }) => policyRoles(owner))).toEqual([logicalIdOf(synth.stack.ledgerIntegrity.auditorRole)]);
    for (const { statement } of [...generating, ...verifying]) expect([...referencedIds(statement.Resource)]).toEqual([keyId]);
    for (const { statement } of generating) expect(asArray(statement.Action)).not.toContain('kms:VerifyMac');
  });

  it('keeps the anchors in an Object Lock bucket in compliance mode that writers may only add to', () => {
    const bucketId = logicalIdOf(synth.stack.storage.anchorBucket);
    const bucket = synth.json.Resources[bucketId];
    expect(bucket.Properties).toMatchObject({ ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } } });
    const touching = identityStatements().filter(({ statement }) => referencedIds(statement.Resource).has(bucketId));
    const actions = new Set(touching.flatMap(({ statement }) => asArray(statement.Action)));
    for (const a of actions) expect(a).toMatch(/^s3:(PutObject|GetObject|ListBucket)$/);
    for (const module of WRITERS) {
      const env = synth.json.Resources[logicalIdOf(synth.stack.functions.get(module).fn)].Properties!.Environment.Variables;
      expect(env).toMatchObject({ CRACKDOWN_LEDGER_ANCHOR_BUCKET: { Ref: bucketId }, CRACKDOWN_LEDGER_MAC_KEY_ID: expect.anything() });
    }
    const resolve = logicalIdOf(synth.stack.functions.get('resolve').fn);
    expect(synth.json.Resources[resolve].Properties!.Environment.Variables.CRACKDOWN_LEDGER_MAC_KEY_ID).toBeUndefined();
  });
});
