/**
 * The local Step Functions runner: executes the ASL that the CDK app synthesizes with
 * aws-local-stepfunctions, every Task state calling its handler module (SWEEP_TASKS /
 * LIFT_TASKS in infra/stages.ts, matched by state name) in-process, and the Tasks inside Map
 * iterations optionally in a worker_threads pool (workerPool.ts).
 *
 * The one change made to the synthesized ASL before running it (prepareDefinition): a Task
 * state without TimeoutSeconds gets one (default 24 h). The library would otherwise time every
 * Task out after 60 s, while in AWS a Task without TimeoutSeconds has no state-level timeout
 * (only the Lambda's own limit applies, which is not enforced locally).
 *
 * Distributed Map runs unchanged: the library's validator accepts `ItemProcessor.ProcessorConfig`
 * (Mode DISTRIBUTED), `Label` and `ToleratedFailurePercentage`, and runs the Map inline:
 * ItemsPath, ItemSelector (with `$$.Map.Item.Value`) and MaxConcurrency are honoured, Label and
 * ProcessorConfig are ignored, and any failed item fails the Map (as ToleratedFailurePercentage 0
 * says). One difference from AWS: a failed item surfaces as that item's own error
 * (e.g. `ItemRejected`), where AWS reports `States.ExceedToleratedFailureThreshold` on the Map.
 * A Map's ItemReader (only `arn:aws:states:::s3:getObject` of a JSON array, as the sweep's maps read the item
 * lists Plan wrote) becomes a Task state before the Map, `<Map>.ItemReader`, that reads the array from the work
 * store (the stages' bucket: the definition's Bucket is a placeholder locally) into `$.localMapItems`, and the Map
 * iterates that path; its Catch is the Map's. ItemBatcher and ResultWriter are refused (the sweep uses neither).
 *
 * `.waitForTaskToken` Tasks (`arn:aws:states:::lambda:invoke.waitForTaskToken`, the sweep's
 * SampleForReview): the handler gets the Parameters' payload with `$$.Task.Token` (a `local:…`
 * token from the context object), then the Task waits for that token's outcome in the bucket's
 * local token store (shared/adapters/localTaskTokens.ts), written by whoever completes it. With
 * `waitForTokens: 'pause'` an unresolved token pauses the execution instead: the run rejects with
 * StateMachinePausedError carrying the waiting state, its input and token, and a later run with
 * `resume` starts at that state again (its handler must be idempotent) and continues once the
 * token is resolved. The Task's TimeoutSeconds(Path) is enforced against the time the wait began
 * (kept across a pause): past it the Task fails with States.Timeout, as in AWS. In the library's
 * definition that Task gets a fixed TimeoutSeconds instead of TimeoutSecondsPath (the library
 * would evaluate the path against the Parameters' output).
 *
 * Like AWS: a handler's error becomes Error = its name, Cause = Lambda's JSON
 * `{ errorType, errorMessage, trace }`; a Task result is JSON round-tripped and one over 256 KiB
 * fails as `States.DataLimitExceeded`.
 */
import './promiseWithResolvers.ts';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import type { RunOptions as LibraryRunOptions, StateMachineDefinition } from 'aws-local-stepfunctions';

type LocalHandlers = NonNullable<NonNullable<LibraryRunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = ReturnType<LocalHandlers[string]>;
import { randomUUID } from 'node:crypto';
import { LIFT_TASKS, SWEEP_SIDE_TASKS, SWEEP_TASKS, type StageHandler } from '#infra/stages';
import { LocalTaskTokens } from '#shared/adapters/localTaskTokens';
import { workStore } from '#shared/adapters/stageDependencies';
import { LOCAL_TOKEN_PREFIX } from '#shared/ports/taskTokens';
import { invokeHandler, LambdaTaskError, serializeError, type TaskHandlerSpec } from './lambdaHandlers.ts';
import { loadStateMachineDefinitions, type AslDefinition, type AslState, type LoadDefinitionsOptions, type WhichStateMachine } from './stateMachineTemplate.ts';
import { PoolClosedError, WorkerPool } from './workerPool.ts';

export { WorkerPool } from './workerPool.ts';
export { loadStateMachineDefinitions, type AslDefinition, type StateMachineDefinitions } from './stateMachineTemplate.ts';
export type { TaskHandlerSpec } from './lambdaHandlers.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Step Functions' limit on a state's input/output (256 KiB); a bigger Task result fails in AWS. */
export const STATE_PAYLOAD_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_TASK_TIMEOUT_SECONDS = 24 * 60 * 60;

