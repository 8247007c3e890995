/**
 * A ledger nobody without the key can forge: acts on the in-memory ledger anchored through the
 * local HMAC key and a write-once folder, then each kind of tampering applied to what the tables
 * hold (as someone who can write them would) must fail verification, and honest acts must pass.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLedgerMac, ensureLocalLedgerKey } from '#shared/adapters/localLedgerMac';
import { LocalWriteOnceStore } from '#shared/adapters/localWriteOnceStore';
import { MemoryLedger } from '#shared/adapters/memoryLedger';
import { anchorSweep } from '#shared/audit/anchorSweep';
import { appealIdFor, type AppealRecord } from '#shared/audit/appeals';
import { auditLedger } from '#shared/audit/auditLedger';
import { chainEntry, entryHash } from '#shared/audit/hashChain';
import { LedgerAnchorer, anchorDigestOf, anchorKey, writeAnchor } from '#shared/audit/ledgerAnchor';
import { appealSubmitEntry } from '#shared/audit/planAppealDecision';
import { readAnchors } from '#shared/audit/readAnchors';
import { verifyLedger } from '#shared/audit/verifyLedger';
import type { Action } from '#shared/contract/decisionExport';
import { liftIdFor, type LedgerEntry, type PenaltyState } from '#shared/enforcement/ledgerEntry';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import type { Decision } from '#shared/policy/decideAction';
import { parsePolicy } from '#shared/policy/loadPolicy';
import { ObjectExistsError } from '#shared/ports/writeOnceStore';
import policyJson from '../golden/policy.json' with { type: 'json' };
import { decision as enforcedDecision } from '../pipeline/sweepLedgerFixture.ts';

const policy = parsePolicy(policyJson, 'tests/golden/policy.json');
const SWEEP = 'forgery-1';
const DAY = 86_400_000;
const at = (day: number) => new Date(Date.parse('2026-11-01T00:00:00.000Z') + day * DAY).toISOString();

const decision = (accountId: string, action: Action, durationDays?: number): Decision => enforcedDecision(accountId, SWEEP, action, at(0), durationDays);

let dir: string;
let mac: LocalLedgerMac;
let store: LocalWriteOnceStore;
let ledger: MemoryLedger;
const ACCOUNTS = { banned: 'acc-ban', lifted: 'acc-lift', reversed: 'acc-rev', appealed: 'acc-appeal', rejected: 'acc-reject', warned: 'acc-warn', spare: 'acc-spare' };

async function appeal(accountId: string, day: number): Promise<AppealRecord> {
  const target = (await ledger.ledgerFor(accountId)).find((e) => e.entryKey === `${SWEEP}#enforce`)!;
  const record: AppealRecord = {
    appealId: appealIdFor(accountId, SWEEP),
    accountId,
    sweepId: SWEEP,
    entryKey: target.entryKey,
    action: target.action,
    policyVersion: target.policyVersion,
    statement: 'not me',
    channel: 'cli',
    submittedAt: at(day),
    deadline: at(day + 30),
    status: 'pending',
  };
  expect(await ledger.submitAppeal(record, appealSubmitEntry(record, target))).toBe('submitted');
  return record;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crackdown-forgery-'));
  ensureLocalLedgerKey(join(dir, 'ledger-mac.key'));
  mac = new LocalLedgerMac(join(dir, 'ledger-mac.key'));
  store = new LocalWriteOnceStore(join(dir, 'anchors'));
  ledger = new MemoryLedger(new LedgerAnchorer(mac, store, { now: () => at(0) }));
  // Enforce (concurrently, so the anchorer batches), lift, reverse, appeal (upheld and rejected).
  await Promise.all([
    ledger.apply(planEnforcement(decision(ACCOUNTS.banned, 'ban'), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.lifted, 'suspend', 7), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.reversed, 'suspend', 7), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.appealed, 'limit', 7), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.rejected, 'ban'), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.warned, 'warn'), policy, `test:${SWEEP}`, at(0))),
    ledger.apply(planEnforcement(decision(ACCOUNTS.spare, 'ban'), policy, `test:${SWEEP}`, at(0))),
  ]);
  expect(await ledger.applyLift((await ledger.getLift(liftIdFor(ACCOUNTS.lifted, SWEEP)))!, at(8))).toBe('lifted');
  expect((await ledger.reverse({ accountId: ACCOUNTS.reversed, sweepId: SWEEP, actor: 'operator', reason: 'detector bug', ref: 'reversal:r1', now: at(1) })).outcome).toBe('reversed');
  const upheld = await appeal(ACCOUNTS.appealed, 1);
  const decided = { ...upheld, status: 'upheld' as const, decidedAt: at(2), decidedBy: 'handler-1', decisionReason: 'shared device' };
  expect(
    (await ledger.reverse({ accountId: ACCOUNTS.appealed, sweepId: SWEEP, actor: 'appeal-handler', reason: 'shared device', ref: `appeal:${upheld.appealId}`, now: at(2), appeal: decided })).outcome,
  ).toBe('reversed');
  await appeal(ACCOUNTS.rejected, 1);
  await anchorSweep(ledger, SWEEP, at(0));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Tables = { entries: LedgerEntry[]; penalties: PenaltyState[] };

/** Verifies what the tables would hold after `tamper` changed them. */
async function verifyAfter(tamper: (t: Tables) => void, opts: { anchors?: boolean } = {}) {
  const t: Tables = { entries: await ledger.allLedger(), penalties: await ledger.allPenalties() };
  tamper(t);
  const ledgerAnchors = opts.anchors === false ? undefined : await readAnchors(store, mac);
  return verifyLedger({ ...t, anchors: await ledger.sweepAnchors(), ledgerAnchors });
}
const chainOf = (t: Tables, id: string) => t.entries.filter((e) => e.accountId === id).sort((a, b) => a.seq! - b.seq!);
const stateOf = (t: Tables, id: string) => t.penalties.find((p) => p.accountId === id)!;
const replace = (t: Tables, old: LedgerEntry, next: LedgerEntry) => (t.entries[t.entries.indexOf(old)] = next);
const moveHead = (t: Tables, id: string, e: LedgerEntry, change: Partial<PenaltyState> = {}) => {
  const s = stateOf(t, id);
  t.penalties[t.penalties.indexOf(s)] = { ...s, ...change, version: s.version + 1, chainSeq: e.seq, chainHash: e.hash };
};
const kinds = (r: { issues: Array<{ kind: string }> }) => [...new Set(r.issues.map((i) => i.kind))].sort();

