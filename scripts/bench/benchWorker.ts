/** A bench worker process: runs jobs sent by the parent and reports its peak memory. */
import { readFileSync } from 'node:fs';
import { runBenchJob, type BenchJob } from './benchStages.ts';

/**
 * Peak resident memory of this process in KB. Linux's VmHWM belongs to this process's own
 * address space; getrusage's maxRSS survives fork+exec, so it would report at least the
 * parent's memory at fork time (the bench parent may hold hundreds of MB after generating).
 */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('message', async (msg: { id: number; job?: BenchJob; rss?: true }) => {
  if (msg.rss) {
    process.send!({ id: msg.id, maxRssKb: peakRssKb() });
    return;
  }
  try {
    // CPU time as well as records: the stage's cost per record, which the shared machine disturbs less than wall time
    const cpu = process.cpuUsage();
    const done = await runBenchJob(msg.job!);
    const used = process.cpuUsage(cpu);
    const { records, detail } = typeof done === 'number' ? { records: done, detail: undefined } : done;
    process.send!({ id: msg.id, records, detail, cpuMs: (used.user + used.system) / 1000 });
  } catch (err) {
    process.send!({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
process.send!({ ready: true });
