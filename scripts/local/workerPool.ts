/**
 * A worker_threads pool for Map iterations. Workers load tsx's ESM hooks themselves (an eval
 * bootstrap calls `register()` from tsx/esm/api, then imports mapWorker.ts): this works on
 * Node 20 and 22 alike, where `execArgv: ['--import', 'tsx']` does not on Node 20. Workers share
 * the main thread's environment (SHARE_ENV), are spawned lazily up to `size`, run one job at a
 * time, are replaced if they die, and are all terminated by close().
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { LambdaTaskError, type SerializedError, type TaskHandlerSpec } from './lambdaHandlers.ts';
import type { WorkerJob, WorkerReply } from './mapWorker.ts';

interface Pending {
  job: WorkerJob;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  current?: Pending;
  lastError?: Error;
}

/** The pool was closed (run finished or aborted) before or while the job ran. */
export class PoolClosedError extends Error {
  constructor(state: string) {
    super(`worker pool closed before ${state} finished`);
    this.name = 'PoolClosedError';
  }
}

let bootstrap: string | undefined;
let liveThreads = 0;

/** Worker threads started by any pool that have not exited yet (tests check it drops to 0). */
export function liveWorkerThreads(): number {
  return liveThreads;
}

/** Eval'd worker code: register tsx's hooks in this thread, then load the worker module. */
function workerBootstrap(): string {
  if (!bootstrap) {
    const require = createRequire(import.meta.url);
    const pkgJson = require.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    const api = pathToFileURL(join(dirname(pkgJson), pkg.exports['./esm/api'].import.default)).href;
    const entry = new URL('./mapWorker.ts', import.meta.url).href;
    bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  }
  return bootstrap;
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private closing?: Promise<void>;
  /** Workers started over the pool's life (replacements included). */
  started = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`worker pool size must be a positive integer, got ${size}`);
  }

  run(state: string, spec: TaskHandlerSpec, input: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new PoolClosedError(state));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, state, spec, input }, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker; queued and running jobs reject with PoolClosedError. */
  close(): Promise<void> {
    this.closing ??= this.terminateAll();
    return this.closing;
  }

  private async terminateAll(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PoolClosedError(p.job.state));
    const slots = [...this.slots];
    this.slots.clear();
    for (const s of slots) {
      s.current?.reject(new PoolClosedError(s.current.job.state));
      s.current = undefined;
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private pump(): void {
    while (!this.closed && this.queue.length) {
      let slot = [...this.slots].find((s) => !s.current);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      const next = this.queue.shift()!;
      slot.current = next;
      try {
        slot.worker.postMessage(next.job);
      } catch (err) {
        // e.g. an input that cannot be cloned: fail this job, keep the worker
        slot.current = undefined;
        next.reject(err);
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerBootstrap(), { eval: true, env: SHARE_ENV, stdout: false, stderr: false });
    const slot: Slot = { worker };
    this.started++;
    liveThreads++;
    worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if (!('id' in msg)) return;
      const p = slot.current;
      if (!p || p.job.id !== msg.id) return;
      slot.current = undefined;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new LambdaTaskError(msg.error));
      this.pump();
    });
    worker.on('error', (err) => {
      slot.lastError = err; // an uncaught error inside the worker; 'exit' follows
    });
    worker.on('exit', (code) => {
      liveThreads--;
      if (!this.slots.delete(slot)) return; // closed on purpose
      const p = slot.current;
      slot.current = undefined;
      if (p) {
        const why = slot.lastError ? `: ${slot.lastError.name}: ${slot.lastError.message}` : '';
        const error: SerializedError = {
          name: 'Runtime.ExitError',
          message: `worker thread running ${p.job.state} exited with code ${code}${why}`,
          stack: slot.lastError?.stack,
        };
        p.reject(new LambdaTaskError(error));
      }
      this.pump(); // replaces the worker if jobs wait
    });
    this.slots.add(slot);
    return slot;
  }
}
