import { describe, expect, it } from 'vitest';
import type { Comment } from '#shared/contract/snapshotRecords';
import { decideAction } from '#shared/policy/decideAction';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { ruleSettings } from '#shared/policy/ruleSettings';
import { account, atSeconds, comment, makeCtx, note, rulesOf, runDetection } from './harness.ts';

// A crew praising a business's notes in words no lexicon holds: each member says something different each time.
const SERVICE = ['环境很干净', '医生很专业', '价格透明，没有乱推销', '恢复得很快', '我也是在这做的', '看起来很自然', '做完朋友都说变好看了', '前台小姐姐很温柔'];
// selling or asking, each member in its own words (identical words would be a praise ring)
const SELLING = ['在哪家做的呀', '效果真的好', '已经推荐给闺蜜了', '回购第三次了', '性价比很高', '闭眼入不踩雷'];
const crew = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
const notes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];

/**
 * Each member comments once per note, 40 s after the previous one, starting 20 minutes after the note; with
 * `selling`, every third comment on each note sells or asks (each member twice in six notes): too few for a
 * selling burst (< promoMinShare of its span), so only the crew's return can tell it.
 */
function crewComments(members: string[], noteIds: string[], opts: { selling: boolean; gapSeconds?: number }): Comment[] {
  const out: Comment[] = [];
  noteIds.forEach((n, i) => {
    members.forEach((m, j) => {
      const text = opts.selling && (i + j) % 3 === 0 ? SELLING[(i + j) % SELLING.length] : SERVICE[(i * 3 + j) % SERVICE.length];
      out.push(comment(`${n}-${m}`, n, m, text, { createdAt: atSeconds(i * 86400 * 4 + 1200 + j * (opts.gapSeconds ?? 40)) }));
    });
  });
  return out;
}

const fixture = (comments: Comment[], members = crew) => ({
  accounts: [...members.map((id) => account(id)), account('clinic', { accountType: 'professional' })],
  notes: notes.map((n, i) => note(n, 'clinic', { createdAt: atSeconds(i * 86400 * 4) })),
  comments,
});

