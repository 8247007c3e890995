/**
 * The sweep anchor is made from per-bucket digests: each Enforce item digests its own accounts' enforce entries
 * (read back by key, whether it applied them now or an earlier run did), FinishSweep combines the buckets' digests
 * and reads no ledger entry, and `audit verify` recomputes the same anchor from the ledger, so a deleted or edited
 * enforce entry still breaks it. A sweep whose Enforce left no digests is anchored over its entries read whole.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { anchorSweep } from '#shared/audit/anchorSweep';
import { anchorDigest, anchorDigestByBucket } from '#shared/audit/hashChain';
import { verifyLedger } from '#shared/audit/verifyLedger';
import type { Action } from '#shared/contract/decisionExport';
import { enforceBucket, type EnforceStats } from '#shared/pipeline/enforceBucket';
import { bucketOf } from '#shared/pipeline/hashBucket';
import { writeDecisions } from '#shared/pipeline/sweepArtifacts';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import policyJson from '../golden/policy.json' with { type: 'json' };
import { decision } from '../pipeline/sweepLedgerFixture.ts';

const policy = parsePolicy(policyJson, 'tests/golden/policy.json');
const SWEEP = 'anchored';
const BUCKETS = 4;
const AT = '2026-11-21T00:00:00.000Z';
const ACTIONS: Array<[Action, number | undefined]> = [
  ['warn', undefined],
  ['limit', 7],
  ['suspend', 7],
  ['ban', undefined],
  ['none', undefined],
];

let dir: string;
let work: LocalFolderStore;
let ledger: MemoryLedger;
let decisions: Decision[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anchor-buckets-'));
  work = new LocalFolderStore(dir);
  ledger = new MemoryLedger();
  decisions = Array.from({ length: 30 }, (_, i) => decision(`acct-${i}`, SWEEP, ACTIONS[i % ACTIONS.length][0], AT, ACTIONS[i % ACTIONS.length][1]));
  for (let b = 0; b < BUCKETS; b++) {
    await writeDecisions(
      work,
      SWEEP,
      b,
      decisions.filter((d) => bucketOf(d.accountId, BUCKETS) === b),
    );
  }
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const enforceAll = async (): Promise<EnforceStats[]> => {
  const out: EnforceStats[] = [];
  for (let b = 0; b < BUCKETS; b++) out.push(await enforceBucket(work, SWEEP, b, policy, ledger, new Set(), () => AT, new Set(), AT));
  return out;
};
const enforceEntries = async () => (await ledger.ledgerForSweep(SWEEP)).filter((e) => e.step === 'enforce');
const verify = async (entries = ledger.allLedger()) => verifyLedger({ entries: await entries, penalties: await ledger.allPenalties(), anchors: await ledger.sweepAnchors() });
const anchorIssues = (r: { issues: Array<{ kind: string }> }) => r.issues.filter((i) => i.kind === 'anchor-mismatch');

describe('the sweep anchor, from the buckets Enforce digested', () => {
  it("is each bucket's digest of its own enforce entries combined; audit verify recomputes it from the ledger, and a deleted or edited entry breaks it", async () => {
    const stats = await enforceAll();
    const entries = await enforceEntries();
    expect(entries.length).toBe(decisions.filter((d) => d.action !== 'none').length);
    for (const s of stats) expect(s.anchor, `bucket ${s.bucket}`).toEqual(anchorDigest(entries.filter((e) => bucketOf(e.accountId, BUCKETS) === s.bucket)));
    expect(stats.filter((s) => s.anchor!.count > 0).length).toBeGreaterThan(1);
    // a re-run applies nothing and digests the same entries
    expect((await enforceAll()).map((s) => [s.applied, s.anchor])).toEqual(stats.map((s) => [0, s.anchor]));

    // Finish reads no ledger entry
    let readWhole = 0;
    const ledgerForSweep = ledger.ledgerForSweep.bind(ledger);
    ledger.ledgerForSweep = (id) => (readWhole++, ledgerForSweep(id));
    const anchor = await anchorSweep(ledger, SWEEP, AT, { bucketCount: BUCKETS, stats });
    expect(readWhole).toBe(0);
    expect(anchor).toEqual({ ...anchorDigestByBucket(entries, BUCKETS), buckets: BUCKETS, anchoredAt: AT });
    expect(anchor.count).toBe(entries.length);

    expect(anchorIssues(await verify())).toEqual([]);
    const victim = entries[3];
    const deleted = (await ledger.allLedger()).filter((e) => !(e.accountId === victim.accountId && e.entryKey === victim.entryKey));
    expect(anchorIssues(await verify(Promise.resolve(deleted)))).toHaveLength(1);
    const edited = (await ledger.allLedger()).map((e) => (e.accountId === victim.accountId && e.entryKey === victim.entryKey ? { ...e, hash: 'f'.repeat(64) } : e));
    expect(anchorIssues(await verify(Promise.resolve(edited)))).toHaveLength(1);
  });

  it('falls back to the entries read whole when a bucket has no digest (its Enforce ran before digests), anchored as before', async () => {
    const stats = await enforceAll();
    const withoutOne = stats.map((s) => (s.bucket === 2 ? { ...s, anchor: undefined } : s));
    const anchor = await anchorSweep(ledger, SWEEP, AT, { bucketCount: BUCKETS, stats: withoutOne });
    expect(anchor).toEqual({ ...anchorDigest(await enforceEntries()), anchoredAt: AT });
    expect(anchor.buckets).toBeUndefined();
    expect(anchorIssues(await verify())).toEqual([]);
  });
});
