/**
 * Enforcement rate against the store's own rate, in one run on one DynamoDB Local (issue 17, Deliver 4 and 6):
 *   npm run bench:enforce -- [--actions 10000] [--buckets 4] [--raw-items 2500] [--path both|grouped|single]
 *
 * (a) raw: BatchWriteItem of real ledger entries (planned and chained as enforce plans them, so the
 *     same item size) in 25-item batches, no condition, at the number of requests in flight that writes
 *     fastest (tried first).
 * (b) enforce: `enforceBucket` with the DynamoDB repository (anchoring on, as the embedded stack
 *     configures it) over planned buckets of decisions: `grouped` as it runs (applyMany, many actions
 *     per transaction), `single` the same repository without applyMany (one transaction per action).
 * Rounds alternate a raw segment and one bucket of each path (the machine is shared; load drifts), and
 * the ratio is actions/s ÷ raw items/s per round, its median printed. Items per action are counted on
 * the wire (every TransactWriteItems / BatchWriteItem / PutItem / UpdateItem the client sent). A re-run
 * must apply nothing and the ledger must hold each action once. A benchmark, never a test.
 * The raw rate and the wire count are `enforceMeasure.ts`, shared with `npm run bench -- --enforce`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentClient } from '#shared/adapters/awsClients';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { Action } from '#shared/contract/decisionExport';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicyText } from '#shared/policy/loadPolicy';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { countWrites, median, RAW_BATCH, RawBatchWrite, rawLedgerEntries } from './enforceMeasure.ts';

const { values: args } = parseArgs({
  options: {
    actions: { type: 'string', default: '10000' },
    /** Raw items written before each bucket (a round). */
    'raw-items': { type: 'string', default: '2500' },
    /** BatchWriteItem requests in flight; 0: the fastest of 1, 2, 4, 8, 16, tried first. */
    'raw-in-flight': { type: 'string', default: '0' },
    buckets: { type: 'string', default: '4' },
    /** grouped: enforceBucket as it runs; single: one transaction per action; both: alternate them. */
    path: { type: 'string', default: 'both' },
  },
});
const ACTIONS = Number(args.actions);
const RAW_PER_ROUND = Number(args['raw-items']);
const RAW_IN_FLIGHT = Number(args['raw-in-flight']);
const PATH = args.path as 'grouped' | 'single' | 'both';
if (!['grouped', 'single', 'both'].includes(PATH)) throw new Error(`--path grouped|single|both, not ${PATH}`);
const BUCKETS = Number(args.buckets);

const policy = parsePolicyText(await readFile(join(process.cwd(), 'policies/default.json'), 'utf8'), 'policies/default.json');
const EFFECTIVE_AT = '2026-11-01T00:00:00.000Z';
// The generator's mix: about half of the actions are timed (each carries its lift on its penalty state: no lift row).
const ACTION_MIX: Array<[Action, number | undefined]> = [
  ['warn', undefined],
  ['limit', 7],
  ['suspend', 14],
  ['suspend', 28],
  ['ban', undefined],
  ['limit', 7],
];

/** A decision as ResolveAccounts writes it, with findings and quotes of realistic length. */
function decision(i: number, sweepId: string): Decision {
  // accounts of their own per sweep: a second sweep's action on a punished account would be absorbed (no outbox)
  const accountId = `${sweepId}-${String(i).padStart(8, '0')}`;
  const [action, durationDays] = ACTION_MIX[i % ACTION_MIX.length]!;
  const findings = [
    { ruleId: 'traffic-diversion/contact-in-text', code: 'traffic-diversion' as const, summary: `contact handle wx: shop${i} in 3 notes, first 2026-10-12` },
    { ruleId: 'homogeneous-content/near-duplicate-notes', code: 'homogeneous-content' as const, summary: `7 notes near-duplicate of notes by 12 other accounts (cluster c${i % 97})` },
  ];
  return {
    accountId,
    codes: ['traffic-diversion', 'homogeneous-content'],
    action,
    durationDays,
    ruleIds: findings.map((f) => f.ruleId),
    severity: 'medium',
    score: 0.92,
    ladderStep: 1,
    priorOffenses: 0,
    policyVersion: policy.policyVersion,
    sweepId,
    snapshotId: `snap-${sweepId}`,
    effectiveAt: EFFECTIVE_AT,
    followerCount: 100 + (i % 5000),
    evidenceKeys: [`note:n${i}a`, `note:n${i}b`],
    quotes: [{ kind: 'note', id: `n${i}a`, text: `加我微信 shop${i} 领取优惠，私信有惊喜` }],
    findings: findings.map((f) => ({ accountId, code: f.code, ruleId: f.ruleId, severity: 'medium', score: 0.92, evidence: { summary: f.summary } })),
  };
}

