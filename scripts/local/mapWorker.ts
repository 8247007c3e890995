/**
 * Pool worker: runs stage handlers for Map iterations. Started by workerPool.ts with tsx loaded
 * (`--import tsx`), so it imports the same TypeScript handler modules as the main thread, and
 * with SHARE_ENV, so it sees the embedded stack's environment.
 */
import { parentPort } from 'node:worker_threads';
import { invokeHandler, serializeError, type TaskHandlerSpec } from './lambdaHandlers.ts';

export interface WorkerJob {
  id: number;
  state: string;
  spec: TaskHandlerSpec;
  input: unknown;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ReturnType<typeof serializeError> };

if (!parentPort) throw new Error('mapWorker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (job: WorkerJob) => {
  invokeHandler(job.spec, job.state, job.input).then(
    (result) => {
      try {
        port.postMessage({ id: job.id, ok: true, result } satisfies WorkerReply);
      } catch (err) {
        // e.g. a result that cannot be structured-cloned
        port.postMessage({ id: job.id, ok: false, error: serializeError(err) } satisfies WorkerReply);
      }
    },
    (err: unknown) => port.postMessage({ id: job.id, ok: false, error: serializeError(err) } satisfies WorkerReply),
  );
});
port.postMessage({ ready: true });
