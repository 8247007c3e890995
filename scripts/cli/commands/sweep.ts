/** `crackdown sweep`: run a full sweep on the embedded stack. */
import { InvalidArgumentError, type Command } from 'commander';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { workStore } from '#shared/adapters/stageDependencies';
import { readLabels } from '#shared/evaluation/labels';
import { scoreDecisions, type Evaluation } from '#shared/evaluation/scoreDecisions';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { BlobStore } from '#shared/ports/blobStore';
import { withStack } from '../embedded.ts';
import { makeOutput } from '../output.ts';
import { codeList, isoTime, loadPolicyFile, positiveInt, sweepId } from '../options.ts';
import { renderEvaluation, renderGuard, renderSummary } from '../renderSummary.ts';
import { readGuardReport } from '#shared/pipeline/sweepArtifacts';
import { preflightSnapshot, runSweepOrPause, snapshotUri } from '../runSweep.ts';

export async function decidedCodes(work: BlobStore, id: string): Promise<Map<string, ViolationCode[]>> {
  const decided = new Map<string, ViolationCode[]>();
  for await (const d of readDecisions(work, id)) if (d.action !== 'none') decided.set(d.accountId, d.codes);
  return decided;
}

export function registerSweep(program: Command, interrupt: AbortSignal): void {
  program
    .command('sweep')
    .description('run a sweep: detect, decide, sample, enforce, notify and schedule lifts, through the synthesized state machine')
    .requiredOption('--snapshot <location>', 'snapshot folder or s3://bucket/prefix/')
    .requiredOption('--sweep-id <id>', 'sweep id; re-running the same id resumes and adds nothing twice', sweepId)
    .option('--policy <file>', 'policy file (default policies/default.json)')
    .option('--codes <list>', 'only these violation codes, comma-separated (an on-demand campaign)', codeList)
    .option('--labels <file>', 'labels to score the decisions against (default: labels.jsonl beside a local snapshot, if present)')
    .option('--buckets <n>', 'shuffle width (default: from the snapshot size)', positiveInt('--buckets'))
    .option('--workers <n>', 'worker threads for map stages (default: one per core)', (v) => Number(v))
    .option(
      '--review <mode>',
      'auto: accept the review sample; human: pause for reviewers (crackdown review serve / close)',
      (v: string) => {
        if (v !== 'auto' && v !== 'human') throw new InvalidArgumentError(`--review must be auto or human, got "${v}"`);
        return v;
      },
      'auto',
    )
    .option('--now <time>', 'ISO-8601 time penalties start from (default: when the review releases the sweep to Enforce); a re-run keeps the first', isoTime)
    .option('--state-dir <dir>', 'embedded stack state folder (default .crackdown/)')
    .option('--json', 'print the summary as JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      const policy = await loadPolicyFile(o.policy);
      await preflightSnapshot(o.snapshot);
      const snapshot = snapshotUri(o.snapshot);
      const labelsPath: string | undefined = o.labels ?? (!snapshot.startsWith('s3://') && existsSync(join(snapshot, 'labels.jsonl')) ? join(snapshot, 'labels.jsonl') : undefined);
      await withStack({ stateDir: o.stateDir }, async () => {
        const started = performance.now();
        out.info(`[sweep] ${o.sweepId}: snapshot ${snapshot}, policy ${policy.policyVersion}`);
        const result = await runSweepOrPause({ sweepId: o.sweepId, snapshot, policy, codes: o.codes, bucketCount: o.buckets, workers: o.workers, review: o.review, enforceAt: o.now }, out, interrupt);
        if ('paused' in result) {
          const guard = await readGuardReport(workStore(), o.sweepId);
          out.result({ ...result, guard }, () =>
            [
              `Sweep ${o.sweepId} is paused for human review: ${result.cases} cases wait at ${result.state}; nothing is enforced yet.`,
              ...renderGuard(guard),
              `  Review:  npx crackdown review serve   (prints the console URL; closing the review of ${o.sweepId} there resumes the sweep)`,
              `  Or close from the shell: npx crackdown review close --sweep-id ${o.sweepId}`,
            ].join('\n'),
          );
          return;
        }
        const summary = result;
        const seconds = (performance.now() - started) / 1000;
        let evaluation: Evaluation | undefined;
        if (labelsPath) {
          const labels = await readLabels(createReadStream(labelsPath), labelsPath);
          evaluation = scoreDecisions(await decidedCodes(workStore(), o.sweepId), labels, (o.codes as ViolationCode[] | undefined) ?? undefined);
        }
        out.result({ summary, evaluation, labels: labelsPath, seconds }, () =>
          [renderSummary(summary), ...(evaluation ? ['', `Against labels ${labelsPath}:`, renderEvaluation(evaluation)] : []), '', `Finished in ${seconds.toFixed(1)} s.`].join('\n'),
        );
      });
    });
}
