import { describe, expect, it } from 'vitest';
import type { Comment } from '#shared/contract/snapshotRecords';
import { account, atSeconds, comment, note, rulesOf, runDetection } from './harness.ts';

const ring = ['w1', 'w2', 'w3', 'w4'];
const praises = ['我用过这个牌子，太好用了！！', '用过这个牌子 真的超级好用😍', '我也用过这个牌子～太好用啦', '这个牌子我用过，超好用！'];

function praiseRing(noteIds: string[], members: string[], startSeconds: number[]): Comment[] {
  const out: Comment[] = [];
  noteIds.forEach((n, i) => {
    members.forEach((m, j) => {
      out.push(comment(`${n}-${m}`, n, m, praises[j % praises.length], { createdAt: atSeconds(startSeconds[i] + j * 240) }));
    });
  });
  return out;
}

describe('water-army: praise rings', () => {
  it('fires praise-ring when the same accounts burst near-identical praise on two notes', () => {
    const r = runDetection({
      accounts: ring.map((id) => account(id)),
      notes: [note('n1', 'brand1'), note('n2', 'brand1')],
      comments: praiseRing(['n1', 'n2'], ring, [0, 86400 * 3]),
    });
    for (const m of ring) expect(rulesOf(r, m, 'water-army')).toEqual(['water-army/praise-ring']);
    const f = r.byAccount.get('w1')!.find((x) => x.ruleId === 'water-army/praise-ring')!;
    expect(f.evidence.noteIds).toEqual(['n1', 'n2']);
    expect(f.evidence.relatedAccountIds).toEqual(['w2', 'w3', 'w4']);
    expect(f.evidence.commentIds).toEqual(['n1-w1', 'n2-w1']);
  });

  it('escalates to ring-core for a ring active on many notes', () => {
    const notes = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const members = ['w1', 'w2', 'w3', 'w4', 'w5'];
    const r = runDetection({
      accounts: members.map((id) => account(id)),
      notes: notes.map((n) => note(n, 'brand1')),
      comments: praiseRing(notes, members, notes.map((_, i) => i * 86400)),
    });
    expect(rulesOf(r, 'w1', 'water-army')).toContain('water-army/ring-core');
  });

  it('one burst on a single note is not enough', () => {
    const r = runDetection({ accounts: ring.map((id) => account(id)), notes: [note('n1', 'b')], comments: praiseRing(['n1'], ring, [0]) });
    for (const m of ring) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('the same praise spread over days is not a burst', () => {
    const comments: Comment[] = [];
    ['n1', 'n2'].forEach((n, i) =>
      ring.forEach((m, j) => comments.push(comment(`${n}-${m}`, n, m, praises[j], { createdAt: atSeconds(i * 86400 * 10 + j * 86400 * 2) }))),
    );
    const r = runDetection({ accounts: ring.map((id) => account(id)), notes: [note('n1', 'b'), note('n2', 'b')], comments });
    for (const m of ring) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('short generic praise by unrelated users at unrelated times on popular notes stays clean', () => {
    const generic = ['好看！', '太美了', '好看', '太美了！！', '绝了', '好好看', '爱了爱了', '美哭了'];
    const comments: Comment[] = [];
    let k = 0;
    for (const n of ['p1', 'p2', 'p3']) {
      for (let i = 0; i < 40; i++) {
        const who = `u${(i * 7 + k) % 60}`;
        comments.push(comment(`${n}-${i}`, n, who, generic[(i + k) % generic.length], { createdAt: atSeconds(k * 86400 + i * 1500 + ((i * 37) % 600)) }));
      }
      k += 1;
    }
    const r = runDetection({ notes: [note('p1', 'star'), note('p2', 'star'), note('p3', 'star')], comments });
    expect(r.findings.filter((f) => f.code === 'water-army')).toEqual([]);
  });
});

describe('water-army: scripted Q&A', () => {
  function act(noteId: string, t: number, byReply: boolean): Comment[] {
    return [
      comment(`${noteId}-q`, noteId, 'asker', '姐妹，我搜这个怎么没搜到啊', { createdAt: atSeconds(t) }),
      comment(`${noteId}-a`, noteId, 'answerer', '你怎么不早说，链接私你了', {
        createdAt: atSeconds(t + 300),
        ...(byReply ? { replyToCommentId: `${noteId}-q` } : {}),
      }),
    ];
  }

  it('fires scripted-qa when the same pair performs on two notes (reply link and adjacency)', () => {
    const r = runDetection({
      accounts: [account('asker'), account('answerer')],
      notes: [note('n1', 'shop'), note('n2', 'shop')],
      comments: [...act('n1', 0, true), ...act('n2', 86400, false)],
    });
    expect(rulesOf(r, 'asker', 'water-army')).toEqual(['water-army/scripted-qa']);
    expect(rulesOf(r, 'answerer', 'water-army')).toEqual(['water-army/scripted-qa']);
    const f = r.byAccount.get('answerer')!.find((x) => x.code === 'water-army')!;
    expect(f.evidence.relatedAccountIds).toEqual(['asker']);
    expect(f.evidence.noteIds).toEqual(['n1', 'n2']);
  });

  it('a single question answered once stays clean', () => {
    const r = runDetection({ notes: [note('n1', 'shop')], comments: act('n1', 0, true) });
    expect(r.findings.filter((f) => f.code === 'water-army')).toEqual([]);
  });

  it('the note author answering questions is not a ring', () => {
    const comments = ['n1', 'n2'].flatMap((n, i) => [
      comment(`${n}-q`, n, 'fan', '求链接！在哪里买的', { createdAt: atSeconds(i * 86400) }),
      comment(`${n}-a`, n, 'shop', '私你了哦', { createdAt: atSeconds(i * 86400 + 60), replyToCommentId: `${n}-q` }),
    ]);
    const r = runDetection({ notes: [note('n1', 'shop'), note('n2', 'shop')], comments });
    expect(r.findings.filter((f) => f.code === 'water-army')).toEqual([]);
  });

  it('fans whose selling-flavoured comments fall inside a busy organic stream on the same notes stay clean', () => {
    const fans = ['f1', 'f2', 'f3'];
    const lines = ['同款！', '请问在哪里买的', '又是被种草的一天'];
    const chatter = ['好看', '哈哈哈太真实了', '想去！', '收藏了', '学到了', '好可爱', '羡慕', '太美了'];
    const comments: Comment[] = [];
    for (const [k, n] of ['p1', 'p2'].entries()) {
      const base = k * 86400;
      // a busy note: someone comments every minute or so for an hour
      for (let i = 0; i < 60; i++) comments.push(comment(`${n}-o${i}`, n, `crowd${k}-${i}`, chatter[i % chatter.length], { createdAt: atSeconds(base + i * 60 + 7) }));
      fans.forEach((f, j) => comments.push(comment(`${n}-${f}`, n, f, lines[j], { createdAt: atSeconds(base + 600 + j * 900) })));
    }
    const r = runDetection({ accounts: fans.map((f) => account(f)), notes: [note('p1', 'star'), note('p2', 'star')], comments });
    for (const f of fans) expect(rulesOf(r, f, 'water-army')).toEqual([]);
  });

  it('an answer pointing to a shop search ("某宝搜…旗舰店") counts as a scripted answer', () => {
    const comments: Comment[] = [];
    for (const [k, n] of ['s1', 's2', 's3'].entries()) {
      comments.push(comment(`${n}-q`, n, `asker${k}`, '请问在哪里买呀', { createdAt: atSeconds(k * 86400 + 100) }));
      comments.push(comment(`${n}-a`, n, 'shill', '某宝搜素氧旗舰店就有', { createdAt: atSeconds(k * 86400 + 160), replyToCommentId: `${n}-q` }));
    }
    const r = runDetection({ accounts: [account('shill')], notes: ['s1', 's2', 's3'].map((n) => note(n, 'brandx')), comments });
    expect(rulesOf(r, 'shill', 'water-army')).toContain('water-army/scripted-qa');
  });
});