describe('water-army: a crew returning together (recurring-crew)', () => {
  it('finds the same accounts commenting in lockstep on six notes, selling twice, whatever their words', () => {
    const r = runDetection(fixture(crewComments(crew, notes, { selling: true })));
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual(['water-army/recurring-crew']);
    const f = r.byAccount.get('c1')!.find((x) => x.ruleId === 'water-army/recurring-crew')!;
    expect(f.evidence.noteIds).toEqual(notes);
    expect(f.evidence.relatedAccountIds).toEqual(['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
    expect(f.evidence.commentIds).toEqual(['n1-c1', 'n2-c1', 'n3-c1', 'n4-c1', 'n5-c1', 'n6-c1']);
  });

  it('alone it is supporting evidence: a first offence is a warning, not a suspension', () => {
    const r = runDetection(fixture(crewComments(crew, notes, { selling: true })));
    const policy = defaultPolicy();
    const d = decideAction(
      { accountId: 'c1', findings: r.byAccount.get('c1')!, prior: [], followerCount: 10 },
      { policy, rules: ruleSettings(policy), sweepId: 'sw-1', snapshotId: 'snap', takenAt: '2026-11-20T00:00:00.000Z' },
    );
    expect(d.action).toBe('warn');
  });

  it('fans and friends returning together without selling or asking are not a crew', () => {
    const r = runDetection(fixture(crewComments(crew, notes, { selling: false })));
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('two notes together are not enough', () => {
    const ctx = makeCtx({ overrides: { 'water-army/recurring-crew': { minSellingComments: 0 } } });
    const r = runDetection(fixture(crewComments(crew, notes.slice(0, 2), { selling: true })), ctx);
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('a crew posting six or seven minutes apart (its whole comment section one slow run) is still a crew', () => {
    const r = runDetection(fixture(crewComments(crew, notes, { selling: true, gapSeconds: 400 })));
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual(['water-army/recurring-crew']);
  });

  it('the same people spread over hours are not in lockstep', () => {
    const r = runDetection(fixture(crewComments(crew, notes, { selling: true, gapSeconds: 3600 })));
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('a crowd larger than maxRunAccounts is not a crew', () => {
    const crowd = Array.from({ length: 51 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    const r = runDetection(fixture(crewComments(crowd, notes, { selling: true, gapSeconds: 5 }), crowd));
    // (its repeated stock phrases may still be a praise ring; that is the other rule's call)
    for (const m of crowd) expect(rulesOf(r, m, 'water-army')).not.toContain('water-army/recurring-crew');
    // and 50 is a crew
    const fifty = crowd.slice(0, 50);
    const r50 = runDetection(fixture(crewComments(fifty, notes, { selling: true, gapSeconds: 5 }), fifty));
    expect(rulesOf(r50, 'f00', 'water-army')).toContain('water-army/recurring-crew');
  });

  it('a block of fans in the early run of a busy note is a small part of its audience, not a crew', () => {
    const audience: Comment[] = [];
    const readers = Array.from({ length: 12 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    // each note also has 12 one-time readers over the following day: the block is 8 of 20 commenters
    notes.forEach((n, i) => readers.forEach((rd, j) => audience.push(comment(`${n}-${rd}`, n, `${n}-${rd}`, '好看', { createdAt: atSeconds(i * 86400 * 4 + 7200 + j * 5400) }))));
    const r = runDetection(fixture([...crewComments(crew, notes, { selling: true }), ...audience]));
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual([]);
    // the share is what tells them apart: without it the block would be a crew
    const ctx = makeCtx({ overrides: { 'water-army/recurring-crew': { minRunShare: 0 } } });
    const r0 = runDetection(fixture([...crewComments(crew, notes, { selling: true }), ...audience]), ctx);
    expect(rulesOf(r0, 'c1', 'water-army')).toEqual(['water-army/recurring-crew']);
  });

  it('the threshold is policy data: minPartners above the crew size finds nothing', () => {
    const ctx = makeCtx({ overrides: { 'water-army/recurring-crew': { minPartners: 8 } } });
    const r = runDetection(fixture(crewComments(crew, notes, { selling: true })), ctx);
    for (const m of crew) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });
});

describe('water-army: a member of a confirmed crew seen on too few notes to be a crew alone (crew-associate)', () => {
  // a hired member joins the crew's run right after the others (40 s after its last comment), on some notes only
  const joiner = (id: string, noteIds: string[]): Comment[] =>
    noteIds.map((n) => {
      const i = notes.indexOf(n);
      return comment(`${n}-${id}`, n, id, SERVICE[i % SERVICE.length], { createdAt: atSeconds(i * 86400 * 4 + 1200 + crew.length * 40) });
    });
  const run = (extra: Comment[], ids: string[], ctx = makeCtx()) => runDetection(fixture([...crewComments(crew, notes, { selling: true }), ...extra], [...crew, ...ids]), ctx);

  it("in the confirmed crew's runs on two notes, it is a crew-associate (a warning), with the notes and the crew as evidence", () => {
    const r = run(joiner('h1', ['n2', 'n5']), ['h1']);
    expect(rulesOf(r, 'h1', 'water-army')).toEqual(['water-army/crew-associate']);
    const f = r.byAccount.get('h1')!.find((x) => x.ruleId === 'water-army/crew-associate')!;
    expect(f.evidence.noteIds).toEqual(['n2', 'n5']);
    expect(f.evidence.relatedAccountIds).toEqual(crew);
    expect(f.severity).toBe('low');
    // the crew itself is unchanged
    expect(rulesOf(r, 'c1', 'water-army')).toEqual(['water-army/recurring-crew']);
  });

  it('a reader inside one crew run stays clean', () => {
    const r = run(joiner('h1', ['n3']), ['h1']);
    expect(rulesOf(r, 'h1', 'water-army')).toEqual([]);
  });

  it('beside an unconfirmed block (too few notes to be a crew) nobody is taken', () => {
    const r = runDetection(fixture([...crewComments(crew, notes.slice(0, 2), { selling: true }), ...joiner('h1', ['n1', 'n2'])], [...crew, 'h1']));
    for (const m of [...crew, 'h1']) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it("the confirmed must be most of its run: minConfirmedShare above the crew's share takes nobody", () => {
    const ctx = makeCtx({ overrides: { 'water-army/crew-associate': { minConfirmedShare: 1.01 } } });
    const r = run(joiner('h1', ['n2', 'n5']), ['h1'], ctx);
    expect(rulesOf(r, 'h1', 'water-army')).toEqual([]);
  });
});
