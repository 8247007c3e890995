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
 * ItemReader, ItemBatcher and ResultWriter are refused (the sweep uses none).
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
import {
  loadStateMachineDefinitions,
  type AslDefinition,
  type AslState,
  type LoadDefinitionsOptions,
  type WhichStateMachine,
} from './stateMachineTemplate.ts';
import { PoolClosedError, WorkerPool } from './workerPool.ts';

export { loadStateMachineDefinitions, type AslDefinition, type StateMachineDefinitions } from './stateMachineTemplate.ts';
export type { TaskHandlerSpec } from './lambdaHandlers.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Step Functions' limit on a state's input/output (256 KiB); a bigger Task result fails in AWS. */
export const STATE_PAYLOAD_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_TASK_TIMEOUT_SECONDS = 24 * 60 * 60;

export type StageEventType =
  | 'state-entered'
  | 'state-exited'
  | 'state-failed'
  | 'state-retried'
  | 'map-started'
  | 'map-iteration-done'
  | 'map-iteration-failed';

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
        for (const unsupported of ['ItemReader', 'ItemBatcher', 'ResultWriter']) {
          if (unsupported in state) throw new Error(`Map state ${name} uses ${unsupported}, which the local runner does not support`);
        }
        out.maps.set(name, { state: name, itemsPath: state.ItemsPath as string | undefined, inputPath: state.InputPath as string | null | undefined, parentMap: map });
        walk(processor, name);
      } else if (state.Type === 'Parallel') {
        for (const branch of (state.Branches as Machine[] | undefined) ?? []) walk(branch, map);
      }
    }
  };
  walk(def);
  return out;
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
      for (const next of [st.Next, st.Default, ...((st.Choices as Array<{ Next?: string }> | undefined) ?? []).map((c) => c.Next), ...((st.Catch as Array<{ Next?: string }> | undefined) ?? []).map((c) => c.Next)]) {
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
    stages.map((s) => [
      s.state,
      { module: join(PROJECT_ROOT, 'functions', `${s.module}.ts`), functionName: s.functionId, memoryMb: s.memoryMb, timeoutSeconds: s.timeoutSeconds },
    ]),
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
      `${name}: no handler for Task state${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        '(add it to SWEEP_TASKS / LIFT_TASKS in infra/stages.ts, with the same state name as in the ASL)',
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

/** Runs any ASL definition with the given handlers: the machinery behind runStateMachine. */
export async function runDefinition(definition: AslDefinition, input: unknown, opts: RunDefinitionOptions): Promise<unknown> {
  const name = opts.name ?? 'state machine';
  const analysis = analyzeDefinition(definition);
  checkHandlers(analysis, opts.handlers, name);
  if (opts.signal?.aborted) throw new StateMachineAbortedError(name);

  const workers = opts.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be a non-negative integer, got ${opts.workers}`);
  const usePool = workers > 0 && analysis.tasks.some((t) => t.map);
  const pool = usePool ? new WorkerPool(workers) : undefined;

  let settled = false;
  const inFlight = new Set<Promise<unknown>>();
  const taskByState = new Map(analysis.tasks.map((t) => [t.state, t]));
  const localHandlers: LocalHandlers = {};
  const token = opts.resume?.token ?? `${LOCAL_TOKEN_PREFIX}${name}:${randomUUID()}`;
  const enteredInputs = new Map<string, unknown>();
  let paused: PausedExecution | undefined;
  const waitAbort = new AbortController();
  for (const task of taskByState.values()) {
    const spec = opts.handlers[task.state];
    if (task.style === 'callback') {
      localHandlers[task.state] = async (taskInput: unknown) => {
        if (settled) throw new PoolClosedError(task.state);
        const payload = (taskInput as { Payload?: unknown } | null)?.Payload;
        const resuming = opts.resume?.state === task.state;
        const waitingSince = resuming ? opts.resume!.waitingSince : new Date().toISOString();
        const call = invokeHandler(spec, task.state, payload).catch((err: unknown) => {
          throw err instanceof LambdaTaskError ? err : new LambdaTaskError(serializeError(err));
        });
        inFlight.add(call);
        try {
          await call;
        } finally {
          inFlight.delete(call);
        }
        const stateDef = definition.States[task.state] ?? {};
        const input = enteredInputs.get(task.state) ?? (resuming ? opts.resume!.input : undefined);
        const fromPath = typeof stateDef.TimeoutSecondsPath === 'string' ? simplePath(stateDef.TimeoutSecondsPath, input) : undefined;
        const timeoutSeconds = resuming
          ? opts.resume!.timeoutSeconds
          : typeof fromPath === 'number' ? fromPath : typeof stateDef.TimeoutSeconds === 'number' ? stateDef.TimeoutSeconds : opts.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS;
        const deadline = Date.parse(waitingSince) + timeoutSeconds * 1000;
        const tokens = new LocalTaskTokens(workStore());
        for (;;) {
          const outcome = await tokens.outcome(token);
          if (outcome?.status === 'succeeded') return jsonRoundTrip(task.state, outcome.output) as Awaited<JsonValue>;
          if (outcome?.status === 'failed') throw Object.assign(new Error(outcome.cause ?? ''), { name: outcome.error ?? 'TaskFailed' });
          if (Date.now() >= deadline) throw Object.assign(new Error(`${task.state} waited ${timeoutSeconds} s for its task token`), { name: 'States.Timeout' });
          if ((opts.waitForTokens ?? 'poll') === 'pause') {
            paused = { machine: name, state: task.state, input: structuredClone(input ?? null), token, waitingSince, timeoutSeconds };
            queueMicrotask(() => execution.abort());
            return new Promise<never>(() => {}); // the abort settles the execution
          }
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, Math.min(opts.tokenPollMs ?? 250, Math.max(1, deadline - Date.now())));
            waitAbort.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
          });
          if (waitAbort.signal.aborted || settled) throw new PoolClosedError(task.state);
        }
      };
      continue;
    }
    localHandlers[task.state] = async (taskInput: unknown) => {
      if (settled) throw new PoolClosedError(task.state); // an iteration the library still starts after a failure
      const payload = task.style === 'invoke' ? (taskInput as { Payload?: unknown } | null)?.Payload : taskInput;
      const call = pool && task.map
        ? pool.run(task.state, spec, payload)
        : invokeHandler(spec, task.state, payload).catch((err: unknown) => {
            throw err instanceof LambdaTaskError ? err : new LambdaTaskError(serializeError(err));
          });
      inFlight.add(call);
      try {
        const out = jsonRoundTrip(task.state, await call);
        return (task.style === 'invoke' ? { ExecutedVersion: '$LATEST', Payload: out, StatusCode: 200 } : out) as Awaited<JsonValue>;
      } finally {
        inFlight.delete(call);
      }
    };
  }

  const machine = new StateMachine(prepareDefinition(definition, opts.taskTimeoutSeconds, opts.resume?.state) as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: true, checkPaths: true },
  });
  const execution = machine.run((opts.resume ? opts.resume.input : input) as never, {
    overrides: { taskResourceLocalHandlers: localHandlers },
    context: { Task: { Token: token } } as never,
  });

  const onAbort = () => {
    waitAbort.abort();
    execution.abort();
    void pool?.close();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  // Progress events, and the record of which states failed.
  const failures: Array<{ state: string; index?: number; error: string; cause: string }> = [];
  const mapProgress = new Map<string, { total?: number; done: number }>();
  const emit = (e: Omit<StageEvent, 'timestamp'> & { timestamp?: number }) => {
    if (!opts.onEvent) return;
    try {
      opts.onEvent({ ...e, timestamp: e.timestamp ?? Date.now() });
    } catch {
      /* a broken progress bar must not break the run */
    }
  };
  const consume = (async () => {
    for await (const ev of execution.eventLogs) {
      switch (ev.type) {
        case 'StateEntered': {
          if (ev.index === undefined) enteredInputs.set(ev.state.name, ev.state.input);
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

  try {
    const output = await execution.result;
    await consume;
    return output;
  } catch (err) {
    await Promise.race([consume, new Promise((r) => setTimeout(r, 1000))]);
    if (paused && err instanceof ExecutionAbortedError && !opts.signal?.aborted) throw new StateMachinePausedError(paused);
    if (err instanceof ExecutionAbortedError || opts.signal?.aborted) throw new StateMachineAbortedError(name);
    if (err instanceof ExecutionTimeoutError) {
      throw new StateMachineExecutionError(name, undefined, 'States.Timeout', `the execution exceeded its TimeoutSeconds`, { failedStates: [] });
    }
    if (err instanceof ExecutionError) {
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
      throw new StateMachineExecutionError(name, origin?.state, error, cause, {
        map: origin ? analysis.stateMap.get(origin.state) : undefined,
        index: origin?.index,
        failedStates: failures.map((f) => f.state),
        errorMessage,
      });
    }
    throw err;
  } finally {
    settled = true;
    waitAbort.abort();
    opts.signal?.removeEventListener('abort', onAbort);
    execution.abort(); // stops iterations the library would still start after a failed Map
    if (!opts.signal?.aborted) await Promise.allSettled([...inFlight]); // let running handlers finish their writes
    await pool?.close();
  }
}
