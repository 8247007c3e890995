/**
 * Where cohorts come from: produced in this thread, or by worker threads in parallel. Either way they are
 * handed out strictly in cohort order, with a bounded number in flight (memory stays flat), and the bytes are
 * identical: a cohort's output depends only on the task and its index.
 */
import { Worker } from 'node:worker_threads';
import { CohortProducer, type CohortOutput, type CohortTask } from './cohortOutput.ts';

export interface CohortSource {
  /** The next cohort in order, or undefined when all are done. */
  next(): Promise<CohortOutput | undefined>;
  close(): Promise<void>;
}

export function inProcessSource(task: CohortTask): CohortSource {
  const producer = new CohortProducer(task);
  let k = 0;
  return {
    async next() {
      return k < task.cohorts ? producer.produce(k++) : undefined;
    },
    async close() {},
  };
}

type Reply = { ok: true; output: CohortOutput } | { ok: false; index: number; error: string };

/**
 * `workers` threads, cohort k going to worker k mod workers (so each sees increasing indices), at most
 * `ahead` cohorts per worker in flight.
 */
export function workerSource(task: CohortTask, workers: number, ahead = 1): CohortSource {
  const pool = Array.from(
    { length: workers },
    () => new Worker(new URL('./cohortWorker.boot.mjs', import.meta.url), { workerData: task, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  const waiting = new Map<number, { resolve: (o: CohortOutput) => void; reject: (e: Error) => void; promise: Promise<CohortOutput> }>();
  let failure: Error | undefined;
  let sent = 0;
  let taken = 0;

  const expect = (k: number) => {
    let resolve!: (o: CohortOutput) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<CohortOutput>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined);
    waiting.set(k, { resolve, reject, promise });
  };
  const failAll = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
  };
  for (const w of pool) {
    w.on('message', (reply: Reply) => {
      if (reply.ok) waiting.get(reply.output.index)?.resolve(reply.output);
      else failAll(new Error(`cohort ${reply.index} failed in a worker: ${reply.error}`));
    });
    w.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
    w.on('exit', (code) => {
      if (code !== 0 && taken < task.cohorts) failAll(new Error(`cohort worker exited with code ${code}`));
    });
  }
  const fill = () => {
    while (sent < task.cohorts && sent < taken + workers * ahead) {
      expect(sent);
      pool[sent % workers].postMessage(sent);
      sent++;
    }
  };
  return {
    async next() {
      if (failure) throw failure;
      if (taken >= task.cohorts) return undefined;
      fill();
      const entry = waiting.get(taken)!;
      const output = await entry.promise;
      waiting.delete(taken);
      taken++;
      fill();
      return output;
    },
    async close() {
      taken = task.cohorts;
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
