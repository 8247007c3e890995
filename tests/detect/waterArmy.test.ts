import { describe, expect, it } from 'vitest';
import type { Comment } from '#shared/contract/snapshotRecords';
import { account, atSeconds, comment, makeCtx, note, rulesOf, runDetection } from './harness.ts';

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
      comments: praiseRing(
        notes,
        members,
        notes.map((_, i) => i * 86400),
      ),
    });
    expect(rulesOf(r, 'w1', 'water-army')).toContain('water-army/ring-core');
  });

  it('one burst on a single note is not enough', () => {
    const r = runDetection({ accounts: ring.map((id) => account(id)), notes: [note('n1', 'b')], comments: praiseRing(['n1'], ring, [0]) });
    for (const m of ring) expect(rulesOf(r, m, 'water-army')).toEqual([]);
  });

  it('the same praise spread over days is not a burst', () => {
    const comments: Comment[] = [];
    ['n1', 'n2'].forEach((n, i) => ring.forEach((m, j) => comments.push(comment(`${n}-${m}`, n, m, praises[j], { createdAt: atSeconds(i * 86400 * 10 + j * 86400 * 2) }))));
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
});

describe('water-army: ring expansion (ExpandRings → ring-associate)', () => {
  const members = ['r1', 'r2', 'r3', 'r4'];
  const lines = ['用了一个月，效果真的明显', '姐妹们冲，真的好用', '质量没得说，物流也快', '已经回购3次了，真心好用', '闭眼入不踩雷'];
  /** One ring burst on a note: each account posts a selling line, `gap` seconds after the previous one. */
  function burstOn(noteId: string, start: number, who: string[], gap = 70): Comment[] {
    return who.map((a, j) => comment(`${noteId}-${a}`, noteId, a, lines[j % lines.length], { createdAt: atSeconds(start + j * gap) }));
  }
  const notes = ['b1', 'b2', 'b3'].map((n) => note(n, 'brand1'));

  it('a one-time participant in a burst of confirmed ring members is a ring-associate, with the note and members as evidence', () => {
    const comments = [
      ...burstOn('b1', 0, members),
      ...burstOn('b2', 86400, members),
      // b3: the ring again, with a member who joined only this once, in the middle of the run
      ...burstOn('b3', 2 * 86400, ['r1', 'r2', 'once', 'r3']),
    ];
    const r = runDetection({ accounts: [...members, 'once'].map((id) => account(id)), notes, comments });
    expect(rulesOf(r, 'once', 'water-army')).toEqual(['water-army/ring-associate']);
    const f = r.byAccount.get('once')!.find((x) => x.code === 'water-army')!;
    expect(f.severity).toBe('high');
    expect(f.evidence.noteIds).toEqual(['b3']);
    expect(f.evidence.relatedAccountIds).toEqual(['r1', 'r2', 'r3']);
    expect(f.evidence.commentIds).toEqual(['b3-once']);
    // confirmed members keep their own rules and are not called associates
    expect(rulesOf(r, 'r1', 'water-army')).toEqual(['water-army/praise-ring']);
  });

  it("a reader who only asked where to buy inside a confirmed ring's run is its audience, not a member, and stays clean", () => {
    const comments = [
      ...burstOn('b1', 0, members),
      ...burstOn('b2', 86400, members),
      ...burstOn('b3', 2 * 86400, ['r1', 'r2', 'r3']),
      comment('b3-reader', 'b3', 'reader', '好的好的 在哪里买的呀', { createdAt: atSeconds(2 * 86400 + 100) }),
    ];
    const r = runDetection({ accounts: [...members, 'reader'].map((id) => account(id)), notes, comments });
    expect(r.signals.some((s) => s.accountId === 'reader' && s.ruleId === 'water-army/praise-ring')).toBe(true);
    expect(rulesOf(r, 'reader', 'water-army')).toEqual([]);
  });

  it('co-members of an unconfirmed burst are not expanded: one burst of strangers stays clean', () => {
    const comments = [...burstOn('b1', 0, ['s1', 's2', 's3', 's4'])];
    const r = runDetection({ accounts: ['s1', 's2', 's3', 's4'].map((id) => account(id)), notes, comments });
    expect(r.findings.filter((f) => f.code === 'water-army')).toEqual([]);
  });

  it('needs minConfirmedPartners confirmed co-members on the note', () => {
    const comments = [...burstOn('b1', 0, members), ...burstOn('b2', 86400, members), ...burstOn('b3', 2 * 86400, ['r1', 'r2', 'once', 'r3'])];
    const fx = { accounts: [...members, 'once'].map((id) => account(id)), notes, comments };
    expect(rulesOf(runDetection(fx, makeCtx({ overrides: { 'water-army/ring-associate': { minConfirmedPartners: 4 } } })), 'once', 'water-army')).toEqual([]);
    expect(rulesOf(runDetection(fx, makeCtx({ overrides: { 'water-army/ring-associate': { minConfirmedPartners: 3 } } })), 'once', 'water-army')).toEqual(['water-army/ring-associate']);
  });

  it('an organic commenter 20 minutes after a ring burst is outside its lockstep run and stays clean', () => {
    const comments = [
      ...burstOn('b1', 0, members),
      ...burstOn('b2', 86400, members),
      ...burstOn('b3', 2 * 86400, members),
      // inside the hour-long burst window, but long after the ring's one-after-another run ended
      comment('b3-late', 'b3', 'reader', '请问在哪里买的', { createdAt: atSeconds(2 * 86400 + 3 * 70 + 1200) }),
    ];
    const r = runDetection({ accounts: [...members, 'reader'].map((id) => account(id)), notes, comments });
    expect(rulesOf(r, 'reader', 'water-army')).toEqual([]);
    expect(r.signals.filter((s) => s.accountId === 'reader' && s.code === 'water-army')).toEqual([]);
  });

  it('an answer pointing to a shop search ("某宝搜…旗舰店") counts as a scripted answer; the customers a serial answerer answers (one confirmed partner each) stay clean', () => {
    const comments: Comment[] = [];
    for (const [k, n] of ['s1', 's2', 's3'].entries()) {
      comments.push(comment(`${n}-q`, n, `customer${k}`, '请问在哪里买呀', { createdAt: atSeconds(k * 86400 + 100) }));
      comments.push(comment(`${n}-a`, n, 'shill', '某宝搜素氧旗舰店就有', { createdAt: atSeconds(k * 86400 + 160), replyToCommentId: `${n}-q` }));
    }
    const r = runDetection({ accounts: [account('shill')], notes: ['s1', 's2', 's3'].map((n) => note(n, 'brandx')), comments });
    expect(rulesOf(r, 'shill', 'water-army')).toContain('water-army/scripted-qa');
    for (const k of [0, 1, 2]) expect(rulesOf(r, `customer${k}`, 'water-army')).toEqual([]);
  });

  it('an asker who cheered and asked once, answered by a confirmed answerer, is an associate', () => {
    const comments: Comment[] = [];
    // the act, twice with the same cast: cheer by c1, c2, c3, then c1 asks and ans answers
    for (const [k, n] of ['b1', 'b2'].entries()) {
      comments.push(...burstOn(n, k * 86400, ['c1', 'c2', 'c3']));
      comments.push(comment(`${n}-q`, n, 'c1', '姐妹，我搜这个怎么没搜到啊', { createdAt: atSeconds(k * 86400 + 300) }));
      comments.push(comment(`${n}-a`, n, 'ans', '你怎么不早说，链接私你了', { createdAt: atSeconds(k * 86400 + 400), replyToCommentId: `${n}-q` }));
    }
    // b3: a new asker cheers once with c2 and asks once
    comments.push(...burstOn('b3', 2 * 86400, ['c2', 'newbie', 'c3']));
    comments.push(comment('b3-q', 'b3', 'newbie', '请问在哪里买呀', { createdAt: atSeconds(2 * 86400 + 300) }));
    comments.push(comment('b3-a', 'b3', 'ans', '私你了宝', { createdAt: atSeconds(2 * 86400 + 400), replyToCommentId: 'b3-q' }));
    const r = runDetection({ accounts: ['c1', 'c2', 'c3', 'ans', 'newbie'].map((id) => account(id)), notes, comments });
    expect(rulesOf(r, 'newbie', 'water-army')).toEqual(['water-army/ring-associate']);
    expect(r.byAccount.get('newbie')!.find((x) => x.code === 'water-army')!.evidence.relatedAccountIds).toEqual(['ans', 'c2', 'c3']);
  });

  it('one confirmed member is enough inside a lockstep run of ≥ minRunAccounts accounts, not inside a small one', () => {
    // r1..r4 confirmed on b1, b2; on b3 only r1 joins a crew of strangers
    const base = [...burstOn('b1', 0, members), ...burstOn('b2', 86400, members)];
    const crew = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const big = runDetection({ accounts: [...members, ...crew].map((id) => account(id)), notes, comments: [...base, ...burstOn('b3', 2 * 86400, ['r1', ...crew])] });
    for (const a of crew) expect(rulesOf(big, a, 'water-army')).toEqual(['water-army/ring-associate']);
    const small = runDetection({ accounts: [...members, 'n1', 'n2'].map((id) => account(id)), notes, comments: [...base, ...burstOn('b3', 2 * 86400, ['n1', 'r1', 'n2'])] });
    for (const a of ['n1', 'n2']) expect(rulesOf(small, a, 'water-army')).toEqual([]);
  });

  it('a chance run of reactions on a busy note ("绝了", "请问是在哪里拍的？") beside one confirmed member stays clean', () => {
    const base = [...burstOn('b1', 0, members), ...burstOn('b2', 86400, members)];
    const t0 = 5 * 86400;
    const chatter = ['绝了', '请问是在哪里拍的？', '绝了☕️', '又是被种草的一天', '鞋子是什么牌子的呀'];
    const fans = ['f1', 'f2', 'f3', 'f4', 'f5'];
    const comments = [...base, comment('b3-r1', 'b3', 'r1', '一直在用，放心买', { createdAt: atSeconds(t0) })];
    fans.forEach((f, j) => comments.push(comment(`b3-${f}`, 'b3', f, chatter[j], { createdAt: atSeconds(t0 + 60 + j * 200) })));
    const r = runDetection({ accounts: [...members, ...fans].map((id) => account(id)), notes, comments });
    for (const f of fans) expect(rulesOf(r, f, 'water-army')).toEqual([]);
  });

  it('on a busy note, readers whose selling-worded comments fall inside a ring run interleaved with ordinary traffic stay clean', () => {
    const six = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const base = [...burstOn('b1', 0, six), ...burstOn('b2', 86400, six)];
    const t0 = 5 * 86400;
    // the ring's run on b3, with a reader's "同款！" in it
    const run = [...burstOn('b3', t0, six, 60), comment('b3-reader', 'b3', 'reader', '同款！', { createdAt: atSeconds(t0 + 100) })];
    const accounts = [...six, 'reader'].map((id) => account(id));
    const quiet = runDetection({ accounts, notes, comments: [...base, ...run] });
    expect(rulesOf(quiet, 'reader', 'water-army')).toEqual(['water-army/ring-associate']);
    // the same run amid a busy note's ordinary comments: the reader is still in the run, but not taken in
    const chatter = ['好看', '羡慕有阳台', '一样一样', '太有用了'].map((t, i) => comment(`b3-o${i}`, 'b3', `crowd${i}`, t, { createdAt: atSeconds(t0 + 30 + i * 70) }));
    const busy = runDetection({ accounts, notes, comments: [...base, ...run, ...chatter] });
    expect(busy.signals.some((x) => x.accountId === 'reader' && x.ruleId === 'water-army/praise-ring')).toBe(true);
    expect(rulesOf(busy, 'reader', 'water-army')).toEqual([]);
  });

  it('on a busy note, an account registered in bulk (a device farm) in the ring run is taken in all the same', () => {
    const six = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const base = [...burstOn('b1', 0, six), ...burstOn('b2', 86400, six)];
    const t0 = 5 * 86400;
    const run = [...burstOn('b3', t0, six, 60), comment('b3-reader', 'b3', 'reader', '同款！', { createdAt: atSeconds(t0 + 100) })];
    const chatter = ['好看', '羡慕有阳台', '一样一样', '太有用了'].map((t, i) => comment(`b3-o${i}`, 'b3', `crowd${i}`, t, { createdAt: atSeconds(t0 + 30 + i * 70) }));
    // the reader and five sleepers registered on one phone
    const farm = ['reader', 's1', 's2', 's3', 's4', 's5'].map((id) => account(id, { registration: { ip: '10.9.9.9', deviceId: 'farm-phone', client: 'app-android' } }));
    const r = runDetection({ accounts: [...six.map((id) => account(id)), ...farm], notes, comments: [...base, ...run, ...chatter] });
    expect(rulesOf(r, 'reader', 'fake-account')).toContain('fake-account/device-farm');
    expect(rulesOf(r, 'reader', 'water-army')).toEqual(['water-army/ring-associate']);
  });

  it('"私我优惠 / 有内部价，私我" closers count as selling comments in a burst', () => {
    const closers = ['私我优惠', '有内部价，私我', '需要优惠券的私我'];
    const comments = ['b1', 'b2'].flatMap((n, k) => ['k1', 'k2', 'k3'].map((a, j) => comment(`${n}-${a}`, n, a, closers[(j + k) % 3], { createdAt: atSeconds(k * 86400 + j * 60) })));
    const r = runDetection({ accounts: ['k1', 'k2', 'k3'].map((id) => account(id)), notes, comments });
    for (const a of ['k1', 'k2', 'k3']) expect(rulesOf(r, a, 'water-army')).toEqual(['water-army/praise-ring']);
  });

  /** A staged act: cheering by `cheer`, then `asker` asks and `answerer` answers privately, all within minutes. */
  function stagedAct(noteId: string, start: number, cheer: string[], asker: string, answerer: string): Comment[] {
    return [
      ...burstOn(noteId, start, cheer, 80),
      comment(`${noteId}-q`, noteId, asker, '姐妹，我搜这个怎么没搜到啊', { createdAt: atSeconds(start + cheer.length * 80 + 60) }),
      comment(`${noteId}-a`, noteId, answerer, '私你了宝', { createdAt: atSeconds(start + cheer.length * 80 + 150), replyToCommentId: `${noteId}-q` }),
    ];
  }

  it('a ring rotating its cast is found: everyone in a staged act of ≥ minCastAccounts accounts on two notes, with no partner met twice', () => {
    const comments = [...stagedAct('b1', 0, ['c1', 'c2', 'c3'], 'k1', 'a1'), ...stagedAct('b2', 86400, ['c1', 'd2', 'd3'], 'k2', 'a2')];
    const cast = ['c1', 'c2', 'c3', 'k1', 'a1', 'd2', 'd3', 'k2', 'a2'];
    const r = runDetection({ accounts: cast.map((id) => account(id)), notes, comments });
    // c1 was in both casts (five accounts each), with different partners each time
    expect(rulesOf(r, 'c1', 'water-army')).toEqual(['water-army/scripted-qa']);
    expect(r.byAccount.get('c1')!.find((x) => x.code === 'water-army')!.evidence.summary).toContain('staged "where to buy" acts');
    // the others acted once; each sat beside c1 in a cast of five, so the expansion takes them in
    for (const a of cast.filter((x) => x !== 'c1')) expect(rulesOf(r, a, 'water-army')).toEqual(['water-army/ring-associate']);
    // with larger casts required nobody is a member, so nobody is expanded from
    const strict = runDetection({ accounts: cast.map((id) => account(id)), notes, comments }, makeCtx({ overrides: { 'water-army/scripted-qa': { minCastAccounts: 6 } } }));
    for (const a of cast) expect(rulesOf(strict, a, 'water-army')).toEqual([]);
  });

  it("the act's \"私你了\" answer is water-army's line, and so is the same answer to a reader under someone else's note; under its own note it is diversion", () => {
    const comments = [...stagedAct('b1', 0, ['c1', 'c2', 'c3'], 'k1', 'a1'), ...stagedAct('b2', 86400, ['c1', 'c2', 'c3'], 'k1', 'a1')];
    const cast = ['c1', 'c2', 'c3', 'k1', 'a1'];
    const r = runDetection({ accounts: cast.map((id) => account(id)), notes, comments });
    expect(rulesOf(r, 'a1', 'water-army')).not.toEqual([]);
    expect(rulesOf(r, 'a1', 'traffic-diversion')).toEqual([]);
    // a reader outside the cast asks on a third note: a1 answering there is still the job it was hired for (the crew is
    // the act, one code); an account in no crew taking the sale to private messages is diverting traffic
    const reader = [
      comment('b3-q', 'b3', 'reader', '请问在哪里买呀', { createdAt: atSeconds(5 * 86400) }),
      comment('b3-a', 'b3', 'a1', '私你了宝', { createdAt: atSeconds(5 * 86400 + 90), replyToCommentId: 'b3-q' }),
    ];
    const withReader = runDetection({ accounts: [...cast, 'reader'].map((id) => account(id)), notes, comments: [...comments, ...reader] });
    expect(rulesOf(withReader, 'a1', 'water-army')).not.toEqual([]);
    expect(rulesOf(withReader, 'a1', 'traffic-diversion')).toEqual([]);
    const noCrew = runDetection({ accounts: ['a1', 'reader'].map((id) => account(id)), notes, comments: reader });
    expect(rulesOf(noCrew, 'a1', 'traffic-diversion')).toEqual(['traffic-diversion/private-answer']);
    expect(noCrew.byAccount.get('a1')!.find((x) => x.code === 'traffic-diversion')!.evidence.commentIds).toEqual(['b3-a']);
  });

  it('the author of a note a crew acts on, replying "私你了" and "看我主页" there, is in the act: no traffic-diversion; the same replies on a note no crew touched are', () => {
    const replies = (n: string, start: number) => [
      comment(`${n}-h1`, n, 'brand1', '私你了宝', { createdAt: atSeconds(start + 600) }),
      comment(`${n}-h2`, n, 'brand1', '姐妹们看我主页有', { createdAt: atSeconds(start + 660) }),
      comment(`${n}-h3`, n, 'brand1', '已私～', { createdAt: atSeconds(start + 720) }),
    ];
    const cast = ['c1', 'c2', 'c3', 'k1', 'a1'];
    const acts = [...stagedAct('b1', 0, ['c1', 'c2', 'c3'], 'k1', 'a1'), ...stagedAct('b2', 86400, ['c1', 'c2', 'c3'], 'k1', 'a1')];
    const hosted = runDetection({ accounts: [...cast, 'brand1'].map((id) => account(id)), notes, comments: [...acts, ...replies('b1', 0), ...replies('b2', 86400)] });
    expect(hosted.signals.filter((s) => s.accountId === 'brand1' && s.ruleId === 'water-army/crew-host').map((s) => s.key)).toEqual(['b1', 'b2']);
    expect(rulesOf(hosted, 'brand1')).toEqual([]);
    // no crew on b3: the author's own redirections there are diversion
    const alone = runDetection({ accounts: [...cast, 'brand1'].map((id) => account(id)), notes, comments: [...acts, ...replies('b3', 5 * 86400)] });
    expect(rulesOf(alone, 'brand1', 'traffic-diversion')).toEqual(['traffic-diversion/solicitation']);
  });

  it("a staged act amid a busy note's ordinary comments ties only the asker and answerer, not the selling readers around them", () => {
    const chatter = (n: string, start: number) =>
      ['好看', '羡慕有阳台', '一样一样', '太有用了', '哈哈哈'].map((t, i) => comment(`${n}-o${i}`, n, `crowd${i}`, t, { createdAt: atSeconds(start + 40 + i * 90) }));
    const comments = [...stagedAct('b1', 0, ['c1', 'c2', 'c3'], 'k1', 'a1'), ...chatter('b1', 0), ...stagedAct('b2', 86400, ['c1', 'd2', 'd3'], 'k2', 'a2'), ...chatter('b2', 86400)];
    const r = runDetection({ accounts: ['c1', 'c2', 'c3', 'k1', 'a1', 'd2', 'd3', 'k2', 'a2'].map((id) => account(id)), notes, comments });
    expect(r.signals.filter((s) => s.detail.clusterKey === 'qa:sitting')).toEqual([]);
    expect(rulesOf(r, 'c1', 'water-army')).toEqual([]);
  });

  it('ring confirmations are emitted only for co-members of confirmed members, sorted and deduplicated per note', () => {
    const comments = [...burstOn('b1', 0, members), ...burstOn('b2', 86400, members), ...burstOn('b3', 2 * 86400, ['r1', 'r2', 'once', 'r3']), ...burstOn('b1', 5 * 86400, ['x1', 'x2', 'x3'])];
    const r = runDetection({ accounts: [...members, 'once', 'x1', 'x2', 'x3'].map((id) => account(id)), notes, comments });
    const told = r.signals.filter((s) => s.channel === 'ring-confirmed');
    expect(told.some((s) => s.accountId.startsWith('x'))).toBe(false);
    const once = told.filter((s) => s.accountId === 'once');
    expect(once.map((s) => [s.key, s.detail.relatedAccountIds])).toEqual([['b3', ['r1', 'r2', 'r3']]]);
    const keys = told.map((s) => `${s.accountId}|${s.key}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('water-army: comments driven by a group-control tool', () => {
  const tooled = (id: string, client: string, n = 2) =>
    Array.from({ length: n }, (_, i) => comment(`${id}-c${i}`, `n${i}`, id, i ? '价格透明，没有乱推销' : '真心推荐，不是托～', { client, createdAt: atSeconds(i * 86400) }));
  const notes = [note('n0', 'clinic'), note('n1', 'clinic'), note('n2', 'clinic')];

  it('two comments under others’ notes posted through a 群控 or 云控 tool are water-army, whatever they say', () => {
    const r = runDetection({ accounts: [account('g1'), account('g2')], notes, comments: [...tooled('g1', '云控助手'), ...tooled('g2', 'GroupControl Pro 5.1')] });
    for (const id of ['g1', 'g2']) expect(rulesOf(r, id, 'water-army')).toEqual(['water-army/group-control']);
    expect(r.byAccount.get('g1')![0].evidence.commentIds).toEqual(['g1-c0', 'g1-c1']);
  });

  it('one such comment, comments from the app, a registration or an account-matrix tool, or under its own notes, are not', () => {
    const own = [note('o0', 'g4'), note('o1', 'g4')].flatMap((n) => [comment(`${n.noteId}-c`, n.noteId, 'g4', '谢谢支持', { client: '群控宝' })]);
    const r = runDetection({
      accounts: ['g1', 'g2', 'g3', 'g4'].map((id) => account(id)),
      notes: [...notes, note('o0', 'g4'), note('o1', 'g4')],
      comments: [...tooled('g1', '群控宝', 1), ...tooled('g2', 'app-ios', 3), ...tooled('g3', '飞鸽注册助手', 3), ...own],
    });
    for (const id of ['g1', 'g2', 'g3', 'g4']) expect(rulesOf(r, id, 'water-army')).toEqual([]);
    const matrix = runDetection({ accounts: [account('g5')], notes, comments: tooled('g5', '矩阵通 MatrixPilot', 3) });
    expect(rulesOf(matrix, 'g5', 'water-army')).toEqual([]);
  });

  it('an operator names another tool in the groupControlTools lexicon', () => {
    const fx = { accounts: [account('g1')], notes, comments: tooled('g1', 'PhoneWall 3') };
    expect(rulesOf(runDetection(fx), 'g1', 'water-army')).toEqual([]);
    expect(rulesOf(runDetection(fx, makeCtx({ lexicons: { groupControlTools: { add: ['phonewall'] } } })), 'g1', 'water-army')).toEqual(['water-army/group-control']);
  });
});
