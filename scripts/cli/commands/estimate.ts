/** `crackdown estimate`: a sweep's AWS cost and the concurrency that finishes it in time, on paper (docs/scale.md). */
import { InvalidArgumentError, type Command } from 'commander';
import { estimateSweep, MAX_PLANNED_BUCKETS } from '#shared/scale/costModel';
import { makeOutput } from '../output.ts';
import { positiveInt } from '../options.ts';

const usd = (v: number) => `$${v < 100 ? v.toFixed(2) : Math.round(v).toLocaleString('en-US')}`;
const big = (v: number) => Math.round(v).toLocaleString('en-US');

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description('cost and time of one sweep in AWS from the measured per-record costs and us-east-1 list prices (assumptions in docs/scale.md)')
    .requiredOption('--accounts <n>', 'accounts in the snapshot', positiveInt('--accounts'))
    .option('--target-minutes <n>', 'the sweep must finish within this many minutes', positiveInt('--target-minutes'), 60)
    .option('--acted-share <fraction>', 'share of accounts given an action (default: as measured on the generator, 0.1)', (v) => {
      const n = Number(v);
      if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`--acted-share must be between 0 and 1, got "${v}"`);
      return n;
    })
    .option('--part-mb <n>', 'uncompressed MB per snapshot part (one partition work item)', positiveInt('--part-mb'), 256)
    .option('--bucket-mb <n>', 'uncompressed snapshot MB per account bucket (planSweep: 64)', positiveInt('--bucket-mb'), 64)
    .option('--json', 'print as JSON')
    .action((o) => {
      const out = makeOutput(Boolean(o.json));
      const MB = 1024 * 1024;
      const e = estimateSweep({ accounts: o.accounts, targetSeconds: o.targetMinutes * 60, actedShare: o.actedShare, partBytes: o.partMb * MB, bucketBytes: o.bucketMb * MB });
      out.result(e, () =>
        [
          `${big(e.accounts)} accounts: ${big(e.records)} records, ${(e.snapshotBytes / 1e9).toFixed(1)} GB uncompressed, ${big(e.parts)} parts, ${big(e.buckets)} buckets, ${big(e.actions)} actions`,
          e.concurrency === null
            ? `  not reachable within ${o.targetMinutes} min even at the Distributed Map ceiling (10,000): ${(e.wallSeconds / 60).toFixed(0)} min there`
            : `  concurrency ${big(e.concurrency)} (per Distributed Map, and Lambda concurrency) finishes in ${(e.wallSeconds / 60).toFixed(1)} min (target ${o.targetMinutes})`,
          ...(e.bucketCapExceeded ? [`  note: ${big(e.buckets)} buckets exceed planSweep's cap of ${big(MAX_PLANNED_BUCKETS)}; past it buckets grow beyond their ${o.bucketMb} MB`] : []),
          '  stage           items   memory  Lambda s/item   wall min',
          ...e.stages.map(
            (s) => `  ${s.stage.padEnd(14)} ${big(s.items).padStart(7)} ${String(s.memoryMb).padStart(6)} MB ${s.itemSeconds.toFixed(1).padStart(10)} ${(s.wallSeconds / 60).toFixed(1).padStart(10)}`,
          ),
          `  Lambda        ${usd(e.costUsd.lambda).padStart(10)}  (${big(e.counts.lambdaGbSeconds)} GB-s, ${big(e.counts.lambdaRequests)} requests)`,
          `  S3            ${usd(e.costUsd.s3).padStart(10)}  (${big(e.counts.s3Puts)} PUT, ${big(e.counts.s3Gets)} GET; shuffle objects: ${big(e.counts.shuffleObjects.account)} account, ${big(e.counts.shuffleObjects.channel)} channel, ${big(e.counts.shuffleObjects.signal)} signal)`,
          `  DynamoDB      ${usd(e.costUsd.dynamo).padStart(10)}  (${big(e.counts.dynamoWrites)} write units, ${big(e.counts.dynamoReads)} read units)`,
          `  Step Functions${usd(e.costUsd.stepFunctions).padStart(10)}  (${big(e.counts.stateTransitions)} transitions, ${big(e.counts.childExecutions)} child executions)`,
          `  Scheduler     ${usd(e.costUsd.scheduler).padStart(10)}  (${big(e.counts.schedulerInvocations)} slot schedules, ${big(e.counts.schedulerCalls)} create calls)`,
          `  SNS           ${usd(e.costUsd.sns).padStart(10)}  (${big(e.counts.snsPublishes)} publishes)`,
          `  total         ${usd(e.costUsd.total).padStart(10)} per sweep`,
        ].join('\n'),
      );
    });
}
