import { describe, expect, it } from 'vitest';
import type { Comment, Note } from '#shared/contract/snapshotRecords';
import { cadenceCv, quietBlockShare } from '#shared/detect/detectors/aiHosted';
import { account, at, atSeconds, comment, note, rulesOf, runDetection } from './harness.ts';

describe('ai-hosted', () => {
  it('fires fully-hosted (critical) for an account registered and run by a hosting tool', () => {
    const notes: Note[] = Array.from({ length: 8 }, (_, i) => note(`a${i}`, 'ai1', { client: 'auto-poster-ai', createdAt: at(i * 120) }));
    const r = runDetection({ accounts: [account('ai1', { registration: { ip: '1.2.3.4', deviceId: 'd', client: 'ai-hosting-agent' } })], notes });
    const f = r.byAccount.get('ai1')!.find((x) => x.code === 'ai-hosted')!;
    expect(f.ruleId).toBe('ai-hosted/fully-hosted');
    expect(f.severity).toBe('critical');
  });

  it('fires fully-hosted for machine cadence round the clock, even through the app client', () => {
    const comments: Comment[] = Array.from({ length: 72 }, (_, i) => comment(`c${i}`, `n${i % 9}`, 'ai2', `写得真好，学到了${i}`, { createdAt: at(i * 60 + (i % 2)), client: 'app-android' }));
    const notes: Note[] = Array.from({ length: 6 }, (_, i) => note(`z${i}`, 'ai2', { client: 'open-api', createdAt: at(i * 60 * 12 + 30) }));
    const r = runDetection({ accounts: [account('ai2')], comments, notes });
    expect(rulesOf(r, 'ai2', 'ai-hosted')).toEqual(['ai-hosted/fully-hosted']);
  });

  it('fires occasional (low) for a few notes through open-api among app posts', () => {
    const notes: Note[] = [
      ...Array.from({ length: 10 }, (_, i) => note(`h${i}`, 'ai3', { createdAt: at(i * 1440 + ((i * 137) % 600)) })),
      note('o1', 'ai3', { client: 'open-api', createdAt: at(20000) }),
      note('o2', 'ai3', { client: 'open-api', createdAt: at(23000) }),
    ];
    const r = runDetection({ accounts: [account('ai3')], notes });
    const f = r.byAccount.get('ai3')!.find((x) => x.code === 'ai-hosted')!;
    expect(f.ruleId).toBe('ai-hosted/occasional');
    expect(f.severity).toBe('low');
    expect(f.evidence.noteIds).toEqual(['o1', 'o2']);
  });

  it('fires occasional for repeated instant replies (from the note-comments channel)', () => {
    const comments: Comment[] = [];
    for (let i = 0; i < 4; i++) {
      comments.push(comment(`q${i}`, `n${i}`, `fan${i}`, '请问这个怎么用', { createdAt: atSeconds(i * 86400 + 1000) }));
      comments.push(comment(`r${i}`, `n${i}`, 'ai4', '您好，使用方法如下', { createdAt: atSeconds(i * 86400 + 1002), replyToCommentId: `q${i}` }));
    }
    const r = runDetection({ accounts: [account('ai4')], comments });
    expect(rulesOf(r, 'ai4', 'ai-hosted')).toEqual(['ai-hosted/occasional']);
  });

  it("fires fully-hosted for hosted commenting: comments seconds after other people's notes appear, through the app", () => {
    // 16 authors post notes at scattered times; the bot comments 20-140 s after each appears
    const posted = Array.from({ length: 16 }, (_, i) => i * 40_000 + ((i * 7919) % 9000));
    const notes: Note[] = posted.map((t, i) => note(`fn${i}`, `author${i}`, { createdAt: atSeconds(t) }));
    const comments: Comment[] = posted.map((t, i) => comment(`fc${i}`, `fn${i}`, 'bot1', '感谢分享！这篇内容非常实用', { createdAt: atSeconds(t + 20 + ((i * 37) % 120)) }));
    const r = runDetection({ accounts: [account('bot1')], notes, comments });
    const f = r.byAccount.get('bot1')!.find((x) => x.code === 'ai-hosted')!;
    expect(f.ruleId).toBe('ai-hosted/fully-hosted');
    expect(f.evidence.summary).toContain('16 of 16 comments');
    expect(f.evidence.commentIds).toContain('fc0');
  });

  it('a person declaring AI-assisted notes, posting from the app at human times, stays clean', () => {
    const notes: Note[] = Array.from({ length: 15 }, (_, i) => note(`d${i}`, 'human', { aigcDeclared: true, client: i % 2 ? 'app-ios' : 'web', createdAt: at(i * 1440 + ((i * 211) % 400)) }));
    const r = runDetection({ accounts: [account('human')], notes });
    expect(rulesOf(r, 'human', 'ai-hosted')).toEqual([]);
  });

  it('comments posted through a phone-farm control tool (云控/群控) are fake-account evidence, not AI hosting', () => {
    const comments: Comment[] = Array.from({ length: 5 }, (_, i) => comment(`f${i}`, `n${i}`, 'farm1', '质量没得说，物流也快', { createdAt: at(i * 700), client: i % 2 ? '云控大师' : '群控助手' }));
    const r = runDetection({ accounts: [account('farm1', { registration: { ip: '1.2.3.4', deviceId: 'd', client: '云控大师' } })], comments });
    expect(rulesOf(r, 'farm1', 'ai-hosted')).toEqual([]);
  });

  it('cadence helpers', () => {
    expect(cadenceCv([0, 60, 120, 180, 240])).toBe(0);
    expect(cadenceCv([0, 10, 500, 520, 4000])).toBeGreaterThan(1);
    const uniform = Array.from({ length: 48 }, (_, i) => i * 1800);
    expect(quietBlockShare(uniform)).toBeCloseTo(10 / 48, 5);
  });
});

