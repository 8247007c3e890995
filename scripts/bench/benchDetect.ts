/**
 * `npm run bench`: detect+decide over a generated snapshot, as a throughput ratio to merely
 * reading and parsing the same snapshot in the same run, with the peak memory of each
 * worker process. Both use one worker process per core, so the ratio compares like with like.
 *
 *   npm run bench -- --accounts 1000000 --seed 1 [--workers 2] [--out bench-out] [--mix '{"water-army":0.03}'] [--keep]
 *   npm run bench -- --source independent --accounts 200000 --seed 3     (the blind second generator)
 *   npm run bench -- --source youtube                                     (real labelled comments, tests/fixtures)
 *
 * Quality is reported for every source with labels: precision and recall per code, how many clean
 * accounts got an action (and which action: a wrongful ban is the worst outcome), per hard-negative
 * kind, and account-level precision and recall (the only fair score for per-author labels).
 * Thresholds are chosen on one source and checked on the others; the own generator is not the world.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { CHANNELS } from '#shared/detect/registry';
import { readLabels } from '#shared/evaluation/labels';
import { scoreAuthors, scoreDecisions } from '#shared/evaluation/scoreDecisions';
import { planSweep } from '#shared/pipeline/planSweep';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { ViolationCode } from '#shared/contract/violationCodes';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicyText } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { listParts, readManifest } from '#shared/snapshot/readManifest';
import { generateSnapshot, type ViolationMix } from '#scripts/generate/generateSnapshot';
import { generateSnapshot as generateIndependent } from '#scripts/independentGenerator/generate';
import type { BenchJob } from './benchStages.ts';

interface StageResult {
  stage: string;
  seconds: number;
  /** CPU seconds the workers spent on the stage's jobs (user + system), summed over workers. */
  cpuSeconds: number;
  /** What the stage counts: records (read, partition), channel rows (group), signals (expand), accounts (resolve). */
  records: number;
  jobs: number;
  maxRssMbPerWorker: number[];
}

type JobReply = { records?: number; error?: string; maxRssKb?: number; cpuMs?: number };

class Pool {
  private readonly workers: ChildProcess[] = [];
  private nextId = 0;
  private readonly waiting = new Map<number, (m: JobReply) => void>();
  private constructor() {}