describe('the ledger key and the write-once store', () => {
  it('the key file is created once, mode 0600, and kept as it is', async () => {
    const file = join(dir, 'ledger-mac.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const before = await readFile(file, 'utf8');
    ensureLocalLedgerKey(file);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(before.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the anchor folder refuses to overwrite an anchor', async () => {
    const [key] = await store.list('ledger-anchors/');
    await expect(store.create(key, '{}')).rejects.toBeInstanceOf(ObjectExistsError);
    expect(JSON.parse(await store.readText(key)).mac).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('concurrent writes share an anchor: fewer MACs than entries, every entry covered', async () => {
    const { anchors, issues } = await readAnchors(store, mac);
    expect(issues).toEqual([]);
    const listed = anchors.flatMap((a) => a.entries);
    const entries = await ledger.allLedger();
    expect(anchors.length).toBeLessThan(entries.length);
    expect(listed.map((e) => e.hash).sort()).toEqual(expect.arrayContaining(entries.map((e) => e.hash).sort()));
  });
});

describe('audit verify on an honest ledger', () => {
  it('after enforce, lift, reverse and appeals every entry is anchored and the ledger verifies', async () => {
    const steps = new Set((await ledger.allLedger()).map((e) => e.step));
    expect([...steps].sort()).toEqual(['appeal-decide', 'appeal-submit', 'enforce', 'lift', 'reverse']);
    const report = await auditLedger(ledger, { mac, store });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ ok: true, sweepsAnchored: 1 });
    expect(report.ledgerAnchors).toBeGreaterThan(0);
  });

  it('refuses a verdict without the key and the anchors', async () => {
    await expect(auditLedger(ledger, undefined)).rejects.toThrow(/cannot be verified/);
  });
});

describe('forgeries with a recomputed hash and a moved chain head', () => {
  it('a forged reverse entry that clears an account: chain and head agree, no anchor vouches for it', async () => {
    const forge = (t: Tables) => {
      const [enforce] = chainOf(t, ACCOUNTS.banned);
      const s = stateOf(t, ACCOUNTS.banned);
      const forged = chainEntry(
        { ...enforce, entryKey: `${SWEEP}#reverse`, step: 'reverse', actor: 'operator', reason: 'forged', reversesEntryKey: enforce.entryKey, recordedAt: at(3) },
        { seq: s.chainSeq!, hash: s.chainHash! },
      );
      t.entries.push(forged);
      moveHead(t, ACCOUNTS.banned, forged, { status: 'cleared', action: 'none', offenses: [] });
    };
    // The hash chain alone (no anchors) is fooled: this is the forgery the key closes.
    expect((await verifyAfter(forge, { anchors: false })).ok).toBe(true);
    const r = await verifyAfter(forge);
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'unanchored-entry', accountId: ACCOUNTS.banned, entryKey: `${SWEEP}#reverse` })]);
  });

  it('a rewritten lift entry (new date, actor changed): chain and head agree, its new hash is anchored nowhere', async () => {
    const rewrite = (t: Tables) => {
      const [enforce, lift] = chainOf(t, ACCOUNTS.lifted);
      expect(lift.step).toBe('lift');
      const rewritten = chainEntry({ ...lift, actor: 'operator', effectiveAt: at(2), recordedAt: at(2) }, { seq: enforce.seq!, hash: enforce.hash! });
      replace(t, lift, rewritten);
      moveHead(t, ACCOUNTS.lifted, rewritten);
    };
    expect((await verifyAfter(rewrite, { anchors: false })).ok).toBe(true);
    const r = await verifyAfter(rewrite);
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'unanchored-entry', accountId: ACCOUNTS.lifted, entryKey: `${SWEEP}#lift` })]);
  });

  it('an anchor the forger writes for it with a key of their own vouches for nothing', async () => {
    const otherKey = join(dir, 'forger.key');
    ensureLocalLedgerKey(otherKey);
    const forger = new LocalLedgerMac(otherKey);
    let forged: LedgerEntry | undefined;
    const forge = (t: Tables) => {
      const [enforce] = chainOf(t, ACCOUNTS.spare);
      const s = stateOf(t, ACCOUNTS.spare);
      forged = chainEntry({ ...enforce, entryKey: `${SWEEP}#reverse`, step: 'reverse', actor: 'operator', reason: 'forged', recordedAt: at(3) }, { seq: s.chainSeq!, hash: s.chainHash! });
      t.entries.push(forged);
      moveHead(t, ACCOUNTS.spare, forged, { status: 'cleared', action: 'none', offenses: [] });
    };
    await verifyAfter(forge); // builds `forged`
    // Same key id claimed, MAC from another key; then the forger's own key id.
    await writeAnchor({ keyId: mac.keyId, sign: (m) => forger.sign(m), verify: async () => false }, store, [{ accountId: ACCOUNTS.spare, entryKey: forged!.entryKey, hash: forged!.hash! }], at(3));
    await writeAnchor(forger, store, [{ accountId: ACCOUNTS.spare, entryKey: forged!.entryKey, hash: forged!.hash! }], at(4));
    const r = await verifyAfter(forge);
    expect(kinds(r)).toEqual(['anchor-invalid', 'unanchored-entry']);
    expect(r.issues.filter((i) => i.kind === 'anchor-invalid')).toHaveLength(2);
  });
});