describe('ai-hosted: hard negatives', () => {
  it('a creator whose notes follow a timer through the app is not AI-hosted', () => {
    const notes: Note[] = Array.from({ length: 30 }, (_, i) => note(`t${i}`, 'timer', { title: `每日穿搭 Day${i}`, body: `今天的搭配分享第${i}天`, createdAt: at(i * 1440) }));
    const r = runDetection({ accounts: [account('timer')], notes });
    expect(rulesOf(r, 'timer', 'ai-hosted')).toEqual([]);
  });

  it('an active commenter who is sometimes early under a fresh note is not AI-hosted', () => {
    // 40 comments: 8 within two minutes of the note appearing, the rest hours later
    const notes: Note[] = Array.from({ length: 40 }, (_, i) => note(`pn${i}`, `creator${i}`, { createdAt: atSeconds(i * 30_000) }));
    const comments: Comment[] = notes.map((n, i) => comment(`pc${i}`, n.noteId, 'reader', '好看！', { createdAt: atSeconds(i * 30_000 + (i % 5 === 0 ? 60 : 3 * 3600 + i * 97)) }));
    const r = runDetection({ accounts: [account('reader')], notes, comments });
    expect(rulesOf(r, 'reader', 'ai-hosted')).toEqual([]);
  });

  it("a fan who is always first under one creator's notes (notifications on) is not AI-hosted", () => {
    const notes: Note[] = Array.from({ length: 15 }, (_, i) => note(`sn${i}`, 'idol', { createdAt: atSeconds(i * 86_400 + 3600) }));
    const comments: Comment[] = notes.map((n, i) => comment(`sc${i}`, n.noteId, 'superfan', '沙发！今天也好美', { createdAt: atSeconds(i * 86_400 + 3600 + 30 + i) }));
    const r = runDetection({ accounts: [account('superfan')], notes, comments });
    expect(rulesOf(r, 'superfan', 'ai-hosted')).toEqual([]);
  });

  it('comments through a multi-instance farm tool are fake-account evidence, not AI hosting', () => {
    const comments: Comment[] = Array.from({ length: 4 }, (_, i) => comment(`m${i}`, `n${i}`, 'farm1', '已私', { client: 'MultiOpen Pro', createdAt: at(i * 977) }));
    const r = runDetection({ accounts: [account('farm1', { registration: { ip: '1.1.1.1', deviceId: 'x', client: 'AutoSignup v2' } })], comments });
    expect(rulesOf(r, 'farm1', 'ai-hosted')).toEqual([]);
  });

  it('a third-party tool named for batches, many accounts or many phones is not AI hosting; one named for AI or hosting is', () => {
    const posts = (id: string, client: string) => Array.from({ length: 8 }, (_, i) => note(`${id}-${i}`, id, { client, createdAt: at(i * 977) }));
    for (const client of ['BatchPoster', '多号管家', 'MultiPhone Pro', '批量号工具Pro']) {
      const r = runDetection({ accounts: [account('b1', { registration: { ip: '1.1.1.1', deviceId: 'x', client: 'AccountBox' } })], notes: posts('b1', client) });
      expect(rulesOf(r, 'b1', 'ai-hosted'), client).toEqual([]);
    }
    for (const client of ['小蜜蜂AI运营', '灵犀托管 2.3', 'HostBot', 'NoteMate AI', 'autopost-agent', '智能分身']) {
      const r = runDetection({ accounts: [account('h1')], notes: posts('h1', client) });
      expect(rulesOf(r, 'h1', 'ai-hosted'), client).toEqual(['ai-hosted/fully-hosted']);
    }
  });
});
