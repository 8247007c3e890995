import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { withoutExplained } from '#shared/detect/detectAccount';
import type { Finding } from '#shared/detect/finding';
import { account, at, note, rulesOf, runDetection } from './harness.ts';
import { UNRELATED_NOTES } from './unrelatedNotes.ts';

const finding = (ruleId: string): Finding => ({ accountId: 'a', code: ruleId.split('/')[0] as Finding['code'], ruleId, severity: 'high', score: 0.9, evidence: { summary: ruleId } });

describe('one act, one code', () => {
  it('an account run wholly by a hosting tool is ai-hosted, not also homogeneous-content; other codes stay', () => {
    const all = [
      finding('ai-hosted/fully-hosted'),
      finding('homogeneous-content/cross-account-duplicates'),
      finding('homogeneous-content/repeated-reposts'),
      finding('traffic-diversion/contact-in-text'),
    ];
    expect(withoutExplained(all).map((f) => f.ruleId)).toEqual(['ai-hosted/fully-hosted', 'traffic-diversion/contact-in-text']);
    // occasional hosting explains nothing: the account posts its own notes too
    const occasional = [finding('ai-hosted/occasional'), finding('homogeneous-content/cross-account-duplicates')];
    expect(withoutExplained(occasional)).toEqual(occasional);
  });

  it('six hosted accounts whose tool writes alike are judged ai-hosted only, end to end', () => {
    // registered through a hosting service; its notes come from a client name no lexicon knows
    const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
    const body = '今天来和大家聊聊面膜，很多朋友问我关于面膜的问题，今天统一整理一下：1 提前做好规划能事半功倍 2 细节决定成败 3 注意安全是第一位的 4 保持好心情很重要';
    const notes: Note[] = ids.flatMap((a, i) =>
      [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: `关于面膜，你想知道的都在这里了${k}`, body, client: 'HostBot', createdAt: at(i * 600 + k * 1440) })),
    );
    const hosted = (id: string) => account(id, { registration: { ip: `36.1.2.${id.length}`, deviceId: `own-${id}`, client: 'AIHost-open-api' } });
    const r = runDetection({ accounts: ids.map(hosted), notes });
    for (const id of ids) {
      expect(rulesOf(r, id, 'ai-hosted')).toContain('ai-hosted/fully-hosted');
      expect(rulesOf(r, id, 'homogeneous-content')).toEqual([]);
    }
  });
});

describe('one act, one code: a recycled stock of notes', () => {
  const stock = [...UNRELATED_NOTES.slice(0, 3), ['點贊過百更新下一期', '看到最後有福利～信則有～留言必回～關注我，回關不取關～不轉不是真姐妹，双击有惊喜，评论区扣1接好运，点赞过百马上更新。']];
  const DAY = 24 * 60;
  const recycle = (id: string) => stock.flatMap(([title, body], i) => [0, 1, 2].map((k) => note(`${id}-${i}-${k}`, id, { title, body, createdAt: at(i * 9 + k * 20 * DAY) })));

  it('bait inside notes an account puts up again and again is the recycling’s evidence, not engagement-bait too', () => {
    // and a short bait note it put up twice in one sitting belongs to the same stock
    const twice = [0, 25].map((m, k) => note(`mover-short-${k}`, 'mover', { title: '男朋友手机里看到了这个…', body: '答案在下一期，先关注不迷路～评论区抽三个人送', createdAt: at(50 * DAY + m) }));
    const r = runDetection({ accounts: [account('mover')], notes: [...recycle('mover'), ...twice] });
    expect(rulesOf(r, 'mover', 'homogeneous-content')).toEqual(['homogeneous-content/republished-notes']);
    expect(rulesOf(r, 'mover', 'engagement-bait')).toEqual([]);
  });

  it('bait in a note of its own, outside the recycled stock, is still engagement-bait', () => {
    const own = note('mover-own', 'mover', { title: '抽奖啦', body: '关注我，回关不取关，双击有惊喜，评论区扣1接好运，不转不是真姐妹，点赞过百就抽三位送礼物。', createdAt: at(100 * DAY) });
    const r = runDetection({ accounts: [account('mover')], notes: [...recycle('mover'), own] });
    expect(rulesOf(r, 'mover', 'homogeneous-content')).toEqual(['homogeneous-content/republished-notes']);
    expect(rulesOf(r, 'mover', 'engagement-bait').length).toBeGreaterThan(0);
  });
});

