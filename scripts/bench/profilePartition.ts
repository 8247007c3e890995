/**
 * Partition alone, in this process, for a CPU profile of the shuffle's map side:
 *   npm run bench -- --accounts 20000 --seed 7 --keep
 *   node --import tsx --cpu-prof --cpu-prof-dir /tmp/prof scripts/bench/profilePartition.ts bench-out/work-20000-7 [comments]
 */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { CHANNELS } from '#shared/detect/registry';
import { partitionPart } from '#shared/pipeline/partitionPart';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
const [workDir, kind] = process.argv.slice(2);
const work = new LocalFolderStore(workDir);
const ctx = await loadSweepContext(work, 'bench');
const t = performance.now();
let n = 0;
for (const item of ctx.plan.parts.filter((p) => !kind || p.kind === kind)) {
  n += (await partitionPart(work, new LocalFolderStore(ctx.plan.snapshot), ctx.plan, item, CHANNELS, ctx.detect)).lines;
}
console.log(n, 'records', (((performance.now() - t) / n) * 1000).toFixed(1), 'us/record');