export type StageEventType = 'state-entered' | 'state-exited' | 'state-failed' | 'state-retried' | 'map-started' | 'map-iteration-done' | 'map-iteration-failed';

/** Progress of an execution, enough for one progress bar per stage. */
export interface StageEvent {
  type: StageEventType;
  /** State name; for map-* events the Map state's name. */
  state: string;
  /** Map iteration index, for states inside an iteration and for map-iteration-* events. */
  index?: number;
  /** The Map state an inner state runs under. */
  map?: string;
  /** Items of the Map (map-started, map-iteration-*), when ItemsPath could be evaluated. */
  total?: number;
  /** Iterations finished so far, failed ones included (map-iteration-*). */
  done?: number;
  /** For state-failed / map-iteration-failed. */
  error?: string;
  cause?: string;
  /** For state-retried: the attempt number. */
  attempt?: number;
  timestamp: number;
}

export interface RunOptions extends TaskTokenOptions {
  onEvent?: (e: StageEvent) => void;
  signal?: AbortSignal;
  /**
   * Worker threads for the Task states inside Map iterations (default os.availableParallelism());
   * 0 runs every handler in this thread. Tasks outside Maps always run in this thread.
   */
  workers?: number;
  /**
   * A pool the caller owns (mapWorkerPool), used for the Map Tasks instead of starting one for this run
   * (`workers` is then ignored): a caller running many executions (`campaign run`, one sweep a day) starts
   * its workers, and loads the handler modules in them, once. The run leaves it open; the caller closes it.
   */
  pool?: WorkerPool;
  /** Timeout put on Task states that have none (default 24 h; see the module comment). */
  taskTimeoutSeconds?: number;
}

/** Where a paused execution stopped: enough to resume it at the waiting Task. */
export interface PausedExecution {
  machine: string;
  /** The `.waitForTaskToken` Task state. */
  state: string;
  /** That state's input (the execution's state when it paused). */
  input: unknown;
  token: string;
  /** When the Task began waiting (its timeout counts from here, across pauses). */
  waitingSince: string;
  timeoutSeconds: number;
}

/** An execution paused at a `.waitForTaskToken` Task whose token is not resolved yet (waitForTokens: 'pause'). */
export class StateMachinePausedError extends Error {
  constructor(readonly paused: PausedExecution) {
    super(`${paused.machine} execution paused at ${paused.state}, waiting for its task token`);
    this.name = 'StateMachinePausedError';
  }
}

export interface TaskTokenOptions {
  /**
   * What a `.waitForTaskToken` Task does while its token is unresolved: `poll` the local token
   * store until it resolves or the Task times out (default), or `pause` the execution.
   */
  waitForTokens?: 'poll' | 'pause';
  /** Poll interval (default 250 ms). */
  tokenPollMs?: number;
  /** Resume a paused execution (StateMachinePausedError.paused) instead of starting at StartAt. */
  resume?: PausedExecution;
  /**
   * The clock a `.waitForTaskToken` Task's wait and timeout are measured by (default Date.now):
   * a test moves it past the deadline instead of sleeping until it.
   */
  now?: () => number;
}

export interface RunStateMachineOptions extends RunOptions {
  /** Where the definitions come from (default: synth in-process, cached). */
  definitions?: LoadDefinitionsOptions;
}

export interface RunDefinitionOptions extends RunOptions {
  /** Handler for every Task state, by state name. */
  handlers: Record<string, TaskHandlerSpec>;
  /** Name used in error messages (e.g. `sweep`). */
  name?: string;
}

/** A failed execution: which state failed first, and the error and cause the execution ended with. */
export class StateMachineExecutionError extends Error {
  constructor(
    readonly machine: string,
    /** The state where the failure started (e.g. the Task inside a Map iteration). */
    readonly state: string | undefined,
    readonly error: string,
    override readonly cause: string,
    readonly details: {
      /** The Map the failing state ran under, and the iteration index. */
      map?: string;
      index?: number;
      /** Every state that failed, in order (the Task, its Map, then e.g. a Fail state). */
      failedStates: string[];
      /** The handler's own message when the cause is Lambda's JSON. */
      errorMessage?: string;
    },
  ) {
    const where = state ? `in state ${state}${details.map !== undefined ? ` (${details.map} item ${details.index})` : ''}` : '';
    super(`${machine} execution failed ${where}: ${error}: ${details.errorMessage ?? cause}`.replace(/\s+:/, ':'));
    this.name = 'StateMachineExecutionError';
  }
}

