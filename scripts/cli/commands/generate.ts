/** `crackdown generate`: a synthetic contract snapshot plus labels. */
import type { Command } from 'commander';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { makeOutput } from '../output.ts';
import { positiveInt } from '../options.ts';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic snapshot (CONTRACT §1) of a believable platform with planted violations, and labels.jsonl beside it')
    .requiredOption('--accounts <n>', 'number of accounts', positiveInt('--accounts'))
    .requiredOption('--out <dir>', 'output folder')
    .option('--seed <seed>', 'seed; the same seed and options give the same bytes', '1')
    .option('--parts <n>', 'parts per record kind (default: by size)', positiveInt('--parts'))
    .option('--invalid <n>', 'extra deliberately invalid records, to exercise quarantine', (v) => Number(v), 0)
    .option('--plain', 'write .jsonl instead of .jsonl.gz')
    .option('--json', 'print the result as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const started = performance.now();
      let last = 0;
      const summary = await generateSnapshot({
        accounts: o.accounts,
        seed: o.seed,
        outDir: o.out,
        partsPerKind: o.parts,
        gzip: !o.plain,
        invalidRecords: o.invalid,
        onProgress: (n) => {
          if (!out.json && n - last >= Math.max(10_000, o.accounts / 10)) {
            last = n;
            out.info(`[generate] ${n}/${o.accounts} accounts`);
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      out.result({ ...summary, outDir: o.out, seconds }, () =>
        [
          `Snapshot ${summary.snapshotId} written to ${o.out} in ${seconds.toFixed(1)} s`,
          `  accounts ${summary.accounts}, notes ${summary.notes}, comments ${summary.comments}, follows ${summary.follows}, reports ${summary.reports}, invalid ${summary.invalidRecords}`,
          `  labels: ${summary.labelsPath}`,
          `  planted: ${Object.entries(summary.byCode)
            .map(([c, n]) => `${c} ${n}`)
            .join(', ')}`,
        ].join('\n'),
      );
    });
}