describe('one act, one code: a copier’s copy of someone else’s ad', () => {
  const DAY = 24 * 60;
  const stock = UNRELATED_NOTES.slice(0, 3);
  const recycle = (id: string) => stock.flatMap(([title, body], i) => [0, 1, 2].map((k) => note(`${id}-${i}-${k}`, id, { title, body, createdAt: at(i * 9 + k * 20 * DAY) })));
  const ad = { title: '医生不会告诉你的祛斑霜秘密', body: '我妈脸上的斑一盒就没了\n全网最低价的祛斑霜，一次见效，根治色斑永不复发\n纯天然无添加，孕妇小孩都能用\n现在下单立减121' };

  it('the claims in an ad a copying account reposts word for word are the ad’s author’s, not the copier’s', () => {
    const seller = note('seller-ad', 'seller', { ...ad, createdAt: at(30 * DAY) });
    const copy = note('mover-ad', 'mover', { ...ad, createdAt: at(45 * DAY) });
    const r = runDetection({ accounts: [account('seller'), account('mover')], notes: [seller, copy, ...recycle('mover')] });
    expect(rulesOf(r, 'seller', 'misleading-marketing').length).toBeGreaterThan(0);
    expect(rulesOf(r, 'mover', 'homogeneous-content')).toEqual(['homogeneous-content/republished-notes']);
    expect(rulesOf(r, 'mover', 'misleading-marketing')).toEqual([]);
  });

  it('the same copy on an account not found copying, or a claim beyond the copies, stays the account’s', () => {
    const withNotes = (ruleId: string, noteIds: string[]): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, noteIds } });
    const claim = withNotes('misleading-marketing/medical-claim', ['copy-1']);
    const republished = withNotes('homogeneous-content/republished-notes', ['own-1', 'own-2']);
    const copied = new Set(['copy-1']);
    expect(withoutExplained([republished, claim], { copied })).toEqual([republished]);
    expect(withoutExplained([claim], { copied })).toEqual([claim]);
    const beyond = withNotes('misleading-marketing/medical-claim', ['copy-1', 'own-9']);
    expect(withoutExplained([republished, beyond], { copied })).toEqual([republished, beyond]);
    // a copying finding another act explained away is no copying to speak of
    const cross = withNotes('homogeneous-content/cross-account-duplicates', ['b-1']);
    const bait = withNotes('engagement-bait/bait-hook', ['b-1', 'copy-1']);
    expect(withoutExplained([bait, cross, claim], { copied })).toEqual([bait, claim]);
  });
});

describe('one act, one code: a covert promotion’s seller answering under its own notes', () => {
  const withComments = (ruleId: string, commentIds: string[]): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, commentIds } });
  const promotion = { ...finding('undisclosed-promotion/covert-ad'), evidence: { summary: 'covert ad', noteIds: ['own-1'] } };
  // c1 and c2 under the account's own notes, c3 under someone else's
  const context = { commentsOnOwnNotes: new Set(['c1', 'c2']) };

  it('"私你了" under its own notes is the promotion’s closing, not traffic-diversion too', () => {
    const kept = withoutExplained([promotion, withComments('traffic-diversion/solicitation', ['c1', 'c2'])], context);
    expect(kept.map((f) => f.ruleId)).toEqual(['undisclosed-promotion/covert-ad']);
  });

  it('a redirect under someone else’s note, a named contact, or no promotion found stays traffic-diversion', () => {
    const elsewhere = withComments('traffic-diversion/private-deal', ['c1', 'c3']);
    const contact = withComments('traffic-diversion/contact-in-text', ['c1']);
    expect(withoutExplained([promotion, elsewhere, contact], context).map((f) => f.ruleId)).toEqual([
      'undisclosed-promotion/covert-ad',
      'traffic-diversion/private-deal',
      'traffic-diversion/contact-in-text',
    ]);
    const alone = withComments('traffic-diversion/solicitation', ['c1', 'c2']);
    expect(withoutExplained([alone], context)).toEqual([alone]);
  });
});