export class StateMachineAbortedError extends Error {
  constructor(machine: string) {
    super(`${machine} execution was aborted`);
    this.name = 'AbortError';
  }
}

// ---------------------------------------------------------------------------------------------
// definition analysis

interface TaskInfo {
  state: string;
  resource: string;
  /** The Map whose iterations run this Task. */
  map?: string;
  /**
   * `direct`: Resource is the function ARN (payloadResponseOnly); `invoke`: arn:aws:states:::lambda:invoke;
   * `callback`: arn:aws:states:::lambda:invoke.waitForTaskToken.
   */
  style: 'direct' | 'invoke' | 'callback';
}

interface MapInfo {
  state: string;
  itemsPath?: string;
  /** The Map reads its items with an ItemReader (run locally as the `<Map>.ItemReader` Task). */
  itemReader?: boolean;
  inputPath?: string | null;
  parentMap?: string;
}

interface Analysis {
  tasks: TaskInfo[];
  maps: Map<string, MapInfo>;
  /** Inner state name → its Map. */
  stateMap: Map<string, string>;
}

type Machine = Pick<AslDefinition, 'StartAt' | 'States'>;

function lambdaStyle(resource: string): TaskInfo['style'] | undefined {
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/.test(resource)) return 'direct';
  if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) return 'invoke';
  if (/^arn:[^:]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'callback';
  return undefined;
}

export function analyzeDefinition(def: Machine): Analysis {
  const out: Analysis = { tasks: [], maps: new Map(), stateMap: new Map() };
  const walk = (machine: Machine, map?: string) => {
    for (const [name, state] of Object.entries(machine.States)) {
      if (map) out.stateMap.set(name, map);
      if (state.Type === 'Task') {
        const resource = String(state.Resource ?? '');
        const style = lambdaStyle(resource);
        if (!style) {
          throw new Error(`Task state ${name} uses ${resource || 'no Resource'}; the local runner only runs Lambda tasks`);
        }
        out.tasks.push({ state: name, resource, map, style });
      } else if (state.Type === 'Map') {
        const processor = (state.ItemProcessor ?? state.Iterator) as Machine | undefined;
        if (!processor) throw new Error(`Map state ${name} has neither ItemProcessor nor Iterator`);
        for (const unsupported of ['ItemBatcher', 'ResultWriter']) {
          if (unsupported in state) throw new Error(`Map state ${name} uses ${unsupported}, which the local runner does not support`);
        }
        const itemReader = 'ItemReader' in state;
        if (itemReader) checkItemReader(name, state, map);
        out.maps.set(name, {
          state: name,
          itemsPath: itemReader ? LOCAL_ITEMS_PATH : (state.ItemsPath as string | undefined),
          inputPath: state.InputPath as string | null | undefined,
          parentMap: map,
          ...(itemReader ? { itemReader } : {}),
        });
        walk(processor, name);
      } else if (state.Type === 'Parallel') {
        for (const branch of (state.Branches as Machine[] | undefined) ?? []) walk(branch, map);
      }
    }
  };
  walk(def);
  return out;
}

/** Where a Map with an ItemReader finds its items locally (written by its `<Map>.ItemReader` Task). */
const LOCAL_ITEMS_PATH = '$.localMapItems';
export const itemReaderState = (map: string) => `${map}.ItemReader`;
const S3_GET_OBJECT = /^arn:[^:]+:states:::s3:getObject$/;

function checkItemReader(name: string, state: AslState, parentMap: string | undefined): void {
  const reader = state.ItemReader as { Resource?: string; ReaderConfig?: { InputType?: string }; Parameters?: Record<string, unknown> } | undefined;
  const what = `Map state ${name}'s ItemReader`;
  if (parentMap) throw new Error(`${what}: the local runner reads items only for top-level Maps`);
  if (!reader || !S3_GET_OBJECT.test(String(reader.Resource ?? ''))) throw new Error(`${what}: only arn:aws:states:::s3:getObject is supported locally, got ${reader?.Resource}`);
  if (reader.ReaderConfig?.InputType !== 'JSON') throw new Error(`${what}: only InputType JSON is supported locally`);
  if (!reader.Parameters || !('Key' in reader.Parameters || 'Key.$' in reader.Parameters)) throw new Error(`${what} names no Key`);
}

/**
 * Puts a `<Map>.ItemReader` Task before each top-level Map that has an ItemReader (its Parameters, its result at
 * LOCAL_ITEMS_PATH, the Map's Catch), points every transition to the Map at it, and has the Map iterate that path.
 */
