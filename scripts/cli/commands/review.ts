/**
 * `crackdown review serve | status | close`: human review of a `--review human` sweep on the
 * embedded stack. The sweep command exits when the sweep pauses at SampleForReview (its state is
 * kept in the bucket); `serve` runs the console, and closing the review there (or `close` here)
 * applies the precision gate and resumes the sweep in that same process: enforce, notify,
 * schedule lifts, finish. A review past its deadline resumes into the fail-safe path
 * (ReviewTimedOut: nothing enforced).
 */
import type { Command } from 'commander';
import { reviewDeps } from '#shared/adapters/stageDependencies';
import { ReviewError } from '#shared/ports/reviewRepository';
import type { SweepSummary } from '#shared/pipeline/summarizeSweep';
import type { GateReport } from '#shared/review/precisionGate';
import { closeReview, currentGate, listCases } from '#shared/review/reviewService';
import { withStack } from '../embedded.ts';
import { CliError, EXIT } from '../exitCodes.ts';
import { makeOutput, type Output } from '../output.ts';
import { sweepId } from '../options.ts';
import { renderSummary } from '../renderSummary.ts';
import { resumeSweep, type PausedSweep } from '../runSweep.ts';
import { startReviewServer } from '../reviewServer.ts';

const pct = (x: number | null) => (x === null ? '   —  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

export function renderGate(gate: GateReport): string {
  const lines = [`Precision per rule (Wilson ${Math.round(gate.confidence * 100)}% interval; held when the lower bound is under the threshold):`];
  for (const r of gate.rules) {
    lines.push(
      `  ${r.ruleId.padEnd(44)} reviewed ${String(r.reviewed).padStart(4)}/${String(r.cases).padEnd(4)} of ${String(r.population).padStart(5)}  precision ${pct(r.precision)}  [${pct(r.low)} – ${pct(r.high)}]  min ${pct(r.threshold)}  ${r.held ? 'HELD' : 'enforce'}`,
    );
  }
  lines.push(
    `Cases ${gate.cases}, reviewed ${gate.reviewed}; double-reviewed ${gate.doubleReviewed}${gate.agreement === null ? '' : `, agreement ${pct(gate.agreement)}`}; accounts held individually: ${gate.heldAccounts.length}.`,
  );
  for (const d of gate.disagreements.slice(0, 20)) lines.push(`  disagreement on ${d.caseId}: ${d.verdicts.map((v) => `${v.reviewer}=${v.verdict}`).join(', ')}`);
  return lines.join('\n');
}

function reviewError(err: unknown): never {
  if (err instanceof ReviewError) throw new CliError(err.message, EXIT.badInput);
  throw err;
}

async function resumeAndReport(id: string, out: Output, interrupt: AbortSignal, gate?: GateReport): Promise<SweepSummary | PausedSweep> {
  out.info(`[review] resuming sweep ${id}`);
  const result = await resumeSweep(id, out, interrupt);
  out.result({ gate, result }, () =>
    'paused' in result ? `Sweep ${id} is still paused for review (${result.cases} cases).` : [gate ? renderGate(gate) : '', '', renderSummary(result as SweepSummary)].join('\n'),
  );
  return result;
}

export function registerReview(program: Command, interrupt: AbortSignal): void {
  const review = program.command('review').description('human review of a sweep run with --review human: console, progress, close (the precision gate)');

  review
    .command('serve')
    .description('serve the review console; prints one sign-in URL (with an access token) per reviewer; closing the review there resumes the sweep')
    .option('--port <n>', 'port (default: a free one)', (v) => Number(v))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--reviewers <names>', 'comma-separated reviewer identities, one access token each', process.env.USER || 'reviewer')
    .option('--state-dir <dir>', 'embedded stack state folder (default .crackdown/)')
    .action(async (o) => {
      const out = makeOutput(false);
      const reviewers = String(o.reviewers)
        .split(',')
        .map((r: string) => r.trim())
        .filter(Boolean);
      await withStack({ stateDir: o.stateDir }, async () => {
        const resumes: Array<Promise<unknown>> = [];
        const server = await startReviewServer({
          host: o.host,
          port: o.port,
          reviewers,
          deps: {
            ...reviewDeps(),
            onClosed: (id) => {
              resumes.push(resumeAndReport(id, out, interrupt).catch((err) => out.info(`[review] resuming ${id} failed: ${(err as Error).message}`)));
            },
          },
        });
        process.stdout.write(`Review console at ${server.url}/ (Ctrl-C to stop). Sign in with:\n`);
        for (const [who, url] of Object.entries(server.logins)) process.stdout.write(`  ${who}: ${url}\n`);
        await new Promise<void>((resolve) => (interrupt.aborted ? resolve() : interrupt.addEventListener('abort', () => resolve(), { once: true })));
        await server.close();
        await Promise.allSettled(resumes);
      });
    });

  review
    .command('status')
    .description('progress per stratum and the precision so far')
    .requiredOption('--sweep-id <id>', 'the sweep', sweepId)
    .option('--state-dir <dir>', 'embedded stack state folder (default .crackdown/)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        const deps = reviewDeps();
        const listing = await listCases(deps, o.sweepId).catch(reviewError);
        const gate = await currentGate(deps, o.sweepId).catch(reviewError);
        out.result({ session: listing.session, strata: listing.strata, gate }, () =>
          [
            `Review of ${o.sweepId}: ${listing.session.status}, due ${listing.session.deadline}`,
            ...listing.strata.map((s) => `  ${s.stratum.padEnd(60)} ${s.selection.padEnd(6)} ${s.judged}/${s.cases}`),
            renderGate(gate),
          ].join('\n'),
        );
      });
    });

  review
    .command('close')
    .description('close the review (the precision gate holds rules whose lower bound is under threshold) and resume the sweep')
    .requiredOption('--sweep-id <id>', 'the sweep', sweepId)
    .option('--as <reviewer>', 'who closes it (recorded)', process.env.USER || 'operator')
    .option('--state-dir <dir>', 'embedded stack state folder (default .crackdown/)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const out = makeOutput(Boolean(o.json));
      await withStack({ stateDir: o.stateDir }, async () => {
        let gate: GateReport | undefined;
        try {
          gate = (await closeReview(reviewDeps(), o.sweepId, o.as)).gate;
        } catch (err) {
          // A review past its deadline: resuming runs the fail-safe path (nothing enforced).
          if (!(err instanceof ReviewError && /timed out/.test(err.message))) reviewError(err);
          out.info(`[review] ${err.message}`);
        }
        await resumeAndReport(o.sweepId, out, interrupt, gate);
      });
    });
}