describe('the nine kinds of tampering the hash chain already caught, still caught', () => {
  // Removes the forger's anchors of the test above (a write-once store would keep them: they only add anchor-invalid).
  const report = async (tamper: (t: Tables) => void) => {
    const r = await verifyAfter(tamper);
    return { ...r, issues: r.issues.filter((i) => i.kind !== 'anchor-invalid') };
  };

  it('1. an edited entry', async () => {
    const r = await report((t) => {
      const [e] = chainOf(t, ACCOUNTS.banned);
      replace(t, e, { ...e, action: 'warn' });
    });
    expect(kinds(r)).toEqual(['hash-mismatch']);
  });

  it('2. an edited entry whose hash was recomputed (head not moved)', async () => {
    const r = await report((t) => {
      const [e] = chainOf(t, ACCOUNTS.banned);
      const forged = { ...e, action: 'warn' as const };
      replace(t, e, { ...forged, hash: entryHash(forged) });
    });
    expect(kinds(r)).toEqual(['anchor-mismatch', 'head-mismatch', 'unanchored-entry']);
  });

  it('3. a deleted latest entry', async () => {
    const r = await report((t) => {
      const chain = chainOf(t, ACCOUNTS.rejected);
      t.entries.splice(t.entries.indexOf(chain.at(-1)!), 1);
    });
    expect(kinds(r)).toEqual(['head-mismatch']);
  });

  it('4. a whole account deleted with its penalty item', async () => {
    const r = await report((t) => {
      t.entries = t.entries.filter((e) => e.accountId !== ACCOUNTS.warned);
      t.penalties = t.penalties.filter((p) => p.accountId !== ACCOUNTS.warned);
    });
    expect(kinds(r)).toEqual(['anchor-mismatch', 'anchored-entry-missing']);
  });

  it('5. an inserted entry claiming an existing seq', async () => {
    const r = await report((t) => {
      const [e] = chainOf(t, ACCOUNTS.warned);
      t.entries.push({ ...e, entryKey: 'other-sweep#enforce', sweepId: 'other-sweep' });
    });
    expect(kinds(r)).toContain('duplicate-seq');
  });

  it('6. a well-formed link appended after the head, the head left alone', async () => {
    const r = await report((t) => {
      const [e] = chainOf(t, ACCOUNTS.warned);
      t.entries.push(chainEntry({ ...e, entryKey: 'other-sweep#enforce', sweepId: 'other-sweep' }, { seq: e.seq!, hash: e.hash! }));
    });
    expect(kinds(r)).toEqual(['head-mismatch', 'unanchored-entry']);
  });

  it('7. an inserted entry without chain fields', async () => {
    const r = await report((t) => {
      const { seq: _s, prevHash: _p, hash: _h, ...bare } = chainOf(t, ACCOUNTS.warned)[0];
      t.entries.push({ ...bare, entryKey: 'other-sweep#enforce', sweepId: 'other-sweep' });
    });
    expect(kinds(r)).toEqual(['unanchored-entry', 'unchained-entry']);
  });

  it('8. two entries swapped in order', async () => {
    const r = await report((t) => {
      const [a, b] = chainOf(t, ACCOUNTS.lifted);
      replace(t, a, { ...a, seq: b.seq });
      replace(t, b, { ...b, seq: a.seq });
    });
    expect(kinds(r)).toContain('hash-mismatch');
  });

  it('9. the lift entry deleted and the head rolled back to the enforce entry', async () => {
    const r = await report((t) => {
      const [a, b] = chainOf(t, ACCOUNTS.lifted);
      t.entries.splice(t.entries.indexOf(b), 1);
      moveHead(t, ACCOUNTS.lifted, a);
    });
    expect(kinds(r)).toEqual(['missing-lift-entry']);
  });

  it('an anchor edited in place (the store is write-once, but files can be changed by their owner)', async () => {
    // One of the honest anchors (not the forger's of the test above): its entries are in the ledger.
    const entries = new Set((await ledger.allLedger()).map((e) => e.hash));
    const honest = (await readAnchors(store, mac)).anchors.find((a) => entries.has(a.entries[0].hash))!;
    const path = store.describe(anchorKey(anchorDigestOf(honest)));
    const original = await readFile(path, 'utf8');
    const anchor = JSON.parse(original);
    anchor.entries[0].hash = '0'.repeat(64);
    await rm(path, { force: true });
    await writeFile(path, JSON.stringify(anchor));
    try {
      const r = await verifyAfter(() => {});
      expect(kinds(r)).toEqual(expect.arrayContaining(['anchor-invalid', 'unanchored-entry']));
    } finally {
      await rm(path, { force: true });
      await writeFile(path, original);
    }
  });
});