function readItemsBeforeMaps(machine: Machine, taskTimeoutSeconds: number): void {
  const renamed = new Map<string, string>();
  for (const [name, state] of Object.entries(machine.States)) {
    if (state.Type !== 'Map' || !('ItemReader' in state)) continue;
    const reader = state.ItemReader as { Resource: string; Parameters: Record<string, unknown> };
    const loader = itemReaderState(name);
    machine.States[loader] = {
      Type: 'Task',
      Resource: reader.Resource,
      Parameters: reader.Parameters,
      ResultPath: LOCAL_ITEMS_PATH,
      TimeoutSeconds: taskTimeoutSeconds,
      Next: name,
      ...(state.Catch ? { Catch: state.Catch } : {}),
    } as AslState;
    delete state.ItemReader;
    state.ItemsPath = LOCAL_ITEMS_PATH;
    renamed.set(name, loader);
  }
  if (renamed.size === 0) return;
  const to = (next: unknown) => (typeof next === 'string' && renamed.has(next) ? renamed.get(next) : next);
  if (renamed.has(machine.StartAt)) machine.StartAt = renamed.get(machine.StartAt)!;
  for (const [name, state] of Object.entries(machine.States)) {
    if (renamed.get(String(state.Next)) === name) continue; // the loader itself goes on to its Map
    const st = state as Record<string, unknown>;
    if (st.Next !== undefined) st.Next = to(st.Next);
    if (st.Default !== undefined) st.Default = to(st.Default);
    for (const c of (st.Choices as Array<{ Next?: string }> | undefined) ?? []) c.Next = to(c.Next) as string;
    for (const c of (st.Catch as Array<{ Next?: string }> | undefined) ?? []) c.Next = to(c.Next) as string;
  }
}

/** The `<Map>.ItemReader` Task: the JSON array at Parameters.Key in the work store. */
async function readMapItems(state: string, parameters: unknown): Promise<unknown[]> {
  const key = (parameters as { Key?: unknown } | null)?.Key;
  if (typeof key !== 'string' || !key) throw new LambdaTaskError({ name: 'States.ItemReaderFailed', message: `${state}: no Key to read the items from` });
  let items: unknown;
  try {
    items = JSON.parse(await workStore().readText(key));
  } catch (err) {
    throw new LambdaTaskError({ name: 'States.ItemReaderFailed', message: `${state}: cannot read the items at ${key}: ${(err as Error).message}` });
  }
  if (!Array.isArray(items)) throw new LambdaTaskError({ name: 'States.ItemReaderFailed', message: `${state}: ${key} does not hold a JSON array` });
  return items;
}

const isCallback = (state: AslState) => state.Type === 'Task' && lambdaStyle(String(state.Resource ?? '')) === 'callback';

/**
 * The definition the library runs: a copy, with TimeoutSeconds on Tasks that have none, and on
 * `.waitForTaskToken` Tasks in place of their own timeout (which the runner enforces itself);
 * `startAt` replaces StartAt (resuming a paused execution).
 */
export function prepareDefinition(def: AslDefinition, taskTimeoutSeconds = DEFAULT_TASK_TIMEOUT_SECONDS, startAt?: string): AslDefinition {
  const copy = structuredClone(def);
  if (startAt) {
    if (!copy.States[startAt]) throw new Error(`cannot resume at ${startAt}: no such top-level state`);
    copy.StartAt = startAt;
    // The library refuses unreachable states: keep only what can run from the new start.
    const reachable = new Set<string>();
    const queue = [startAt];
    while (queue.length) {
      const name = queue.pop()!;
      if (reachable.has(name) || !copy.States[name]) continue;
      reachable.add(name);
      const st = copy.States[name] as Record<string, unknown>;
      for (const next of [
        st.Next,
        st.Default,
        ...((st.Choices as Array<{ Next?: string }> | undefined) ?? []).map((c) => c.Next),
        ...((st.Catch as Array<{ Next?: string }> | undefined) ?? []).map((c) => c.Next),
      ]) {
        if (typeof next === 'string') queue.push(next);
      }
    }
    for (const name of Object.keys(copy.States)) if (!reachable.has(name)) delete copy.States[name];
  }
  const walk = (machine: Machine) => {
    for (const state of Object.values(machine.States)) {
      if (isCallback(state)) {
        delete state.TimeoutSecondsPath;
        state.TimeoutSeconds = taskTimeoutSeconds;
      } else if (state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
        state.TimeoutSeconds = taskTimeoutSeconds;
      } else if (state.Type === 'Map') {
        walk((state.ItemProcessor ?? state.Iterator) as Machine);
      } else if (state.Type === 'Parallel') {
        for (const b of (state.Branches as Machine[] | undefined) ?? []) walk(b);
      }
    }
  };
  walk(copy);
  readItemsBeforeMaps(copy, taskTimeoutSeconds);
  return copy;
}

