/**
 * `npm run bench`: detect+decide over a generated snapshot, as a throughput ratio to merely
 * reading and parsing the same snapshot in the same run, with the peak memory of each
 * worker process. Both use one worker process per core, so the ratio compares like with like.
 *
 *   npm run bench -- --accounts 1000000 --seed 1 [--workers 2] [--out bench-out] [--mix '{"water-army":0.03}'] [--keep]
 *   npm run bench -- --source independent --accounts 200000 --seed 3     (the blind second generator)
 *   npm run bench -- --source youtube                                     (real labelled comments, tests/fixtures)
 *   npm run bench -- --accounts 20000 --seed 7 --workers 2 --enforce      (then enforce the run's own decisions)
 *
 * Quality is reported for every source with labels: precision and recall per code, how many clean
 * accounts got an action (and which action: a wrongful ban is the worst outcome), per hard-negative
 * kind, and account-level precision and recall (the only fair score for per-author labels).
 * Thresholds are chosen on one source and checked on the others; the own generator is not the world.
 *
 * `--enforce`: after detect+decide, the run's own decision files are enforced bucket by bucket by the sweep's
 * `enforceBucket` with the DynamoDB repository, on one DynamoDB Local started as the embedded stack starts it, in
 * worker processes (`workers` buckets at a time, as the sweep's Map runs them). Rounds alternate a raw
 * BatchWriteItem segment (`enforceMeasure.ts`, shared with `npm run bench:enforce`) and the next buckets, so a drift
 * in the machine's load hits both sides of the ratio (actions/s ÷ raw items/s, median over rounds). Items per action
 * are counted on the wire. A re-run over the same decisions must apply nothing and the ledger must hold each
 * enforced account, or the bench fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { documentClient } from '#shared/adapters/awsClients';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { CHANNELS } from '#shared/detect/registry';
import { readLabels } from '#shared/evaluation/labels';
import { scoreAuthors, scoreDecisions } from '#shared/evaluation/scoreDecisions';
import { planSweep } from '#shared/pipeline/planSweep';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Decision } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicyText } from '#shared/policy/loadPolicy';
import type { Policy } from '#shared/policy/policySchema';
import { listParts, readManifest } from '#shared/snapshot/readManifest';
import { generateSnapshot, type ViolationMix } from '#scripts/generate/generateSnapshot';
import { generateSnapshot as generateIndependent } from '#scripts/independentGenerator/generate';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import type { BenchJob, JobDetail } from './benchStages.ts';
import { median, RAW_BATCH, RawBatchWrite, rawLedgerEntries } from './enforceMeasure.ts';

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

type JobReply = { records?: number; detail?: JobDetail; error?: string; maxRssKb?: number; cpuMs?: number };

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

  /** Runs all jobs, each worker taking the next job when free; returns records handled, CPU seconds used and the jobs' details summed. */
  async run(jobs: BenchJob[]): Promise<{ records: number; cpuSeconds: number; detail: JobDetail }> {
    let next = 0;
    let records = 0;
    let cpuMs = 0;
    const detail: JobDetail = {};
    await Promise.all(
      this.workers.map(async (w) => {
        for (let i = next++; i < jobs.length; i = next++) {
          const res = await this.call(w, { job: jobs[i] });
          if (res.error) throw new Error(`bench job ${JSON.stringify(jobs[i])} failed: ${res.error}`);
          records += res.records ?? 0;
          cpuMs += res.cpuMs ?? 0;
          for (const [k, v] of Object.entries(res.detail ?? {})) detail[k] = (detail[k] ?? 0) + v;
        }
      }),
    );
    return { records, cpuSeconds: cpuMs / 1000, detail };
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

interface EnforceResult {
  stage: StageResult;
  buckets: number;
  workers: number;
  decisions: number;
  actions: number;
  alreadyApplied: number;
  skipped: number;
  /** Ledger entries of the sweep after enforcement (an action with content actions writes more than one). */
  ledgerEntries: number;
  actionsPerSecond: number;
  itemsPerAction: number;
  writeRequestsPerAction: number;
  raw: { itemBytes: number; batch: number; inFlight: number; calibration: Array<[number, number]>; itemsPerRound: number; itemsPerSecond: number[] };
  /** actions/s ÷ raw items/s of the raw segment just before, per round: the median. */
  ratioToRaw: number;
  /** the same in items written. */
  itemRatioToRaw: number;
  rounds: Array<{ buckets: number[]; rawItemsPerSecond: number; actions: number; seconds: number; items: number; requests: number }>;
  /** Applied by a second run over the same decisions: must be 0. */
  rerunApplied: number;
  rerunAlreadyApplied: number;
  maxRssMbPerWorker: number[];
}

/** Enforces the run's own decisions on one DynamoDB Local, beside the store's raw BatchWriteItem rate (see the header). */
async function enforceDecisions(opts: {
  workDir: string;
  sweepId: string;
  bucketCount: number;
  policy: Policy;
  workers: number;
  /** Actioned decisions of the run, for the raw writes' items. */
  sample: Decision[];
  rawItems: number;
  rawInFlight: number;
}): Promise<EnforceResult> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-bench-'));
  const stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
  try {
    const appliedAt = new Date().toISOString();
    const db = documentClient();
    // raw items are ledger entries of the run's own actions, under another sweep and other account ids
    const sample = opts.sample;
    const rawDecisions = Array.from({ length: sample.length ? opts.rawItems : 0 }, (_, i) => ({
      ...sample[i % sample.length]!,
      sweepId: 'bench-raw',
      accountId: `${i}-${sample[i % sample.length]!.accountId}`,
    }));
    const raw = new RawBatchWrite(db, rawLedgerEntries(rawDecisions, opts.policy, appliedAt), opts.rawInFlight || 4);
    let calibration: Array<[number, number]> = [];
    if (opts.rawInFlight === 0) {
      calibration = await raw.calibrate([1, 2, 4, 8, 16], Math.min(500, opts.rawItems));
      process.stderr.write(`[bench] raw BatchWriteItem by requests in flight: ${calibration.map(([n, r]) => `${n}: ${Math.round(r)} items/s`).join(', ')}; rounds use ${raw.inFlight}\n`);
    } else await raw.round('warm-up'); // the JVM's, not counted
    // the workers start after the stack: they inherit its endpoints
    const pool = await Pool.start(opts.workers);
    try {
      const job = (item: number) => ({ stage: 'enforce' as const, workDir: opts.workDir, sweepId: opts.sweepId, item, appliedAt });
      const buckets = Array.from({ length: opts.bucketCount }, (_, b) => b);
      const rounds: EnforceResult['rounds'] = [];
      let cpuSeconds = 0;
      let decisions = 0;
      let alreadyApplied = 0;
      let skipped = 0;
      for (let i = 0; i < buckets.length; i += opts.workers) {
        const these = buckets.slice(i, i + opts.workers);
        const rawItemsPerSecond = await raw.round(i);
        const t0 = performance.now();
        const done = await pool.run(these.map(job));
        const seconds = (performance.now() - t0) / 1000;
        cpuSeconds += done.cpuSeconds;
        decisions += done.detail.decisions ?? 0;
        alreadyApplied += done.detail.alreadyApplied ?? 0;
        skipped += done.detail.skipped ?? 0;
        rounds.push({ buckets: these, rawItemsPerSecond, actions: done.detail.applied ?? 0, seconds, items: done.detail.items ?? 0, requests: done.detail.requests ?? 0 });
        const r = rounds.at(-1)!;
        process.stderr.write(
          `[bench] enforce round ${rounds.length}: raw ${Math.round(rawItemsPerSecond)} items/s; buckets ${these.join(',')}: ${r.actions} actions in ${seconds.toFixed(1)} s = ${Math.round(r.actions / seconds)} actions/s\n`,
        );
      }
      const maxRssMbPerWorker = await pool.maxRssMb();
      // exactly once: a re-run over the same decision files applies nothing, and the ledger holds every enforced account
      const again = await pool.run(buckets.map(job));
      const actions = rounds.reduce((t, r) => t + r.actions, 0);
      const rerunApplied = again.detail.applied ?? 0;
      if (rerunApplied !== 0) throw new Error(`bench --enforce: a re-run over the same decisions applied ${rerunApplied} actions again`);
      const ledger = await new DynamoEnforcementRepository().ledgerForSweep(opts.sweepId);
      const accounts = new Set(ledger.map((e) => e.accountId)).size;
      if (accounts !== actions) throw new Error(`bench --enforce: the ledger holds ${accounts} accounts for ${actions} actions applied`);
      const seconds = rounds.reduce((t, r) => t + r.seconds, 0);
      const items = rounds.reduce((t, r) => t + r.items, 0);
      const requests = rounds.reduce((t, r) => t + r.requests, 0);
      const enforced = rounds.filter((r) => r.actions > 0);
      return {
        stage: { stage: 'enforce', seconds, cpuSeconds, records: actions, jobs: buckets.length, maxRssMbPerWorker },
        buckets: buckets.length,
        workers: opts.workers,
        decisions,
        actions,
        alreadyApplied,
        skipped,
        ledgerEntries: ledger.length,
        actionsPerSecond: actions / seconds,
        itemsPerAction: items / Math.max(1, actions),
        writeRequestsPerAction: requests / Math.max(1, actions),
        raw: {
          itemBytes: raw.itemBytes,
          batch: RAW_BATCH,
          inFlight: raw.inFlight,
          calibration,
          itemsPerRound: rawDecisions.length,
          itemsPerSecond: rounds.map((r) => Math.round(r.rawItemsPerSecond)),
        },
        ratioToRaw: enforced.length ? median(enforced.map((r) => r.actions / r.seconds / r.rawItemsPerSecond)) : 0,
        itemRatioToRaw: enforced.length ? median(enforced.map((r) => r.items / r.seconds / r.rawItemsPerSecond)) : 0,
        rounds,
        rerunApplied,
        rerunAlreadyApplied: again.detail.alreadyApplied ?? 0,
        maxRssMbPerWorker,
      };
    } finally {
      pool.stop();
    }
  } finally {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
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
    .option('--enforce', "then enforce the run's own decisions on DynamoDB Local, beside its raw BatchWriteItem rate")
    .option('--raw-items <n>', 'with --enforce: raw BatchWriteItem items per round', (v) => Number(v), 1000)
    .option('--raw-in-flight <n>', 'with --enforce: BatchWriteItem requests in flight (0: the fastest of 1, 2, 4, 8, 16, tried first)', (v) => Number(v), 0)
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
  const actioned: Decision[] = [];
  for await (const d of readDecisions(work, sweepId)) {
    if (d.action === 'none') continue;
    if (o.enforce && actioned.length < o.rawItems) actioned.push(d);
    decided.set(d.accountId, d.codes);
    actionOf.set(d.accountId, d.action);
    rulesOf.set(d.accountId, d.ruleIds);
  }
  const enforcement = o.enforce
    ? await enforceDecisions({ workDir, sweepId, bucketCount: plan.bucketCount, policy, workers: o.workers, sample: actioned, rawItems: o.rawItems, rawInFlight: o.rawInFlight })
    : undefined;
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
      [read, ...stages, ...(enforcement ? [enforcement.stage] : [])].map((st) => [
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
    enforcement: enforcement && { ...enforcement, stage: undefined },
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
    ...[read, ...stages, ...(enforcement ? [enforcement.stage] : [])].map((st) => {
      const s = report.perStage[st.stage];
      return `    ${st.stage.padEnd(12)} ${st.seconds.toFixed(1).padStart(7)} s ${Math.round(s.recordsPerSecond).toString().padStart(9)}/s  ratio ${s.ratioToReadParse.toFixed(3)}  ${s.cpuMicrosPerRecord.toFixed(1).padStart(6)} µs CPU  ${String(st.jobs).padStart(4)} jobs  ${st.maxRssMbPerWorker.join('/')} MB`;
    }),
  ];
  if (enforcement) {
    const e = enforcement;
    lines.push(
      `  enforce        ${e.stage.seconds.toFixed(1).padStart(7)} s  ${Math.round(e.actionsPerSecond).toString().padStart(9)} actions/s  (${e.actions} actions of ${e.decisions} decisions, ${e.buckets} buckets ${e.workers} at a time; ${e.itemsPerAction.toFixed(2)} items and ${e.writeRequestsPerAction.toFixed(3)} write requests per action)`,
      `  raw BatchWriteItem (${e.raw.batch} items of ~${e.raw.itemBytes} B, ${e.raw.inFlight} in flight), per round: ${e.raw.itemsPerSecond.join(', ')} items/s`,
      `  enforcement ratio to raw (actions/s ÷ raw items/s, median of ${e.rounds.length} rounds): ${e.ratioToRaw.toFixed(3)} (in items: ${e.itemRatioToRaw.toFixed(3)})`,
      `  peak RSS per enforce worker: ${e.maxRssMbPerWorker.join('/')} MB; re-run over the same decisions applied ${e.rerunApplied} (${e.rerunAlreadyApplied} already applied); ledger ${e.ledgerEntries} entries`,
    );
  }
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
