import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/detect/finding';
import { planEnforcement } from '#shared/enforcement/planEnforcement';
import { composeNotice } from '#shared/notify/composeNotice';
import { ownContentQuotes } from '#shared/notify/ownContentQuotes';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import type { Decision } from '#shared/policy/decideAction';

const base = { accountId: 'a1', sweepId: 's1', appealUrl: 'app://appeal', appealWindowDays: 30, quotes: [] };

describe('composeNotice', () => {
  it('tells the account the code, the rule, the action, when it started and lifts, and how to appeal, in Chinese and English', () => {
    const n = composeNotice({
      ...base,
      codes: ['traffic-diversion'],
      ruleIds: ['traffic-diversion/contact-in-text'],
      action: 'suspend',
      durationDays: 14,
      appliedAt: '2026-12-05T09:30:00.000Z',
      until: '2026-12-19T09:30:00.000Z',
      quotes: [{ kind: 'note', id: 'n1', text: '加我微信 abc123 领取' }],
    });
    expect(n.text.zh).toContain('站外引流');
    expect(n.text.zh).toContain('封禁14天');
    expect(n.text.zh).toContain('自2026-12-05 09:30 UTC起');
    expect(n.text.zh).toContain('将于2026-12-19 09:30 UTC自动解除');
    expect(n.text.zh).toContain('微信号、QQ号'); // the rule, in words
    expect(n.text.zh).toContain('笔记「加我微信 abc123 领取」');
    expect(n.text.zh).toContain('app://appeal');
    expect(n.text.en).toContain('suspension for 14 days');
    expect(n.text.en).toContain('from 2026-12-05 09:30 UTC until 2026-12-19 09:30 UTC');
    expect(n.text.en).toContain('your note "加我微信 abc123 领取"');
    expect(n.appliedAt).toBe('2026-12-05T09:30:00.000Z');
    // the appeal window counts from when the penalty was applied
    expect(n.appeal.deadline).toBe('2027-01-04T09:30:00.000Z');
  });

  it('says a ban has no end date', () => {
    const n = composeNotice({ ...base, codes: ['fake-account'], ruleIds: [], action: 'ban', appliedAt: '2026-11-20T00:00:00Z' });
    expect(n.text.en).toContain('permanent ban');
    expect(n.text.en).toContain('no end date');
    expect(n.text.zh).toContain('永久封禁');
  });
});

const decision = (over: Partial<Decision>): Decision => ({
  accountId: 'me',
  codes: ['fake-account'],
  action: 'limit',
  durationDays: 7,
  ruleIds: ['fake-account/shared-device'],
  severity: 'medium',
  score: 0.9,
  ladderStep: 1,
  priorOffenses: 0,
  policyVersion: 'p',
  sweepId: 'campaign',
  snapshotId: 'snap',
  effectiveAt: '2026-11-20T00:00:00.000Z',
  followerCount: 10,
  findings: [
    {
      accountId: 'me',
      code: 'fake-account',
      ruleId: 'fake-account/shared-device',
      severity: 'medium',
      score: 0.9,
      evidence: { summary: '10 accounts registered on one device: acc-other-1, acc-other-2 (note n-of-other)', relatedAccountIds: ['acc-other-1', 'acc-other-2'], clusterKey: 'dev#9f' },
    },
  ],
  ...over,
});

describe('the enforcement notice', () => {
  it('runs the penalty from when enforcement applied it, not from the snapshot: a 7-day limit applied on Dec 5 lifts on Dec 12', () => {
    const p = planEnforcement(decision({}), defaultPolicy(), 'ref', '2026-12-05T08:00:00.000Z', '2026-12-05T08:00:00.000Z');
    expect(p.ledger.effectiveAt).toBe('2026-11-20T00:00:00.000Z');
    expect(p.ledger.appliedAt).toBe('2026-12-05T08:00:00.000Z');
    expect(p.ledger.until).toBe('2026-12-12T08:00:00.000Z');
    expect(p.event.appliedAt).toBe('2026-12-05T08:00:00.000Z');
    expect(p.event.until).toBe('2026-12-12T08:00:00.000Z');
    expect(p.notice.text.en).toContain('lifts automatically');
    expect(p.notice.text.en).toContain('2026-12-12 08:00 UTC');
    expect(p.notice.text.en).not.toContain('2026-11-27');
    expect(p.notice.text.zh).toContain('将于2026-12-12 08:00 UTC自动解除');
  });

  it('never names other accounts, their notes, or how detection works', () => {
    const p = planEnforcement(decision({}), defaultPolicy(), 'ref', '2026-12-05T08:00:00.000Z', '2026-12-05T08:00:00.000Z');
    const sent = JSON.stringify(p.notice);
    for (const leak of ['acc-other-1', 'acc-other-2', 'n-of-other', 'registered on one device', 'dev#9f', '10 accounts']) expect(sent).not.toContain(leak);
    // the ledger keeps the reviewer's summary for audit
    expect(p.ledger.evidenceSummary).toContain('registered on one device');
  });
});

describe('ownContentQuotes', () => {
  const finding: Finding = {
    accountId: 'me',
    code: 'water-army',
    ruleId: 'water-army/comment-ring',
    severity: 'high',
    score: 0.9,
    evidence: { summary: 's', noteIds: ['their-note', 'my-note'], commentIds: ['my-c1', 'their-c'] },
  };
  const notes = [
    { noteId: 'my-note', accountId: 'me', createdAt: 't', title: '好物分享', body: '这款面霜真的太好用了，'.repeat(5), client: 'web', likeCount: 0, collectCount: 0, commentCount: 0 },
    { noteId: 'their-note', accountId: 'someone-else', createdAt: 't', title: 'their private words', body: 'x', client: 'web', likeCount: 0, collectCount: 0, commentCount: 0 },
  ];
  const comments = [
    { commentId: 'my-c1', noteId: 'their-note', accountId: 'me', createdAt: 't', text: '  绝绝子\n姐妹们冲 ' },
    { commentId: 'their-c', noteId: 'my-note', accountId: 'someone-else', createdAt: 't', text: 'their comment text' },
  ];

  it("quotes only the account's own notes and comments, shortened", () => {
    const q = ownContentQuotes('me', [finding], { notes, comments });
    expect(q).toEqual([
      { kind: 'comment', id: 'my-c1', text: '绝绝子 姐妹们冲' },
      { kind: 'note', id: 'my-note', text: expect.stringMatching(/^好物分享 这款面霜.*…$/) },
    ]);
    expect(JSON.stringify(q)).not.toContain('their');
    expect([...q[1].text].length).toBe(41);
  });
});