/** Evaluates a simple reference path (`$`, `$.a.b`, `$.a[0]`, `$['a']`); undefined if it can't. */
function simplePath(path: string | null | undefined, value: unknown): unknown {
  if (path === undefined || path === '$') return value;
  if (path === null || !path.startsWith('$')) return undefined;
  const tokens = path.slice(1).match(/\.[A-Za-z0-9_-]+|\[\d+\]|\['[^']*'\]/g);
  if (!tokens || tokens.join('') !== path.slice(1)) return undefined;
  let cur: unknown = value;
  for (const t of tokens) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = t.startsWith('.') ? t.slice(1) : t.startsWith("['") ? t.slice(2, -2) : Number(t.slice(1, -1));
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// running

/** Resolves the handler spec of every Task state from SWEEP_TASKS / LIFT_TASKS. */
export function stageHandlerSpecs(stages: readonly StageHandler[]): Record<string, TaskHandlerSpec> {
  return Object.fromEntries(
    stages.map((s) => [s.state, { module: join(PROJECT_ROOT, 'functions', `${s.module}.ts`), functionName: s.functionId, memoryMb: s.memoryMb, timeoutSeconds: s.timeoutSeconds }]),
  );
}

export const STAGE_TASKS: Record<WhichStateMachine, readonly StageHandler[]> = { sweep: [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS], lift: LIFT_TASKS };

/** Runs the synthesized `sweep` or `lift` state machine locally; resolves with the execution output. */
export async function runStateMachine(which: WhichStateMachine, input: unknown, opts: RunStateMachineOptions = {}): Promise<unknown> {
  const defs = await loadStateMachineDefinitions(opts.definitions);
  return runDefinition(defs[which], input, { ...opts, handlers: stageHandlerSpecs(STAGE_TASKS[which]), name: which });
}

/** Throws if a Task state has no handler (naming every such state). */
export function checkHandlers(analysis: Analysis, handlers: Record<string, TaskHandlerSpec>, name: string): void {
  const missing = [...new Set(analysis.tasks.filter((t) => !handlers[t.state]).map((t) => t.state))];
  if (missing.length) {
    throw new Error(
      `${name}: no handler for Task state${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` + '(add it to SWEEP_TASKS / LIFT_TASKS in infra/stages.ts, with the same state name as in the ASL)',
    );
  }
}

function jsonRoundTrip(state: string, value: unknown): unknown {
  const text = JSON.stringify(value ?? null);
  if (Buffer.byteLength(text) > STATE_PAYLOAD_LIMIT_BYTES) {
    throw new LambdaTaskError({
      name: 'States.DataLimitExceeded',
      message: `${state} returned ${Buffer.byteLength(text)} bytes; Step Functions allows ${STATE_PAYLOAD_LIMIT_BYTES} per state. Write big results to S3 instead.`,
    });
  }
  return JSON.parse(text);
}

/** What one run's Task handlers, event tracking and cleanup share. */
interface RunContext {
  name: string;
  definition: AslDefinition;
  opts: RunDefinitionOptions;
  analysis: Analysis;
  pool: WorkerPool | undefined;
  /** The pool was started for this run (not the caller's opts.pool): the run closes it. */
  ownsPool: boolean;
  /** The execution's task token (`$$.Task.Token`): kept across a pause, so a resume waits for the same one. */
  token: string;
  now: () => number;
  /** Top-level states' inputs as they were entered (a paused Task resumes with its input). */
  enteredInputs: Map<string, unknown>;
  /** Handler calls still running: a failed run lets them finish their writes before returning. */
  inFlight: Set<Promise<unknown>>;
  /** Set once the run has returned or thrown: late iterations the library still starts are refused. */
  settled: boolean;
  /** Set by a `.waitForTaskToken` Task that paused the execution. */
  paused?: PausedExecution;
  /** Wakes token polls when the run ends or is aborted. */
  waitAbort: AbortController;
  execution?: ReturnType<StateMachine['run']>;
}

/** Runs any ASL definition with the given handlers: the machinery behind runStateMachine. */
export async function runDefinition(definition: AslDefinition, input: unknown, opts: RunDefinitionOptions): Promise<unknown> {
  const name = opts.name ?? 'state machine';
  const analysis = analyzeDefinition(definition);
  checkHandlers(analysis, opts.handlers, name);
  if (opts.signal?.aborted) throw new StateMachineAbortedError(name);

  const ctx: RunContext = {
    name,
    definition,
    opts,
    analysis,
    pool: opts.pool ?? workerPoolFor(analysis, opts.workers),
    ownsPool: !opts.pool,
    token: opts.resume?.token ?? `${LOCAL_TOKEN_PREFIX}${name}:${randomUUID()}`,
    now: opts.now ?? Date.now,
    enteredInputs: new Map(),
    inFlight: new Set(),
    settled: false,
    waitAbort: new AbortController(),
  };
  const execution = startExecution(ctx, input);
  const onAbort = () => {
    ctx.waitAbort.abort();
    execution.abort();
    if (ctx.ownsPool) void ctx.pool?.close(); // a caller's pool is closed by its caller
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const { consumed, failures } = trackEvents(ctx, execution);
  try {
    const output = await execution.result;
    await consumed;
    return output;
  } catch (err) {
    await Promise.race([consumed, new Promise((r) => setTimeout(r, 1000))]);
    throw executionFailure(ctx, err, failures);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await endRun(ctx, execution);
  }
}

/** The worker pool for Map iterations' Tasks, when there are any and workers are wanted. */
function workerPoolFor(analysis: Analysis, requested: number | undefined): WorkerPool | undefined {
  return analysis.tasks.some((t) => t.map) ? mapWorkerPool(requested) : (checkWorkers(requested), undefined);
}

function checkWorkers(requested: number | undefined): number {
  const workers = requested ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be a non-negative integer, got ${requested}`);
  return workers;
}

/**
 * A pool for RunOptions.pool, sized as a run would size its own (default os.availableParallelism());
 * undefined for 0 workers (every handler in this thread). The caller closes it.
 */
export function mapWorkerPool(workers?: number): WorkerPool | undefined {
  const n = checkWorkers(workers);
  return n > 0 ? new WorkerPool(n) : undefined;
}

/** Starts the library's execution of the prepared definition, every Task state calling its local handler. */
function startExecution(ctx: RunContext, input: unknown): ReturnType<StateMachine['run']> {
  const localHandlers: LocalHandlers = {};
  for (const task of ctx.analysis.tasks) {
    const spec = ctx.opts.handlers[task.state];
    localHandlers[task.state] = task.style === 'callback' ? callbackTaskHandler(ctx, task, spec) : lambdaTaskHandler(ctx, task, spec);
  }
  for (const map of ctx.analysis.maps.values()) {
    if (!map.itemReader) continue;
    const state = itemReaderState(map.state);
    localHandlers[state] = (async (parameters: unknown) => (await invokeTracked(ctx, readMapItems(state, parameters))) as Awaited<JsonValue>) as LocalHandlers[string];
  }
  const machine = new StateMachine(prepareDefinition(ctx.definition, ctx.opts.taskTimeoutSeconds, ctx.opts.resume?.state) as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: true, checkPaths: true },
  });
  ctx.execution = machine.run((ctx.opts.resume ? ctx.opts.resume.input : input) as never, {
    overrides: { taskResourceLocalHandlers: localHandlers },
    context: { Task: { Token: ctx.token } } as never,
  });
  return ctx.execution;
}

/** Calls a handler, counting it in flight; a thrown error becomes Lambda's error shape. */
async function invokeTracked(ctx: RunContext, call: Promise<unknown>): Promise<unknown> {
  ctx.inFlight.add(call);
  try {
    return await call;
  } finally {
    ctx.inFlight.delete(call);
  }
}

const asLambdaError = (err: unknown) => (err instanceof LambdaTaskError ? err : new LambdaTaskError(serializeError(err)));

/** A direct or `lambda:invoke` Task: the handler in this thread, or in the pool inside a Map. */
function lambdaTaskHandler(ctx: RunContext, task: TaskInfo, spec: TaskHandlerSpec): LocalHandlers[string] {
  return async (taskInput: unknown) => {
    if (ctx.settled) throw new PoolClosedError(task.state); // an iteration the library still starts after a failure
    const payload = task.style === 'invoke' ? (taskInput as { Payload?: unknown } | null)?.Payload : taskInput;
    const call =
      ctx.pool && task.map
        ? ctx.pool.run(task.state, spec, payload)
        : invokeHandler(spec, task.state, payload).catch((err: unknown) => {
            throw asLambdaError(err);
          });
    const out = jsonRoundTrip(task.state, await invokeTracked(ctx, call));
    return (task.style === 'invoke' ? { ExecutedVersion: '$LATEST', Payload: out, StatusCode: 200 } : out) as Awaited<JsonValue>;
  };
}

/** A `.waitForTaskToken` Task: runs its handler, then waits for the token (polling or pausing) until its timeout. */
function callbackTaskHandler(ctx: RunContext, task: TaskInfo, spec: TaskHandlerSpec): LocalHandlers[string] {
  return async (taskInput: unknown) => {
    if (ctx.settled) throw new PoolClosedError(task.state);
    const payload = (taskInput as { Payload?: unknown } | null)?.Payload;
    const resume = ctx.opts.resume?.state === task.state ? ctx.opts.resume : undefined;
    const waitingSince = resume ? resume.waitingSince : new Date(ctx.now()).toISOString();
    await invokeTracked(
      ctx,
      invokeHandler(spec, task.state, payload).catch((err: unknown) => {
        throw asLambdaError(err);
      }),
    );
    const input = ctx.enteredInputs.get(task.state) ?? resume?.input;
    const timeoutSeconds = resume ? resume.timeoutSeconds : callbackTimeoutSeconds(ctx, task.state, input);
    return waitForToken(ctx, task.state, { input, waitingSince, timeoutSeconds });
  };
}

/** The Task's TimeoutSecondsPath (against the state's input), else its TimeoutSeconds, else the run's default. */
function callbackTimeoutSeconds(ctx: RunContext, state: string, input: unknown): number {
  const stateDef = ctx.definition.States[state] ?? {};
  const fromPath = typeof stateDef.TimeoutSecondsPath === 'string' ? simplePath(stateDef.TimeoutSecondsPath, input) : undefined;
  if (typeof fromPath === 'number') return fromPath;
  return typeof stateDef.TimeoutSeconds === 'number' ? stateDef.TimeoutSeconds : (ctx.opts.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS);
}

/** Polls the local token store until the token resolves or the Task times out; with `waitForTokens: 'pause'`, pauses instead. */
async function waitForToken(ctx: RunContext, state: string, wait: { input: unknown; waitingSince: string; timeoutSeconds: number }): Promise<Awaited<JsonValue>> {
  const deadline = Date.parse(wait.waitingSince) + wait.timeoutSeconds * 1000;
  const tokens = new LocalTaskTokens(workStore());
  for (;;) {
    const outcome = await tokens.outcome(ctx.token);
    if (outcome?.status === 'succeeded') return jsonRoundTrip(state, outcome.output) as Awaited<JsonValue>;
    if (outcome?.status === 'failed') throw Object.assign(new Error(outcome.cause ?? ''), { name: outcome.error ?? 'TaskFailed' });
    if (ctx.now() >= deadline) throw Object.assign(new Error(`${state} waited ${wait.timeoutSeconds} s for its task token`), { name: 'States.Timeout' });
    if ((ctx.opts.waitForTokens ?? 'poll') === 'pause') {
      ctx.paused = { machine: ctx.name, state, input: structuredClone(wait.input ?? null), token: ctx.token, waitingSince: wait.waitingSince, timeoutSeconds: wait.timeoutSeconds };
      queueMicrotask(() => ctx.execution!.abort());
      return new Promise<never>(() => {}); // the abort settles the execution
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, Math.min(ctx.opts.tokenPollMs ?? 250, Math.max(1, deadline - ctx.now())));
      ctx.waitAbort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });
    if (ctx.waitAbort.signal.aborted || ctx.settled) throw new PoolClosedError(state);
  }
}

type Failure = { state: string; index?: number; error: string; cause: string };

/** Turns the library's event log into progress events, and records which states failed (for the error). */
function trackEvents(ctx: RunContext, execution: ReturnType<StateMachine['run']>): { consumed: Promise<void>; failures: Failure[] } {
  const { analysis, opts } = ctx;
  const failures: Failure[] = [];
  const mapProgress = new Map<string, { total?: number; done: number }>();
  // a Map's `<Map>.ItemReader` Task is part of the Map (in AWS it is not a state): no progress events of its own
  const readers = new Set([...analysis.maps.values()].filter((m) => m.itemReader).map((m) => itemReaderState(m.state)));
  const emit = (e: Omit<StageEvent, 'timestamp'> & { timestamp?: number }) => {
    if (!opts.onEvent) return;
    try {
      opts.onEvent({ ...e, timestamp: e.timestamp ?? Date.now() });
    } catch {
      /* a broken progress bar must not break the run */
    }
  };
  const consumed = (async () => {
    for await (const ev of execution.eventLogs) {
      switch (ev.type) {
        case 'StateEntered': {
          if (readers.has(ev.state.name)) break;
          if (ev.index === undefined) ctx.enteredInputs.set(ev.state.name, ev.state.input);
          const map = analysis.stateMap.get(ev.state.name);
          emit({ type: 'state-entered', state: ev.state.name, index: ev.index, map, timestamp: ev.timestamp });
          const mapInfo = analysis.maps.get(ev.state.name);
          if (mapInfo) {
            const items = simplePath(mapInfo.itemsPath, simplePath(mapInfo.inputPath, ev.state.input));
            const total = Array.isArray(items) ? items.length : undefined;
            if (ev.index === undefined) mapProgress.set(ev.state.name, { total, done: 0 });
            emit({ type: 'map-started', state: ev.state.name, total, index: ev.index, map, timestamp: ev.timestamp });
          }
          break;
        }
        case 'StateExited':
          if (readers.has(ev.state.name)) break;
          emit({ type: 'state-exited', state: ev.state.name, index: ev.index, map: analysis.stateMap.get(ev.state.name), timestamp: ev.timestamp });
          break;
        case 'StateFailed': {
          const cause = typeof ev.Cause === 'string' ? ev.Cause : JSON.stringify(ev.Cause);
          failures.push({ state: ev.state.name, index: ev.index, error: ev.Error, cause });
          emit({ type: 'state-failed', state: ev.state.name, index: ev.index, map: analysis.stateMap.get(ev.state.name), error: ev.Error, cause, timestamp: ev.timestamp });
          break;
        }
        case 'StateRetried': {
          const i = failures.findLastIndex((f) => f.state === ev.state.name && f.index === ev.index);
          if (i >= 0) failures.splice(i, 1);
          emit({ type: 'state-retried', state: ev.state.name, index: ev.index, attempt: ev.retry.attempt, timestamp: ev.timestamp });
          break;
        }
        case 'MapIterationSucceeded':
        case 'MapIterationFailed': {
          const progress = mapProgress.get(ev.parentState.name) ?? { done: 0 };
          progress.done++;
          mapProgress.set(ev.parentState.name, progress);
          const failed = ev.type === 'MapIterationFailed';
          emit({
            type: failed ? 'map-iteration-failed' : 'map-iteration-done',
            state: ev.parentState.name,
            index: ev.index,
            total: progress.total,
            done: progress.done,
            ...(failed ? { error: ev.Error, cause: typeof ev.Cause === 'string' ? ev.Cause : JSON.stringify(ev.Cause) } : {}),
            timestamp: ev.timestamp,
          });
          break;
        }
        default:
          break;
      }
    }
  })();
  return { consumed, failures };
}

/** The error a failed run throws: paused, aborted, timed out, or failed in its first failing state. */
function executionFailure(ctx: RunContext, err: unknown, failures: Failure[]): unknown {
  const { name, opts, analysis } = ctx;
  if (ctx.paused && err instanceof ExecutionAbortedError && !opts.signal?.aborted) return new StateMachinePausedError(ctx.paused);
  if (err instanceof ExecutionAbortedError || opts.signal?.aborted) return new StateMachineAbortedError(name);
  if (err instanceof ExecutionTimeoutError) {
    return new StateMachineExecutionError(name, undefined, 'States.Timeout', `the execution exceeded its TimeoutSeconds`, { failedStates: [] });
  }
  if (!(err instanceof ExecutionError)) return err;
  const final = err.cause as Error;
  const origin = failures[0];
  const error = final?.name ?? 'Error';
  const cause = final?.message ?? String(err);
  let errorMessage: string | undefined;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') errorMessage = parsed.errorMessage;
  } catch {
    /* not Lambda's JSON */
  }
  return new StateMachineExecutionError(name, origin?.state, error, cause, {
    map: origin ? analysis.stateMap.get(origin.state) : undefined,
    index: origin?.index,
    failedStates: failures.map((f) => f.state),
    errorMessage,
  });
}

/** After the run, however it ended: stop what the library would still start, let handlers finish their writes, close the pool. */
async function endRun(ctx: RunContext, execution: ReturnType<StateMachine['run']>): Promise<void> {
  ctx.settled = true;
  ctx.waitAbort.abort();
  execution.abort(); // stops iterations the library would still start after a failed Map
  if (!ctx.opts.signal?.aborted) await Promise.allSettled([...ctx.inFlight]); // an abort does not wait for running handlers
  if (ctx.ownsPool) await ctx.pool?.close();
}
