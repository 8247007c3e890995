/**
 * An operator extends the policy's lexicons without code, and the extension reaches every stage that reads the
 * words: partition (the channels keying contacts and briefs) as well as resolve (the account detectors).
 */
import { describe, expect, it } from 'vitest';
import { contactVocabulary, DEFAULT_CONTACT_VOCABULARY, scanContacts } from '#shared/detect/text/contactPatterns';
import { DEFAULT_LEXICONS, lexiconsFor } from '#shared/detect/text/lexicons';
import { account, at, comment, makeCtx, note, rulesOf, runDetection } from './harness.ts';

describe('operator lexicons: contact words', () => {
  const shops = ['m1', 'm2', 'm3', 'm4'];
  // a WeChat nickname the defaults do not know ("green app"), the way diverters rename it when the old names are filtered
  const fx = { accounts: shops.map((id) => account(id)), notes: shops.map((a, i) => note(`n${i}`, a, { body: `第${i}款好物，绿色软件：same_shop_8` })) };

  it('a WeChat alias added to contactAppAliases makes the id a contact, keyed across accounts at partition (shared-contact)', () => {
    expect(shops.flatMap((a) => rulesOf(runDetection(fx), a, 'traffic-diversion'))).toEqual([]);
    const ext = runDetection(fx, makeCtx({ lexicons: { contactAppAliases: { add: ['绿色软件'] } } }));
    for (const a of shops) expect(rulesOf(ext, a)).toContain('traffic-diversion/shared-contact');
    expect(ext.byAccount.get('m1')!.find((f) => f.ruleId === 'traffic-diversion/shared-contact')!.evidence.relatedAccountIds).toEqual(['m2', 'm3', 'm4']);
  });

  it('a redirect phrase added to contactRedirects counts as a solicitation', () => {
    const words = contactVocabulary(DEFAULT_LEXICONS.contactAppAliases.pattern, lexiconsFor({ contactRedirects: { add: ['来后台找我'] } })('contactRedirects'));
    expect(scanContacts('要优惠券的来后台找我').solicitations).toEqual([]);
    expect(scanContacts('要优惠券的来后台找我', undefined, words).solicitations.map((s) => s.kind)).toEqual(['private-deal']);
    // the defaults still hold beside the addition
    expect(scanContacts('加我vx: abc_123', undefined, words).contacts).toEqual(scanContacts('加我vx: abc_123').contacts);
  });

  it('the default lexicons give the default scanner, built once', () => {
    const lex = lexiconsFor(undefined);
    expect(contactVocabulary(lex('contactAppAliases'), lex('contactRedirects'))).toBe(DEFAULT_CONTACT_VOCABULARY);
    const added = lexiconsFor({ contactAppAliases: { add: ['绿色软件'] } });
    expect(contactVocabulary(added('contactAppAliases'), added('contactRedirects'))).toBe(contactVocabulary(added('contactAppAliases'), added('contactRedirects')));
  });
});

describe('operator lexicons: ad disclaimers and comment redirects', () => {
  // a brief's posters claim to have bought it in full themselves ("全款自购"), a phrase the defaults do not hold
  const bodies = ['洗完不紧绷，到手价129，全款自购，链接在评论区', '泡沫很细，券后129元，全款自购，评论区自取', '早晚都在用，活动价129，全款自购，想要的看评论区'];
  const kocs = bodies.map((_, i) => `u${i}`);
  const fx = { accounts: kocs.map((k) => account(k)), notes: bodies.map((body, i) => note(`ub${i}`, kocs[i], { title: '洗面奶分享', body, createdAt: at(i * 60 * 24 * 3) })) };

  it('a disclaimer added to adDisclaimers keys untagged briefs at partition, and three posters are a brief', () => {
    expect(kocs.flatMap((k) => rulesOf(runDetection(fx), k, 'undisclosed-promotion'))).toEqual([]);
    const ext = runDetection(fx, makeCtx({ lexicons: { adDisclaimers: { add: ['全款自购'] } } }));
    for (const k of kocs) expect(rulesOf(ext, k, 'undisclosed-promotion')).toEqual(['undisclosed-promotion/seeded-brief']);
  });

  it('replacing commentRedirects with a pattern that misses these notes leaves them unkeyed', () => {
    const ctx = makeCtx({ lexicons: { adDisclaimers: { add: ['全款自购'] }, commentRedirects: { pattern: '置顶评论' } } });
    expect(kocs.flatMap((k) => rulesOf(runDetection(fx, ctx), k, 'undisclosed-promotion'))).toEqual([]);
  });

  it('a sales cue added to salesCues makes a personal note commercial for misleading-marketing', () => {
    const claims = { accounts: [account('s1')], notes: ['n1', 'n2', 'n3'].map((id, i) => note(id, 's1', { title: '祛痘', body: `七天根治痘痘，百分百有效，拍一发三 ${i}`, createdAt: at(i * 60) })) };
    expect(rulesOf(runDetection(claims), 's1', 'misleading-marketing')).toEqual([]);
    const ext = runDetection(claims, makeCtx({ lexicons: { salesCues: { add: ['拍一发三'] } } }));
    expect(rulesOf(ext, 's1', 'misleading-marketing')).toContain('misleading-marketing/medical-claim');
  });
});

describe('operator lexicons: comments', () => {
  it('a comment with an added WeChat alias is a contact in text (resolve reads the same words as partition)', () => {
    const fx = { accounts: [account('a1')], notes: [note('n1', 'a2')], comments: [comment('c1', 'n1', 'a1', '要的加我绿色软件：yan_3471')] };
    expect(rulesOf(runDetection(fx), 'a1', 'traffic-diversion')).toEqual([]);
    expect(rulesOf(runDetection(fx, makeCtx({ lexicons: { contactAppAliases: { add: ['绿色软件'] } } })), 'a1', 'traffic-diversion')).toContain('traffic-diversion/contact-in-text');
  });
});
