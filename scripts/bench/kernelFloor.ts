/**
 * The detection work alone, without the shuffle: how fast could detect+decide be if writing, reading and grouping
 * the shuffle cost nothing? Over a kept bench work folder (`npm run bench -- --keep`), in this process:
 *   node --import tsx scripts/bench/kernelFloor.ts <workDir>
 * - read+parse: the bench's floor (gunzip, split, JSON.parse);
 * - read+validate: the same through the snapshot reader partition uses (the contract's schemas);
 * - channel keys: read+validate and every enabled channel's `keys` per record, nothing written;
 * - account detectors: each account bucket's bundles loaded (not timed), then `detectAccount` per account.
 * CPU µs per snapshot record; the ratio read+parse / (keys + detectors) bounds detect+decide's ratio from above.
 */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { detectAccount } from '#shared/detect/detectAccount';
import { recordSchemasFor } from '#shared/contract/snapshotRecords';
import { loadAccountBundles, loadCommonPhrases } from '#shared/pipeline/resolveBucket';
import { loadSweepContext } from '#shared/pipeline/sweepContext';
import { openPart, readLines, readPartBatches } from '#shared/snapshot/readPart';

const [workDir] = process.argv.slice(2);
if (!workDir) throw new Error('usage: kernelFloor.ts <workDir>');
const work = new LocalFolderStore(workDir);
const ctx = await loadSweepContext(work, 'bench');
const snapshot = new LocalFolderStore(ctx.plan.snapshot);
const schemas = recordSchemasFor(ctx.plan.takenAt);
const channels = CHANNELS.filter((c) => c.codes.some((code) => ctx.detect.enabled(code)));

const cpuOf = async (f: () => Promise<void>): Promise<number> => {
  const start = process.cpuUsage();
  await f();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

let records = 0;
const readParse = await cpuOf(async () => {
  for (const p of ctx.plan.parts)
    for await (const line of readLines(await openPart(snapshot, p.part)))
      if (line) {
        JSON.parse(line);
        records++;
      }
});
const readValidate = await cpuOf(async () => {
  for (const p of ctx.plan.parts) for await (const batch of readPartBatches(snapshot, p.kind, p.part, schemas)) void batch.length;
});
const byKind: Record<string, number> = {};
let rows = 0;
const withKeys = await cpuOf(async () => {
  for (const p of ctx.plan.parts) {
    const start = process.cpuUsage();
    for await (const batch of readPartBatches(snapshot, p.kind, p.part, schemas))
      for (const line of batch) if (line.ok) for (const c of channels) rows += c.keys(p.kind, line.record, ctx.detect).length;
    const { user, system } = process.cpuUsage(start);
    byKind[p.kind] = (byKind[p.kind] ?? 0) + (user + system) / 1e6;
  }
});
let detectors = 0;
let accounts = 0;
const common = await loadCommonPhrases(work, 'bench');
const detect = { ...ctx.detect, isCommonPhrase: (key: string) => common.has(key) };
for (const bucket of ctx.plan.accountBuckets) {
  const bundles = await loadAccountBundles(work, 'bench', bucket);
  detectors += await cpuOf(async () => {
    for (const b of bundles.values())
      if (b.account) {
        accounts++;
        detectAccount(b, ACCOUNT_DETECTORS, detect);
      }
  });
}
const us = (s: number) => `${((s * 1e6) / records).toFixed(1)} µs`;
const keys = withKeys - readValidate;
console.log(`${records} records, ${rows} channel rows, ${accounts} accounts (CPU µs per snapshot record)`);
console.log(`  read+parse      ${us(readParse)}`);
console.log(`  read+validate   ${us(readValidate)}`);
console.log(
  `  channel keys    ${us(keys)}  (read+validate+keys by kind: ${Object.entries(byKind)
    .map(([k, s]) => `${k} ${s.toFixed(1)} s`)
    .join(', ')})`,
);
console.log(`  detectAccount   ${us(detectors)}`);
console.log(
  `  validate+keys+detectAccount ${us(readValidate - readParse + keys + detectors)}: detect+decide's ratio is at most ${(readParse / (readValidate - readParse + keys + detectors)).toFixed(3)}`,
);