describe('one act, one code: a covert ad sending readers to its pinned comment', () => {
  const promotion: Finding = { ...finding('undisclosed-promotion/seeded-brief'), evidence: { summary: 'brief', noteIds: ['brief-1', 'brief-2'] } };
  const deal = (noteIds: string[]): Finding => ({ ...finding('traffic-diversion/private-deal'), evidence: { summary: 'deal', noteIds } });

  it('"看置顶" in the promotion’s own note is how it hides its link, not traffic-diversion too', () => {
    expect(withoutExplained([promotion, deal(['brief-1'])])).toEqual([promotion]);
  });

  it('the same words in a note the promotion does not name, or with no promotion found, stay', () => {
    expect(withoutExplained([promotion, deal(['brief-1', 'other-1'])])).toEqual([promotion, deal(['brief-1', 'other-1'])]);
    expect(withoutExplained([deal(['brief-1'])])).toEqual([deal(['brief-1'])]);
  });
});

describe('one act, one code: a crew member’s scripted redirects', () => {
  const inComments = (ruleId: string): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, commentIds: ['c1', 'c2'] } });
  const crew = finding('water-army/ring-core');

  it('"去她主页看看" and "私我" in a crew member’s comments are the crew’s script, not traffic-diversion or self-promotion too', () => {
    const kept = withoutExplained([crew, inComments('traffic-diversion/solicitation'), inComments('traffic-diversion/private-deal'), inComments('engagement-bait/self-promotion')]);
    expect(kept.map((f) => f.ruleId)).toEqual(['water-army/ring-core']);
  });

  it('a contact it names, a redirect in its own notes, or no crew found stays', () => {
    const inNote: Finding = { ...finding('traffic-diversion/solicitation'), evidence: { summary: 'in a note', noteIds: ['n1'] } };
    const contact = inComments('traffic-diversion/contact-in-text');
    expect(withoutExplained([crew, contact, inNote]).map((f) => f.ruleId)).toEqual(['water-army/ring-core', 'traffic-diversion/contact-in-text', 'traffic-diversion/solicitation']);
    const alone = [inComments('traffic-diversion/solicitation'), inComments('engagement-bait/self-promotion')];
    expect(withoutExplained(alone)).toEqual(alone);
  });
});

describe('one act, one code: a crew member answering "where to buy" under others’ notes', () => {
  const crew = finding('water-army/scripted-qa');
  const answer = (noteIds: string[]): Finding => ({ ...finding('traffic-diversion/private-answer'), evidence: { summary: 'answered', noteIds, commentIds: ['c1'] } });

  it('"链接私你了" under someone else’s note is the crew’s script, not traffic-diversion too', () => {
    const kept = withoutExplained([crew, answer(['theirs-1', 'theirs-2'])], { ownNotes: new Set(['own-1']) });
    expect(kept.map((f) => f.ruleId)).toEqual(['water-army/scripted-qa']);
  });

  it('answering under its own note, or without a crew finding, stays traffic-diversion', () => {
    const onOwn = answer(['theirs-1', 'own-1']);
    expect(withoutExplained([crew, onOwn], { ownNotes: new Set(['own-1']) })).toEqual([crew, onOwn]);
    const alone = answer(['theirs-1']);
    expect(withoutExplained([alone], { ownNotes: new Set(['own-1']) })).toEqual([alone]);
    // no note set given: a finding resting on any note stays, as before
    expect(withoutExplained([crew, alone])).toEqual([crew, alone]);
  });
});

