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
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/awsClients';
import { DynamoEnforcementRepository } from '#shared/adapters/dynamoEnforcementRepository';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { tableName } from '#shared/adapters/tableDefinitions';
import type { EnforcementRepository } from '#shared/ports/enforcementRepository';
import type { Action } from '#shared/contract/decisionExport';
import { planApply } from '#shared/enforcement/planApply';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { enforceBucket } from '#shared/pipeline/enforceBucket';
import { runLimited } from '#shared/pipeline/runLimited';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicyText } from '#shared/policy/loadPolicy';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';

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

/** Items sent per DynamoDB write request kind, counted on the client's wire (middleware). */
const written = { requests: 0, items: 0, byKind: {} as Record<string, { requests: number; items: number }> };
function countItems(commandName: string, input: Record<string, unknown>): void {
  const n =
    commandName === 'TransactWriteItemsCommand'
      ? ((input.TransactItems as unknown[]) ?? []).length
      : commandName === 'BatchWriteItemCommand'
        ? Object.values((input.RequestItems as Record<string, unknown[]>) ?? {}).reduce((s, r) => s + r.length, 0)
        : commandName === 'PutItemCommand' || commandName === 'UpdateItemCommand' || commandName === 'DeleteItemCommand'
          ? 1
          : 0;
  if (n === 0) return;
  written.requests += 1;
  written.items += n;
  const k = (written.byKind[commandName] ??= { requests: 0, items: 0 });
  k.requests += 1;
  k.items += n;
}
const resetCount = () => Object.assign(written, { requests: 0, items: 0, byKind: {} });

const dir = await mkdtemp(join(tmpdir(), 'crackdown-bench-enforce-'));
const stack = await startEmbeddedStack({ stateDir: join(dir, 'state'), quiet: true, handleSignals: false });
try {
  const db = documentClient();
  db.middlewareStack.add(
    (next, context) => async (a) => {
      countItems(context.commandName ?? '', (a.input ?? {}) as Record<string, unknown>);
      return next(a);
    },
    { step: 'initialize', name: 'benchCountItems' },
  );

  // (a) the raw rate: ledger entries as enforce plans them, no transaction, no condition.
  const entries = Array.from({ length: RAW_PER_ROUND }, (_, i) => planApply(undefined, planEnforcement(decision(i, 'raw'), policy, `bench#L${i}`, EFFECTIVE_AT)).entries[0]!);
  const itemBytes = entries.reduce((s, e) => s + JSON.stringify(e).length, 0) / entries.length;
  const ledgerTable = tableName('ledger');
  let rawInFlight = RAW_IN_FLIGHT || 4;
  const rawRound = async (round: number | string, items = entries): Promise<number> => {
    const mine = items.map((e) => ({ ...e, accountId: `raw${round}-${e.accountId}` }));
    const chunks: Array<typeof mine> = [];
    for (let i = 0; i < mine.length; i += 25) chunks.push(mine.slice(i, i + 25));
    const t0 = performance.now();
    await runLimited(chunks, rawInFlight, async (chunk) => {
      let requests: Array<Record<string, unknown>> | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (requests && requests.length > 0) {
        const res: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: { [ledgerTable]: requests as never } }));
        requests = res.UnprocessedItems?.[ledgerTable] as Array<Record<string, unknown>> | undefined;
      }
    });
    return mine.length / ((performance.now() - t0) / 1000);
  };

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
  await rawRound('warm-up'); // the JVM's, not counted
  if (RAW_IN_FLIGHT === 0) {
    // the store's best: the number of requests in flight that writes fastest (more is not faster on DynamoDB Local)
    const tried: Array<[number, number]> = [];
    for (const n of [1, 2, 4, 8, 16]) {
      rawInFlight = n;
      tried.push([n, await rawRound(`calibrate-${n}`, entries.slice(0, 1000))]);
    }
    rawInFlight = tried.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    console.error(`[bench:enforce] raw BatchWriteItem by requests in flight: ${tried.map(([n, r]) => `${n}: ${Math.round(r)} items/s`).join(', ')}; rounds use ${rawInFlight}`);
  }
  for (let b = 0; b < BUCKETS; b++) {
    const round: (typeof rounds)[number] = { raw: await rawRound(b) };
    for (const path of paths) {
      resetCount();
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

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
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
    raw: { itemsPerRound: RAW_PER_ROUND, itemBytes: Math.round(itemBytes), batch: 25, inFlight: rawInFlight, itemsPerSecond: rounds.map((r) => Math.round(r.raw)), total: rawTotal },
    ...Object.fromEntries(paths.map((p) => [p, summary(p)])),
  };
  console.log(`raw BatchWriteItem (25 items of ~${result.raw.itemBytes} B, ${rawInFlight} in flight), per round: ${result.raw.itemsPerSecond.join(', ')} items/s`);
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
