/** The sweep's failure path: what it writes to the Sweeps table, and what it leaves alone. */
import { describe, expect, it } from 'vitest';
import { failureMessage, recordSweepFailure } from '#shared/pipeline/recordSweepFailure';
import type { SweepRecord, SweepRegistry } from '#shared/ports/sweepRegistry';

/** An in-memory SweepRegistry (the port; the DynamoDB adapter is exercised in tests/integration). */
function memoryRegistry(): SweepRegistry & { records: Map<string, Partial<SweepRecord>> } {
  const records = new Map<string, Partial<SweepRecord>>();
  return {
    records,
    started: async (r) => void records.set(r.sweepId, r),
    finished: async (id, summary, at) => void records.set(id, { ...records.get(id), status: 'complete', summary, finishedAt: at }),
    failed: async (id, error, at) => void records.set(id, { ...records.get(id), status: 'failed', error, finishedAt: at }),
    get: async (id) => records.get(id) as SweepRecord | undefined,
    list: async () => [...records.values()] as SweepRecord[],
  };
}

describe('recording a failed sweep', () => {
  it('keeps the message of a Lambda error cause and drops its stack trace', () => {
    const cause = JSON.stringify({ errorType: 'SnapshotError', errorMessage: 'comments/part-00000.jsonl.gz: incorrect header check', trace: ['at gunzip (zlib.js:1)'] });
    expect(failureMessage({ Error: 'SnapshotError', Cause: cause })).toBe('SnapshotError: comments/part-00000.jsonl.gz: incorrect header check');
  });

  it('takes a plain-text cause as it is, names an error without a cause, and bounds the length', () => {
    expect(failureMessage({ Error: 'States.Timeout', Cause: 'Task timed out' })).toBe('States.Timeout: Task timed out');
    expect(failureMessage({ Error: 'Lambda.Unknown' })).toBe('Lambda.Unknown');
    const long = failureMessage({ Error: 'E', Cause: 'x'.repeat(2000) });
    expect(long.length).toBe(500);
    expect(long.endsWith('…')).toBe(true);
  });

  it('marks the sweep failed with the message', async () => {
    const reg = memoryRegistry();
    await reg.started({ sweepId: 's1', status: 'running', snapshot: 'x', snapshotId: 'y', policyVersion: 'p', startedAt: 't0' });
    expect(await recordSweepFailure(reg, 's1', { Error: 'InvalidStageInput', Cause: 'partition: invalid input' }, 't1')).toBe('recorded');
    expect(reg.records.get('s1')).toMatchObject({ status: 'failed', error: 'InvalidStageInput: partition: invalid input', finishedAt: 't1', snapshotId: 'y' });
  });

  it('a refused conflicting request leaves the sweep holding that id untouched', async () => {
    const reg = memoryRegistry();
    await reg.started({ sweepId: 's1', status: 'running', snapshot: 'x', snapshotId: 'y', policyVersion: 'p', startedAt: 't0' });
    expect(await recordSweepFailure(reg, 's1', { Error: 'SweepConflictError', Cause: 'sweep id s1 already used with another snapshot' }, 't1')).toBe('refusal');
    expect(reg.records.get('s1')).toMatchObject({ status: 'running' });
  });
});
