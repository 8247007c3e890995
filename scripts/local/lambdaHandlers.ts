/**
 * Calling a stage handler the way Lambda would, in this thread or in a pool worker: load the
 * module once, build a minimal Lambda context, and turn a thrown error into what Step Functions
 * reports for a failed Lambda task (Error = the error's name, Cause = the runtime's JSON).
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

/** Where a Task state's handler lives and how its Lambda is sized. */
export interface TaskHandlerSpec {
  /** Absolute path or file: URL of the module. */
  module: string;
  /** Export to call (default `handler`). */
  exportName?: string;
  functionName?: string;
  memoryMb?: number;
  /** Lambda timeout; only feeds context.getRemainingTimeInMillis (nothing is killed locally). */
  timeoutSeconds?: number;
}

/** A handler error as it crosses a thread boundary. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

type Handler = (event: unknown, context: Context) => unknown;

const loaded = new Map<string, Promise<Handler>>();

export function moduleUrl(module: string): string {
  return module.startsWith('file:') ? module : isAbsolute(module) ? pathToFileURL(module).href : module;
}

export function loadHandler(spec: TaskHandlerSpec): Promise<Handler> {
  const url = moduleUrl(spec.module);
  const exportName = spec.exportName ?? 'handler';
  const key = `${url}#${exportName}`;
  let p = loaded.get(key);
  if (!p) {
    p = import(url).then((mod: Record<string, unknown>) => {
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${spec.module} has no exported function \`${exportName}\``);
      return fn as Handler;
    });
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

export function lambdaContext(spec: TaskHandlerSpec, state: string): Context {
  const functionName = spec.functionName ?? state;
  const deadline = Date.now() + (spec.timeoutSeconds ?? 900) * 1000;
  const noop = () => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(spec.memoryMb ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
}

/** Runs the handler; the result is what a payloadResponseOnly Task outputs (undefined → null, as Lambda does). */
export async function invokeHandler(spec: TaskHandlerSpec, state: string, input: unknown): Promise<unknown> {
  const fn = await loadHandler(spec);
  const out = await fn(input, lambdaContext(spec, state));
  return out === undefined ? null : out;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name || 'Error', message: err.message, stack: err.stack };
  return { name: 'Error', message: typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err)) };
}

/**
 * The error a failed Lambda Task raises in Step Functions: `Error` is the error type and
 * `Cause` the runtime's JSON `{ errorType, errorMessage, trace }`.
 */
export class LambdaTaskError extends Error {
  readonly errorMessage: string;
  constructor(e: SerializedError) {
    const trace = (e.stack ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    super(JSON.stringify({ errorType: e.name, errorMessage: e.message, trace }));
    this.name = e.name;
    this.errorMessage = e.message;
  }
}
