import { runBenchJob, type BenchJob } from './benchStages.ts';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
const [workDir, stage, k, n] = process.argv.slice(2);
const ctx = await loadSweepContext(new LocalFolderStore(workDir), 'bench');
const items: unknown[] = stage === 'group' ? ctx.plan.channelBuckets : ctx.plan.accountBuckets;
let recs = 0;
for (let i = Number(k); i < items.length; i += Number(n)) recs += await runBenchJob({ stage, workDir, sweepId: 'bench', item: items[i] } as BenchJob);
console.log(stage, k, recs);
