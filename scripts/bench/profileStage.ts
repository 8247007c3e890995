/**
 * One stage of a kept bench run, in this process, for a CPU profile (docs/scale.md lists the top frames):
 *   npm run bench -- --accounts 20000 --seed 7 --keep
 *   node --import tsx --cpu-prof --cpu-prof-dir /tmp/prof scripts/bench/profileStage.ts bench-out/work-20000-7 partition [comments]
 *   node --import tsx scripts/bench/topFrames.ts /tmp/prof/<file>.cpuprofile
 * Stages: partition (optionally one record kind), group (optionally one channel), resolve (optionally one bucket).
 * Prints µs per record, so a change is judged on the same work folder before and after.
 */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { runBenchJob, type BenchJob } from './benchStages.ts';

const [workDir, stage, only] = process.argv.slice(2);
const sweepId = 'bench';
const { plan } = await loadSweepContext(new LocalFolderStore(workDir), sweepId);
const jobs: BenchJob[] =
  stage === 'partition'
    ? plan.parts.filter((p) => !only || p.kind === only).map((item) => ({ stage, workDir, sweepId, item }))
    : stage === 'group'
      ? plan.channelBuckets.filter((c) => !only || c.channel === only).map((item) => ({ stage, workDir, sweepId, item }))
      : stage === 'resolve'
        ? plan.accountBuckets.filter((b) => !only || b === Number(only)).map((item) => ({ stage: 'resolve', workDir, sweepId, item }))
        : [];
if (jobs.length === 0) throw new Error(`usage: profileStage.ts <workDir> partition|group|resolve [kind|channel|bucket]`);
const started = performance.now();
const cpu = process.cpuUsage();
let n = 0;
for (const job of jobs) {
  const done = await runBenchJob(job);
  n += typeof done === 'number' ? done : done.records;
}
const ms = performance.now() - started;
// CPU time is what a busy shared machine disturbs least (wall time includes waiting for the other engineers' jobs)
const { user, system } = process.cpuUsage(cpu);
console.log(
  `${stage}${only ? ` ${only}` : ''}: ${n} records in ${(ms / 1000).toFixed(1)} s wall, ${((user + system) / 1e6).toFixed(1)} s CPU; ${((ms / n) * 1000).toFixed(1)} µs/record wall, ${((user + system) / n).toFixed(1)} µs/record CPU`,
);