  static async start(size: number): Promise<Pool> {
    const pool = new Pool();
    const script = new URL('./benchWorker.ts', import.meta.url).pathname;
    await Promise.all(
      Array.from({ length: size }, () => {
        const child = fork(script, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=8192'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        pool.workers.push(child);
        child.on('message', (m: { id?: number; ready?: boolean }) => {
          if (m.id !== undefined) {
            const done = pool.waiting.get(m.id);
            pool.waiting.delete(m.id);
            done?.(m as never);
          }
        });
        return new Promise<void>((ok) => child.once('message', () => ok()));
      }),
    );
    return pool;
  }

  private call(worker: ChildProcess, payload: object): Promise<JobReply> {
    const id = this.nextId++;
    return new Promise((ok) => {
      this.waiting.set(id, ok);
      worker.send({ id, ...payload });
    });
  }

  /** Runs all jobs, each worker taking the next job when free; returns records handled and CPU seconds used. */
  async run(jobs: BenchJob[]): Promise<{ records: number; cpuSeconds: number }> {
    let next = 0;
    let records = 0;
    let cpuMs = 0;
    await Promise.all(
      this.workers.map(async (w) => {
        for (let i = next++; i < jobs.length; i = next++) {
          const res = await this.call(w, { job: jobs[i] });
          if (res.error) throw new Error(`bench job ${JSON.stringify(jobs[i])} failed: ${res.error}`);
          records += res.records ?? 0;
          cpuMs += res.cpuMs ?? 0;
        }
      }),
    );
    return { records, cpuSeconds: cpuMs / 1000 };
  }

  async maxRssMb(): Promise<number[]> {
    return Promise.all(this.workers.map(async (w) => Math.round(((await this.call(w, { rss: true })).maxRssKb ?? 0) / 1024)));
  }

  stop(): void {
    for (const w of this.workers) w.kill();
  }
}

/** A fresh pool per stage, so each stage's peak memory is its own. */
async function timed(stage: string, workers: number, jobs: BenchJob[]): Promise<StageResult> {
  const pool = await Pool.start(workers);
  try {
    const started = performance.now();
    const { records, cpuSeconds } = await pool.run(jobs);
    const seconds = (performance.now() - started) / 1000;
    const result = { stage, seconds, cpuSeconds, records, jobs: jobs.length, maxRssMbPerWorker: await pool.maxRssMb() };
    process.stderr.write(
      `[bench] ${stage}: ${jobs.length} jobs, ${records} records in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} CPU s), peak RSS per worker ${result.maxRssMbPerWorker.join('/')} MB\n`,
    );
    return result;
  } finally {
    pool.stop();
  }
}

async function main(): Promise<void> {
  const o = new Command('bench')
    .description('detect+decide throughput as a ratio to reading and parsing the same snapshot, and peak memory per worker')
    .option('--accounts <n>', 'accounts in the generated snapshot', (v) => Number(v), 1_000_000)
    .option('--seed <seed>', 'generator seed', '1')
    .option('--workers <n>', 'worker processes (default: one per core)', (v) => Number(v), availableParallelism())
    .option('--buckets <n>', 'shuffle width (default: from the snapshot size)', (v) => Number(v))
    .option('--out <dir>', 'folder for the snapshot and scratch output', 'bench-out')
    .option('--keep', 'keep the shuffle output')
    .option('--source <source>', 'own (the project generator), independent (the blind second generator) or youtube (real labelled comments)', 'own')
    .option('--policy <file>', 'policy file (default: the shipped default policy)')
    .option('--mix <json>', 'violation mix for the generated snapshot (JSON, e.g. \'{"water-army":0.03,"water-army/qa-act":0.6}\'; see scripts/generate/violationMix.ts)')
    .parse(process.argv)
    .opts();
  const out = resolve(o.out);
  const source = String(o.source);
  if (!['own', 'independent', 'youtube'].includes(source)) throw new Error(`--source must be own, independent or youtube, not ${source}`);
  const loaded: Policy = o.policy ? parsePolicyText(await readFile(String(o.policy), 'utf8'), String(o.policy)) : defaultPolicy();
  // the comments are YouTube's: there, a link to a video is the platform's own content, as xhslink.com is on Xiaohongshu
  const policy: Policy = source === 'youtube' && !loaded.platform ? { ...loaded, platform: { ownDomains: ['youtube.com', 'youtu.be'] } } : loaded;
  const mix = o.mix ? (JSON.parse(String(o.mix)) as Partial<ViolationMix>) : undefined;
  if (mix && source !== 'own') throw new Error('--mix applies to --source own only');
  const mixTag = mix
    ? `-m${createHash('sha256')
        .update(JSON.stringify(Object.entries(mix).sort()))
        .digest('hex')
        .slice(0, 8)}`
    : '';
  const tag = source === 'youtube' ? 'youtube' : `${source === 'own' ? '' : 'indep-'}${o.accounts}-${o.seed}${mixTag}`;
  const snapshotDir = source === 'youtube' ? resolve('tests/fixtures/youtube-spam') : join(out, `snapshot-${tag}`);
  if (!existsSync(join(snapshotDir, 'manifest.json'))) {
    process.stderr.write(`[bench] generating ${o.accounts} accounts (${source} generator) into ${snapshotDir}\n`);
    const t = performance.now();
    if (source === 'own') await generateSnapshot({ accounts: o.accounts, seed: o.seed, outDir: snapshotDir, mix });
    else await generateIndependent({ accounts: o.accounts, seed: Number(o.seed), out: snapshotDir });
    process.stderr.write(`[bench] generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const workDir = join(out, `work-${tag}`);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const snapshot = new LocalFolderStore(snapshotDir);
  const work = new LocalFolderStore(workDir);
  const sweepId = 'bench';
  const plan = await planSweep(work, snapshot, { sweepId, snapshotUri: snapshotDir, policy, bucketCount: o.buckets }, CHANNELS);
  const parts = listParts(await readManifest(snapshot));

  const read = await timed(
    'read+parse',
    o.workers,
    parts.map((p) => ({ stage: 'read' as const, snapshotDir, part: p.part })),
  );
  const partition = await timed(
    'partition',
    o.workers,
    plan.parts.map((item) => ({ stage: 'partition' as const, workDir, sweepId, item })),
  );
  const group = await timed(
    'group',
    o.workers,
    plan.channelBuckets.map((item) => ({ stage: 'group' as const, workDir, sweepId, item })),
  );
  const expand = await timed(
    'expandRings',
    o.workers,
    plan.accountBuckets.map((item) => ({ stage: 'expandRings' as const, workDir, sweepId, item })),
  );
  const resolveStage = await timed(
    'resolve',
    o.workers,
    plan.accountBuckets.map((item) => ({ stage: 'resolve' as const, workDir, sweepId, item })),
  );

  const stages = [partition, group, expand, resolveStage];
  const detectSeconds = stages.reduce((t, st) => t + st.seconds, 0);
  const records = read.records;
  const decided = new Map<string, ViolationCode[]>();
  const actionOf = new Map<string, string>();
  const rulesOf = new Map<string, string[]>();
  for await (const d of readDecisions(work, sweepId)) {
    if (d.action === 'none') continue;
    decided.set(d.accountId, d.codes);
    actionOf.set(d.accountId, d.action);
    rulesOf.set(d.accountId, d.ruleIds);
  }
  const labelsPath = join(snapshotDir, 'labels.jsonl');
  const labels = existsSync(labelsPath) ? await readLabels(createReadStream(labelsPath), labelsPath) : undefined;
  const evaluation = labels ? scoreDecisions(decided, labels) : undefined;
  const authors = labels ? scoreAuthors(decided, labels) : undefined;
  /** What clean accounts were given, by action: the innocents a sweep would have punished. */
  const cleanActions: Record<string, number> = {};
  /** Which rules acted on clean accounts, and which labelled behaviours went unseen: where to look next. */
  const cleanByRule: Record<string, number> = {};
  const missedByVariant: Record<string, number> = {};
  const count = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  if (labels) {
    for (const [id, action] of actionOf) {
      if (labels.get(id)?.codes.length !== 0) continue;
      count(cleanActions, action);
      for (const r of rulesOf.get(id) ?? []) count(cleanByRule, r);
    }
    for (const [id, label] of labels) {
      if (label.codes.length === 0) continue;
      const said = decided.get(id) ?? [];
      for (const code of label.codes) if (!said.includes(code)) for (const v of label.variants?.length ? label.variants : ['(no variant)']) count(missedByVariant, `${code}:${v}`);
    }
  }
  const top = (m: Record<string, number>, n: number) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const report = {
    source,
    accounts: o.accounts,
    seed: o.seed,
    policyVersion: policy.policyVersion,
    mix,
    workers: o.workers,
    bucketCount: plan.bucketCount,
    records,
    readParse: { seconds: read.seconds, recordsPerSecond: records / read.seconds, maxRssMbPerWorker: read.maxRssMbPerWorker },
    detectDecide: { seconds: detectSeconds, recordsPerSecond: records / detectSeconds, stages },
    /** Detect+decide throughput as a fraction of read+parse throughput, both measured in this run. */
    throughputRatio: read.seconds / detectSeconds,
    /** The same ratio in CPU seconds: what a busy machine disturbs least. */
    cpuRatio: read.cpuSeconds / stages.reduce((t, st) => t + st.cpuSeconds, 0),
    /** Per stage, in snapshot records: throughput, ratio to read+parse, and CPU µs per snapshot record (scale.md's cost model). */
    perStage: Object.fromEntries(
      [read, ...stages].map((st) => [
        st.stage,
        {
          recordsPerSecond: records / st.seconds,
          ratioToReadParse: read.seconds / st.seconds,
          cpuMicrosPerRecord: (st.cpuSeconds / records) * 1e6,
          jobs: st.jobs,
          cpuSecondsPerJob: st.cpuSeconds / st.jobs,
          maxRssMbPerWorker: st.maxRssMbPerWorker,
        },
      ]),
    ),
    peakRssMbPerWorker: Math.max(...stages.flatMap((s) => s.maxRssMbPerWorker)),
    decisions: decided.size,
    evaluation,
    authors,
    cleanActions,
    cleanByRule,
    missedByVariant,
  };
  await writeFile(join(out, `bench-${tag}.json`), JSON.stringify(report, null, 2));
  if (!o.keep) await rm(workDir, { recursive: true, force: true });
  const lines = [
    `bench (${source}, policy ${policy.policyVersion}): ${labels?.size ?? o.accounts} accounts, ${records} records, ${o.workers} workers, ${plan.bucketCount} buckets`,
    `  read+parse     ${read.seconds.toFixed(1).padStart(7)} s  ${Math.round(records / read.seconds)
      .toString()
      .padStart(9)} records/s`,
    `  detect+decide  ${detectSeconds.toFixed(1).padStart(7)} s  ${Math.round(records / detectSeconds)
      .toString()
      .padStart(9)} records/s  (partition ${partition.seconds.toFixed(1)} s, group ${group.seconds.toFixed(1)} s, expand ${expand.seconds.toFixed(1)} s, resolve ${resolveStage.seconds.toFixed(1)} s)`,
    `  throughput ratio detect+decide / read+parse: ${report.throughputRatio.toFixed(3)} (in CPU seconds: ${report.cpuRatio.toFixed(3)})`,
    `  peak RSS per worker: ${report.peakRssMbPerWorker} MB (read+parse ${Math.max(...read.maxRssMbPerWorker)} MB)`,
    '  per stage (snapshot records/s, ratio to read+parse, CPU µs per snapshot record, jobs, peak RSS per worker):',
    ...[read, ...stages].map((st) => {
      const s = report.perStage[st.stage];
      return `    ${st.stage.padEnd(12)} ${st.seconds.toFixed(1).padStart(7)} s ${Math.round(s.recordsPerSecond).toString().padStart(9)}/s  ratio ${s.ratioToReadParse.toFixed(3)}  ${s.cpuMicrosPerRecord.toFixed(1).padStart(6)} µs CPU  ${String(st.jobs).padStart(4)} jobs  ${st.maxRssMbPerWorker.join('/')} MB`;
    }),
  ];
  if (evaluation) {
    lines.push('  per code (precision / recall):');
    for (const c of evaluation.perCode) lines.push(`    ${c.code.padEnd(24)} ${c.precision === null ? 'n/a' : c.precision.toFixed(4)} / ${c.recall === null ? 'n/a' : c.recall.toFixed(4)}`);
    lines.push(
      `    clean accounts given an action: ${evaluation.organic.flagged} of ${evaluation.organic.accounts} (${(evaluation.organic.falsePositiveRate * 100).toFixed(3)}%) ${JSON.stringify(cleanActions)}`,
    );
    for (const [kind, h] of Object.entries(evaluation.hardNegatives).sort()) if (h.flagged > 0) lines.push(`      ${kind.padEnd(30)} ${h.flagged} of ${h.accounts}`);
  }
  if (labels) {
    lines.push(
      `  rules acting on clean accounts: ${
        top(cleanByRule, 12)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    );
    lines.push(
      `  missed, by code:variant (top 15): ${
        top(missedByVariant, 15)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    );
  }
  if (authors)
    lines.push(
      `  accounts, any code: precision ${authors.precision?.toFixed(4) ?? 'n/a'} recall ${authors.recall?.toFixed(4) ?? 'n/a'} (${authors.truePositives} caught, ${authors.falsePositives} clean acted on, ${authors.falseNegatives} missed of ${authors.positives})`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