describe('one act, one code: copies across accounts that another act explains', () => {
  const withNotes = (ruleId: string, noteIds: string[]): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, noteIds } });
  const cross = (noteIds: string[]) => withNotes('homogeneous-content/cross-account-duplicates', noteIds);
  const transformed = withNotes('account-transformation/purge-and-pivot', ['ad-1', 'ad-2', 'old-1']);

  it('a transformed account’s ads and wiped history, the same as other bought accounts’, are not homogeneous-content too', () => {
    expect(withoutExplained([transformed, cross(['ad-1', 'ad-2'])]).map((f) => f.ruleId)).toEqual(['account-transformation/purge-and-pivot']);
    // a wiped note the transformation's capped evidence does not list is still its history
    expect(withoutExplained([transformed, cross(['ad-1', 'old-7'])], { removedNotes: new Set(['old-1', 'old-7']) }).map((f) => f.ruleId)).toEqual(['account-transformation/purge-and-pivot']);
  });

  it('notes an occasional hosting tool wrote, or bait hooks, copied across accounts are that act only', () => {
    const hosted = withNotes('ai-hosted/occasional', ['h-1', 'h-2']);
    expect(withoutExplained([hosted, cross(['h-1'])])).toEqual([hosted]);
    const bait = withNotes('engagement-bait/bait-hook', ['b-1', 'b-2']);
    expect(withoutExplained([bait, cross(['b-1', 'b-2'])])).toEqual([bait]);
  });

  it('others’ notes a hosting tool reposted for the account are the hosting’s; reposts beyond them stay homogeneous-content', () => {
    const hosted = withNotes('ai-hosted/occasional', ['h-1', 'h-2', 'h-3']);
    const reposts = (noteIds: string[]) => withNotes('homogeneous-content/repeated-reposts', noteIds);
    expect(withoutExplained([hosted, reposts(['h-1', 'h-2', 'h-3'])])).toEqual([hosted]);
    expect(withoutExplained([hosted, reposts(['h-1', 'h-2', 'own-4'])])).toEqual([hosted, reposts(['h-1', 'h-2', 'own-4'])]);
  });

  it('a bought account posting its new owner’s ad template again and again is the transformation’s; a template in its wiped history is homogeneous-content', () => {
    const removedNotes = new Set(['old-1', 'old-2']);
    const adTemplate = withNotes('homogeneous-content/template-posting', ['ad-1', 'ad-2']);
    expect(withoutExplained([transformed, adTemplate], { removedNotes })).toEqual([transformed]);
    const farmedTemplate = withNotes('homogeneous-content/template-posting', ['old-1', 'old-2']);
    expect(withoutExplained([transformed, farmedTemplate], { removedNotes })).toEqual([transformed, farmedTemplate]);
    expect(withoutExplained([adTemplate])).toEqual([adTemplate]);
  });

  it('copies beyond the explaining act’s notes, bulk of its own, or no explaining act stay', () => {
    const beyond = cross(['ad-1', 'other-9']);
    const template = withNotes('homogeneous-content/template-posting', ['ad-1', 'old-1']);
    expect(withoutExplained([transformed, beyond, template], { removedNotes: new Set(['old-1']) })).toEqual([transformed, beyond, template]);
    const contact = withNotes('traffic-diversion/contact-in-text', ['ad-1', 'ad-2']);
    expect(withoutExplained([contact, cross(['ad-1', 'ad-2'])])).toEqual([contact, cross(['ad-1', 'ad-2'])]);
    expect(withoutExplained([cross(['ad-1'])], { removedNotes: new Set(['ad-1']) })).toEqual([cross(['ad-1'])]);
  });
});

