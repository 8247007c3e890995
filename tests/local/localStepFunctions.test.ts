import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStateMachineDefinitions, mapWorkerPool, runDefinition, StateMachineExecutionError, type StageEvent } from '#scripts/local/localStepFunctions';
import { liveWorkerThreads } from '#scripts/local/workerPool';
import { SYNTHETIC_HANDLERS, SYNTHETIC_MACHINE } from './fixtures/syntheticMachine.ts';

const ITEMS = [1, 2, 3, 4, 5, 6, 7, 8];
const SUM_OF_SQUARES = ITEMS.reduce((a, i) => a + i * i, 0);

interface SyntheticOutput {
  sum: number;
  count: number;
  threads: number;
  anyInMain: boolean;
  prepared: { mainThread: boolean; functionName: string };
}

afterEach(() => {
  delete process.env.CRACKDOWN_SYNTHETIC_TAG;
});

async function failure(p: Promise<unknown>): Promise<StateMachineExecutionError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StateMachineExecutionError) return err;
    throw err;
  }
  throw new Error('the execution succeeded');
}

describe('local Step Functions runner', () => {
  it('runs a Distributed Map with its iterations in worker threads, reporting per-stage progress', { timeout: 60_000 }, async () => {
    const events: StageEvent[] = [];
    const out = (await runDefinition(
      SYNTHETIC_MACHINE,
      { items: ITEMS, options: {} },
      {
        handlers: SYNTHETIC_HANDLERS,
        workers: 2,
        onEvent: (e) => events.push(e),
      },
    )) as SyntheticOutput;

    expect(out.sum).toBe(SUM_OF_SQUARES);
    expect(out.count).toBe(ITEMS.length);
    expect(out.anyInMain).toBe(false); // every iteration ran in a worker
    expect(out.threads).toBeGreaterThanOrEqual(1);
    expect(out.threads).toBeLessThanOrEqual(2); // pool size
    expect(out.prepared).toMatchObject({ mainThread: true, functionName: 'PrepareFn' }); // top-level Task in this thread

    expect(events.find((e) => e.type === 'map-started')).toMatchObject({ state: 'SquareItems', total: ITEMS.length });
    const done = events.filter((e) => e.type === 'map-iteration-done');
    expect(done.map((e) => e.index).sort((a, b) => a! - b!)).toEqual(ITEMS.map((_, i) => i));
    expect(done.map((e) => e.done)).toEqual(ITEMS.map((_, i) => i + 1));
    expect(done.every((e) => e.total === ITEMS.length && e.state === 'SquareItems')).toBe(true);
    expect(events.filter((e) => e.type === 'state-entered' && e.state === 'SquareItem').every((e) => e.map === 'SquareItems')).toBe(true);
    expect(events.filter((e) => e.type === 'state-exited' && e.index === undefined).map((e) => e.state)).toEqual(['Prepare', 'SquareItems', 'Total']);
    expect(liveWorkerThreads()).toBe(0);
  });

  it('a caller’s pool serves run after run without being closed or restarted, and its caller closes it', { timeout: 60_000 }, async () => {
    const pool = mapWorkerPool(2)!;
    try {
      const first = (await runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: {} }, { handlers: SYNTHETIC_HANDLERS, pool })) as SyntheticOutput;
      const second = (await runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: {} }, { handlers: SYNTHETIC_HANDLERS, pool })) as SyntheticOutput;
      for (const out of [first, second]) {
        expect(out).toMatchObject({ sum: SUM_OF_SQUARES, count: ITEMS.length, anyInMain: false });
        expect(out.threads).toBeLessThanOrEqual(2);
      }
      expect(pool.started).toBeLessThanOrEqual(2); // the second run reused the first run's workers
      expect(liveWorkerThreads()).toBe(pool.started);
    } finally {
      await pool.close();
    }
    expect(liveWorkerThreads()).toBe(0);
    expect(mapWorkerPool(0)).toBeUndefined();
  });

  it('workers see the environment set in the main thread (what the embedded stack sets)', { timeout: 60_000 }, async () => {
    process.env.CRACKDOWN_SYNTHETIC_TAG = 'from-main';
    const { Next: _next, ResultPath: _resultPath, Catch: _catch, ...map } = SYNTHETIC_MACHINE.States.SquareItems;
    const machine = { StartAt: 'SquareItems', States: { SquareItems: { ...map, End: true } } };
    const out = (await runDefinition(machine, { items: [3], options: {} }, { handlers: SYNTHETIC_HANDLERS, workers: 1 })) as Array<{ env: string; mainThread: boolean }>;
    expect(out).toEqual([expect.objectContaining({ env: 'from-main', mainThread: false, square: 9 })]);
  });

  it('workers: 0 runs every handler in this thread', { timeout: 60_000 }, async () => {
    const out = (await runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: {} }, { handlers: SYNTHETIC_HANDLERS, workers: 0 })) as SyntheticOutput;
    expect(out.sum).toBe(SUM_OF_SQUARES);
    expect(out.anyInMain).toBe(true);
  });

  for (const workers of [2, 0]) {
    it(`a handler error ${workers ? 'in a worker' : 'in this thread'} fails the execution with the state, item, error and cause`, { timeout: 60_000 }, async () => {
      const events: StageEvent[] = [];
      const err = await failure(
        runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: { failOn: 4 } }, { handlers: SYNTHETIC_HANDLERS, workers, name: 'synthetic', onEvent: (e) => events.push(e) }),
      );
      expect(err.state).toBe('SquareItem');
      expect(err.details.map).toBe('SquareItems');
      expect(err.details.index).toBe(3);
      expect(err.error).toBe('ItemRejected');
      expect(JSON.parse(err.cause)).toMatchObject({ errorType: 'ItemRejected', errorMessage: 'item 4 is not allowed' });
      expect(err.details.errorMessage).toBe('item 4 is not allowed');
      expect(err.details.failedStates).toEqual(['SquareItem', 'SquareItems', 'Failed']);
      expect(err.message).toMatch(/synthetic execution failed in state SquareItem \(SquareItems item 3\): ItemRejected: item 4 is not allowed/);
      expect(events).toContainEqual(expect.objectContaining({ type: 'map-iteration-failed', state: 'SquareItems', index: 3, error: 'ItemRejected' }));
      expect(liveWorkerThreads()).toBe(0);
    });
  }

  it('a worker thread that crashes fails its Task (Runtime.ExitError) instead of hanging the run', { timeout: 60_000 }, async () => {
    const err = await failure(runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: { crashOn: 2 } }, { handlers: SYNTHETIC_HANDLERS, workers: 2 }));
    expect(err.state).toBe('SquareItem');
    expect(err.details.index).toBe(1);
    expect(err.error).toBe('Runtime.ExitError');
    expect(err.details.errorMessage).toMatch(/worker thread running SquareItem exited with code 1: Error: worker crash on item 2/);
    expect(liveWorkerThreads()).toBe(0);
  });

  // The handlers never finish: a run that waited for them after an abort would never settle, and the test's timeout fails it.
  it('an abort signal stops the run without waiting for running handlers and terminates the workers', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const run = runDefinition(
      SYNTHETIC_MACHINE,
      { items: ITEMS, options: { hang: true } },
      {
        handlers: SYNTHETIC_HANDLERS,
        workers: 2,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'state-entered' && e.state === 'SquareItem') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(liveWorkerThreads()).toBe(0);
  });

  it('runs lambda:invoke-style Tasks too, handing the handler the Payload and wrapping its result', async () => {
    const { sweep } = await loadStateMachineDefinitions({ template: fileURLToPath(new URL('./fixtures/miniTemplate.json', import.meta.url)) });
    const module = fileURLToPath(new URL('./fixtures/syntheticHandlers.ts', import.meta.url));
    const out = await runDefinition(
      sweep,
      { n: 1 },
      {
        handlers: { Work: { module, exportName: 'echo', functionName: 'WorkFn' }, Publish: { module, exportName: 'echo', functionName: 'PublishFn' } },
        workers: 0,
      },
    );
    expect(out).toEqual({
      ExecutedVersion: '$LATEST',
      StatusCode: 200,
      Payload: { echoed: { echoed: { n: 1 }, by: 'WorkFn' }, by: 'PublishFn' },
    });
  });

  it('a Task result over 256 KiB fails as States.DataLimitExceeded, as it would in AWS', async () => {
    const module = fileURLToPath(new URL('./fixtures/syntheticHandlers.ts', import.meta.url));
    const machine = { StartAt: 'Big', States: { Big: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:Big', End: true } } };
    const err = await failure(runDefinition(machine, {}, { handlers: { Big: { module, exportName: 'oversized' } }, workers: 0 }));
    expect(err.state).toBe('Big');
    expect(err.error).toBe('States.DataLimitExceeded');
  });

  it('a Task state with no handler is refused before anything runs', async () => {
    const { SquareItem: _omitted, ...handlers } = SYNTHETIC_HANDLERS;
    await expect(runDefinition(SYNTHETIC_MACHINE, { items: ITEMS, options: {} }, { handlers, name: 'synthetic' })).rejects.toThrow(/synthetic: no handler for Task state SquareItem/);
  });
});