const dir = await mkdtemp(join(tmpdir(), 'crackdown-bench-enforce-'));
const stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
try {
  const db = documentClient();
  const written = countWrites(db);

  // (a) the raw rate: ledger entries as enforce plans them, no transaction, no condition.
  const raw = new RawBatchWrite(
    db,
    rawLedgerEntries(
      Array.from({ length: RAW_PER_ROUND }, (_, i) => decision(i, 'raw')),
      policy,
      EFFECTIVE_AT,
    ),
    RAW_IN_FLIGHT || 4,
  );

  // (b) the project's enforcement path over planned buckets: `grouped` is enforceBucket on the
  // repository as it is; `single` the same repository without applyMany, i.e. one transaction per action.
  const work = new LocalFolderStore(join(dir, 'work'));
  const repo = new DynamoEnforcementRepository();
  const single: EnforcementRepository = Object.assign(Object.create(repo) as DynamoEnforcementRepository, { applyMany: undefined });
  const paths = PATH === 'both' ? (['grouped', 'single'] as const) : ([PATH] as const);
  const perBucket = Math.ceil(ACTIONS / BUCKETS);
  for (const path of paths)
    for (let b = 0; b < BUCKETS; b++) {
      const ds: Decision[] = [];
      for (let i = b * perBucket; i < Math.min(ACTIONS, (b + 1) * perBucket); i++) ds.push(decision(i, `bench-${path}`));
      await writeDecisions(work, `bench-${path}`, b, ds);
    }
  const enforce = (path: 'grouped' | 'single', b: number) =>
    enforceBucket(work, `bench-${path}`, b, policy, path === 'grouped' ? repo : single, new Set(), () => EFFECTIVE_AT, new Set(), EFFECTIVE_AT);

  // Rounds alternate a raw segment and one bucket per path, so a drift in the machine's load hits both sides of a ratio alike.
  const rounds: Array<{ raw: number } & Partial<Record<'grouped' | 'single', { actions: number; seconds: number; items: number; requests: number }>>> = [];
  if (RAW_IN_FLIGHT === 0) {
    const tried = await raw.calibrate();
    console.error(`[bench:enforce] raw BatchWriteItem by requests in flight: ${tried.map(([n, r]) => `${n}: ${Math.round(r)} items/s`).join(', ')}; rounds use ${raw.inFlight}`);
  } else await raw.round('warm-up'); // the JVM's, not counted
  for (let b = 0; b < BUCKETS; b++) {
    const round: (typeof rounds)[number] = { raw: await raw.round(b) };
    for (const path of paths) {
      written.reset();
      const t0 = performance.now();
      const stats = await enforce(path, b);
      round[path] = { actions: stats.applied, seconds: (performance.now() - t0) / 1000, items: written.items, requests: written.requests };
    }
    rounds.push(round);
    console.error(
      `[bench:enforce] round ${b + 1}/${BUCKETS}: raw ${Math.round(round.raw)} items/s; ${paths.map((p) => `${p} ${Math.round(round[p]!.actions / round[p]!.seconds)} actions/s`).join(', ')}`,
    );
  }

  // A re-run over the same buckets must add nothing (exactly-once), and every action is in the ledger once.
  for (const path of paths) {
    let again = 0;
    for (let b = 0; b < BUCKETS; b++) again += (await enforce(path, b)).applied;
    if (again !== 0) throw new Error(`${path}: a re-run applied ${again} actions again`);
    const ledger = await repo.ledgerForSweep(`bench-${path}`);
    if (ledger.length !== ACTIONS || new Set(ledger.map((e) => e.accountId)).size !== ACTIONS) throw new Error(`${path}: ledger holds ${ledger.length} entries for ${ACTIONS} actions`);
  }

  const rawTotal = rounds.length * RAW_PER_ROUND;
  const summary = (path: 'grouped' | 'single') => {
    const rs = rounds.map((r) => ({ raw: r.raw, ...r[path]! }));
    const actions = rs.reduce((s, r) => s + r.actions, 0);
    const seconds = rs.reduce((s, r) => s + r.seconds, 0);
    const items = rs.reduce((s, r) => s + r.items, 0);
    return {
      actions,
      seconds: Number(seconds.toFixed(1)),
      actionsPerSecond: Math.round(actions / seconds),
      itemsPerAction: Number((items / actions).toFixed(2)),
      actionsPerRequest: Number((actions / rs.reduce((s, r) => s + r.requests, 0)).toFixed(1)),
      /** actions/s ÷ raw items/s of the raw segment just before, per round: the median. */
      ratio: Number(median(rs.map((r) => r.actions / r.seconds / r.raw)).toFixed(3)),
      /** the same in items written: how close each written item comes to the raw rate. */
      itemRatio: Number(median(rs.map((r) => r.items / r.seconds / r.raw)).toFixed(3)),
    };
  };
  const result = {
    raw: { itemsPerRound: RAW_PER_ROUND, itemBytes: raw.itemBytes, batch: RAW_BATCH, inFlight: raw.inFlight, itemsPerSecond: rounds.map((r) => Math.round(r.raw)), total: rawTotal },
    ...Object.fromEntries(paths.map((p) => [p, summary(p)])),
  };
  console.log(`raw BatchWriteItem (25 items of ~${result.raw.itemBytes} B, ${raw.inFlight} in flight), per round: ${result.raw.itemsPerSecond.join(', ')} items/s`);
  for (const p of paths) {
    const r = summary(p);
    console.log(
      `enforce ${p}: ${r.actions} actions in ${r.seconds} s = ${r.actionsPerSecond} actions/s, ${r.itemsPerAction} items and ${(1 / r.actionsPerRequest).toFixed(2)} write requests per action; ratio to raw (median of rounds): ${r.ratio} in actions, ${r.itemRatio} in items`,
    );
  }
  console.log(JSON.stringify(result));
} finally {
  await stack.stop();
  await rm(dir, { recursive: true, force: true });
}