describe('one act, one code: a bulk-registered farm’s warm-up bait, a misleading seller’s titles', () => {
  const withNotes = (ruleId: string, noteIds: string[]): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, noteIds } });
  const hook = withNotes('engagement-bait/bait-hook', ['b-1', 'b-2']);
  const mutual = finding('engagement-bait/mutual-follow');

  it('bait and claims posted by an account registered in bulk are the farm’s; its follow-for-follow and contacts stay their codes’', () => {
    for (const farm of ['fake-account/device-farm', 'fake-account/registration-burst', 'fake-account/bot-client', 'fake-account/templated-nicknames']) {
      const claim = finding('misleading-marketing/medical-claim');
      const contact = finding('traffic-diversion/contact-in-text');
      expect(withoutExplained([finding(farm), hook, mutual, claim, contact]).map((f) => f.ruleId)).toEqual([farm, 'engagement-bait/mutual-follow', 'traffic-diversion/contact-in-text']);
    }
    // bought followers say nothing about who runs the account: a real account can buy them and post bait too
    const bought = finding('fake-account/brushed-followers');
    const claim = finding('misleading-marketing/medical-claim');
    expect(withoutExplained([bought, hook, claim])).toEqual([bought, hook, claim]);
  });

  it('a seller found making misleading claims is not also given sensational titles; without the claims it is', () => {
    const title = withNotes('engagement-bait/sensational-title', ['t-1', 't-2']);
    const claim = withNotes('misleading-marketing/absolute-claim', ['c-1']);
    expect(withoutExplained([title, claim, hook])).toEqual([claim, hook]);
    expect(withoutExplained([title])).toEqual([title]);
  });
});

describe('one act, one code: the hosting tool that signed the account up', () => {
  const hosted: Finding = { ...finding('ai-hosted/fully-hosted'), evidence: { summary: 'registered through "HostBot"', matched: ['HostBot'] } };
  const client = (name: string): Finding => ({ ...finding('fake-account/bot-client'), evidence: { summary: `registered by ${name}`, clusterKey: `c:${name.toLowerCase()}` } });

  it('a wholly hosted account registered by the client it is run through is ai-hosted, not also a bot-client farm', () => {
    expect(withoutExplained([hosted, client('HostBot')])).toEqual([hosted]);
  });

  it('a farm tool the account does not post through stays fake-account, and without hosting the bot client stays', () => {
    expect(withoutExplained([hosted, client('RegMaster')])).toEqual([hosted, client('RegMaster')]);
    expect(withoutExplained([client('HostBot')])).toEqual([client('HostBot')]);
  });
});

describe('one act, one code: a free offer titling a diverting note', () => {
  const withNotes = (ruleId: string, noteIds: string[], matched?: string[]): Finding => ({ ...finding(ruleId), evidence: { summary: ruleId, noteIds, ...(matched ? { matched } : {}) } });
  const divert = withNotes('traffic-diversion/contact-in-text', ['d-1', 'd-2', 'd-3']);

  it('a "免费领" or "清仓" title over notes that send readers to WeChat or QQ is the diversion’s lure, not misleading-marketing too', () => {
    const title = withNotes('misleading-marketing/misleading-title', ['d-1', 'd-2'], ['免费领', '清仓']);
    expect(withoutExplained([divert, title])).toEqual([divert]);
  });

  it('a title borrowing an authority, or titles beyond the diverting notes, stay misleading-marketing', () => {
    const authority = withNotes('misleading-marketing/misleading-title', ['d-1', 'd-2'], ['免费领', '央视推荐']);
    expect(withoutExplained([divert, authority])).toEqual([divert, authority]);
    const beyond = withNotes('misleading-marketing/misleading-title', ['d-1', 'x-9'], ['免费领']);
    expect(withoutExplained([divert, beyond])).toEqual([divert, beyond]);
    expect(withoutExplained([withNotes('misleading-marketing/misleading-title', ['d-1'], ['清仓'])]).map((f) => f.ruleId)).toEqual(['misleading-marketing/misleading-title']);
  });
});
