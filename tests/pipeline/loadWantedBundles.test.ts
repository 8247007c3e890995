/**
 * A step that wants a few accounts of a bucket (a human review's evidence) loads their bundles only, skipping the
 * other lines before they are parsed: each wanted bundle is exactly what the whole load gives, whatever the ids
 * hold (quotes, backslashes) or the texts quote (`"accountId":"…"` inside a body), duplicates and signals included.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { loadAccountBundles } from '#shared/pipeline/resolveBucket';
import { ownerFilter } from '#shared/pipeline/shuffleLineOwner';
import { sweepPaths } from '#shared/pipeline/sweepPaths';

const SWEEP = 'wanted';
const paths = sweepPaths(SWEEP);
const ODD = 'u"q\\x'; // an id JSON escapes
const T = '2026-11-01T00:00:00Z';
const account = (accountId: string) => ({
  accountId,
  createdAt: T,
  nickname: `n-${accountId}`,
  accountType: 'personal',
  followerCount: 1,
  followingCount: 2,
  registration: { ip: '10.0.0.1', deviceId: 'd', client: 'ios' },
});
const note = (noteId: string, accountId: string, body: string) => ({ noteId, accountId, createdAt: T, title: 't', body, client: 'ios', likeCount: 0, collectCount: 0, commentCount: 0 });
const comment = (commentId: string, accountId: string) => ({ commentId, noteId: 'n1', accountId, createdAt: T, text: `"accountId":"u1"` });
const follow = (followerId: string, followeeId: string) => ({ followerId, followeeId, createdAt: T });
const report = (reportId: string, targetId: string) => ({ reportId, reporterId: 'u9', targetType: 'account', targetId, reason: 'spam', createdAt: T });
const lines = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

let root: string;
let work: LocalFolderStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wanted-'));
  work = new LocalFolderStore(root);
  await work.write(paths.accountShuffleObject(0, 'accounts', 0, 0), lines([account('u1'), account('u2'), account(ODD), account('u1')]));
  // u2's body quotes u1's field; the same note twice (a duplicate kept once)
  await work.write(paths.accountShuffleObject(0, 'notes', 0, 0), lines([note('n1', 'u2', 'see "accountId":"u1" here'), note('n2', 'u1', 'a'), note('n2', 'u1', 'a'), note('n3', ODD, 'b')]));
  await work.write(paths.accountShuffleObject(0, 'comments', 1, 0), lines([comment('c1', 'u2'), comment('c2', ODD), comment('c3', 'u1')]));
  await work.write(paths.accountShuffleObject(0, 'follows', 0, 0), lines([follow('u1', 'u2'), follow('u2', 'u1'), follow('u3', ODD)]));
  await work.write(paths.accountShuffleObject(0, 'reports', 0, 0), lines([report('r1', 'u1'), report('r2', 'u2')]));
  await work.write(paths.signalsObject(0, 'contact', 0), lines([{ accountId: 'u1', channel: 'contact', code: 'traffic-diversion', ruleId: 'x', key: 'k', score: 0.9, detail: {} }]));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loading the wanted accounts of a bucket', () => {
  for (const wanted of [['u1'], ['u2'], [ODD], ['u1', ODD], ['nobody']])
    it(`gives exactly the whole load's bundles of ${JSON.stringify(wanted)}, and no other`, async () => {
      const whole = await loadAccountBundles(work, SWEEP, 0);
      const duplicates = {};
      const some = await loadAccountBundles(work, SWEEP, 0, duplicates, new Set(wanted));
      expect([...some.keys()].sort()).toEqual(wanted.filter((id) => whole.has(id)).sort());
      for (const id of some.keys()) expect(some.get(id)).toEqual(whole.get(id));
      if (wanted.includes('u1')) expect(duplicates).toEqual({ accounts: 1, notes: 1 });
    });

  it('skips a line by its owner without parsing it, and keeps any line whose owner it cannot read', () => {
    const wanted = ownerFilter('notes', new Set([ODD]));
    expect(wanted(JSON.stringify(note('n3', ODD, 'x')))).toBe(true);
    expect(wanted(JSON.stringify(note('n1', 'u2', 'see "accountId":"u"q\\\\x" here')))).toBe(false);
    expect(ownerFilter('follows', new Set(['u2']))(JSON.stringify(follow('u2', 'u1')))).toBe(false);
    expect(ownerFilter('follows', new Set(['u2']))(JSON.stringify(follow('u1', 'u2')))).toBe(true);
    expect(ownerFilter('reports', new Set(['u1']))(JSON.stringify(report('r2', 'u2')))).toBe(true);
    expect(wanted('{"noteId":"n9"}')).toBe(true);
  });
});
