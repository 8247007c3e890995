/**
 * Worker-thread entry: produces the cohorts it is sent (in increasing order) and posts their bytes back.
 * Started by cohortPool.ts with tsx preloaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CohortProducer, type CohortTask } from './cohortOutput.ts';

if (!parentPort) throw new Error('cohortWorker.ts must run in a worker thread');
const port = parentPort;
const producer = new CohortProducer(workerData as CohortTask);

port.on('message', (k: number) => {
  try {
    port.postMessage({ ok: true, output: producer.produce(k) });
  } catch (error) {
    port.postMessage({ ok: false, index: k, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
