/**
 * traffic-diversion: steering users to WeChat, QQ, phone, shops and links off the platform. Variants:
 *  - contact-in-note: a contact (shared by an operator's accounts) in notes, differently disguised each time;
 *  - contact-in-comment: contacts dropped in comments under other users' notes, often answering questions;
 *  - contact-in-profile: contact in nickname or bio, "看我主页" elsewhere;
 *  - link-or-dm: links, shop passwords, group numbers, "私我", "DM me".
 */
import type { AccountDraft, Cohort } from './cohort.ts';
import { EMOJI } from './corpus.ts';
import { contactMention, dmHint, makeContact, offPlatformLink, disguiseValue, platformAlias, readableJoin, type Contact } from './contactObfuscation.ts';
import { mutualFollowPhrase } from './engagementBait.ts';
import { fill, pickIn, toTraditional, type Lang } from './localize.ts';
import { noteAppeal, postingWindow } from './organicAccounts.ts';
import { organicNote } from './organicText.ts';
import { gatherMembers, recruited, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, SECOND, humanMoment, wholeSecond } from './time.ts';
import type { GroupPlan, VariantId } from './violationMix.ts';

const SERVICE_TITLES = [
  '{c}约拍｜档期开放{e}',
  '考研资料全套分享',
  '{c}包车旅拍，本地人带路',
  '兼职日结｜学生宝妈都可做',
  '闲置出｜九成新{x}',
  '祛痘经验｜困扰我三年的痘痘终于好了',
  '私人定制塔罗占卜',
  '{c}租房｜房东直租',
  '雅思口语陪练',
  '代购｜日本药妆',
  '同城宠物寄养',
  '小众香水分装',
];
const SERVICE_ITEMS = ['相机', '平板', '耳机', '吹风机', '婴儿车', '健身卡', '演唱会门票'];
const NOTE_LEADS = ['需要的姐妹{how}', '感兴趣的{how}', '想了解的{how}', '详细的{how}', '{how}，名额有限', '评论区回复太慢了，{how}'];
const COMMENT_LINES = ['需要的可以找我，{how}', '同款在这 {how}', '有渠道，{how}', '我这里有，{how}', '楼主说的我有资料，{how}', '姐妹我知道在哪买，{how}', '有需要{how}', '{how}'];
const QUESTION = /请问|哪里|求|多少钱|哪家/;
const CITY_LIST = ['上海', '北京', '杭州', '成都', '深圳', '广州', '重庆', '西安', '大理', '三亚'];

function leadWith(rng: Rng, template: readonly string[], how: string, lang: Lang): string {
  const lead = pickIn(rng, template, lang);
  return fill(lead, { how });
}

function serviceTitle(rng: Rng, lang: Lang): string {
  const t = fill(rng.pick(SERVICE_TITLES), { c: rng.pick(CITY_LIST), x: rng.pick(SERVICE_ITEMS), e: rng.chance(0.5) ? rng.pick(EMOJI) : '' });
  return lang === 'hant' ? toTraditional(t) : t;
}

/** How this account hands out its contact this time: the contact itself, a hint, or a link. */
function how(rng: Rng, contacts: Contact[], lang: Lang, linkish: boolean): string {
  if (linkish) return rng.chance(0.5) ? offPlatformLink(rng, lang) : dmHint(rng, lang);
  return contactMention(rng, rng.pick(contacts), lang);
}

/** Text and when to post: a service-like note with the contact in the body, sometimes also in the title. */
function divertingNote(cohort: Cohort, rng: Rng, acc: AccountDraft, contacts: Contact[], linkish: boolean, window: [number, number]): void {
  const lang = acc.lang === 'en' && rng.chance(0.5) ? 'hans' : acc.lang;
  const t = organicNote(rng, lang, acc.topic);
  const title = rng.chance(0.5) ? serviceTitle(rng, lang) : t.title;
  const h = how(rng, contacts, lang, linkish);
  const line = lang === 'en' ? h : leadWith(rng, NOTE_LEADS, h, lang);
  const body = rng.chance(0.6) ? `${t.body}\n${line}` : `${line}\n${t.body}`;
  cohort.addNote(acc, { createdAt: wholeSecond(humanMoment(rng, window[0], window[1])), title, body, tags: t.tags, client: acc.client, appeal: noteAppeal(rng, acc) });
}

/** Some diverters also beg for mutual follows. */
function maybeAlsoBait(cohort: Cohort, rng: Rng, acc: AccountDraft, window: [number, number]): void {
  if (!rng.chance(0.2)) return;
  const t = organicNote(rng, acc.lang === 'en' ? 'hans' : acc.lang, acc.topic);
  cohort.addNote(acc, {
    createdAt: wholeSecond(humanMoment(rng, window[0], window[1])),
    title: `${mutualFollowPhrase(rng, acc.lang)}${rng.pick(EMOJI)}`,
    body: `${mutualFollowPhrase(rng, acc.lang)}\n${t.body}`,
    tags: t.tags,
    client: acc.client,
    appeal: 1,
  });
  cohort.label(acc, 'engagement-bait/mutual-follow');
}

function operatorContacts(rng: Rng): Contact[] {
  const first = makeContact(rng);
  return rng.chance(0.4) ? [first, makeContact(rng, first.kind === 'phone' ? 'wechat' : 'phone')] : [first];
}

function diverters(cohort: Cohort, rng: Rng, plan: GroupPlan): AccountDraft[] {
  const members = gatherMembers(cohort, rng, plan.size, 0.25, recruited(cohort));
  for (const m of members) {
    m.organicNotes = Math.min(m.organicNotes, rng.int(0, 3));
    m.activity = Math.min(m.activity, 0.4);
  }
  return members;
}

function notesPhase(cohort: Cohort, rng: Rng, members: AccountDraft[], variant: VariantId, linkish: boolean): PlantPhases {
  const contacts = operatorContacts(rng);
  return {
    act: () => {
      for (const m of members) {
        const window = postingWindow(cohort, m, 120);
        if (window[0] >= window[1]) continue;
        for (let i = rng.int(2, 8); i > 0; i--) divertingNote(cohort, rng, m, contacts, linkish, window);
        cohort.label(m, variant);
        maybeAlsoBait(cohort, rng, m, window);
      }
    },
  };
}

export function shapeContactInNote(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  return notesPhase(cohort, rng, diverters(cohort, rng, plan), 'traffic-diversion/contact-in-note', false);
}

/** Comments carrying contacts, under popular notes and often right after a reader's question. */
function divertingComments(cohort: Cohort, rng: Rng, m: AccountDraft, contacts: Contact[], linkish: boolean, n: number): number {
  let made = 0;
  for (const note of rng.sampleWhere(cohort.notes, n, (x) => x.author !== m && x.appeal > 1)) {
    const from = Math.max(note.createdAt + MINUTE, m.createdAt + HOUR);
    const until = cohort.noteOpenUntil(note);
    if (from >= until) continue;
    const t = wholeSecond(from + rng.next() * Math.min(until - from, 5 * DAY));
    const lang = m.lang === 'en' && rng.chance(0.5) ? 'hans' : m.lang;
    const h = how(rng, contacts, lang, linkish);
    cohort.addComment(note, m, t, lang === 'en' ? h : leadWith(rng, COMMENT_LINES, h, lang), { client: m.client });
    made++;
  }
  return made;
}

export function shapeContactInComment(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = diverters(cohort, rng, plan);
  const contacts = operatorContacts(rng);
  return {
    act: () => {
      for (const m of members) {
        if (divertingComments(cohort, rng, m, contacts, false, rng.int(8, 35)) > 0) cohort.label(m, 'traffic-diversion/contact-in-comment');
      }
    },
    // Answers to readers' questions (请问在哪里买的…) are the classic hook; done once organic comments exist.
    late: () => {
      for (const m of members) {
        for (const q of rng.sampleWhere(cohort.comments, rng.int(0, 6), (c) => !c.replyTo && c.author.codes.size === 0 && QUESTION.test(c.text), 600)) {
          const until = cohort.noteOpenUntil(q.note);
          const t = Math.max(q.createdAt + rng.int(20, 3600) * SECOND, m.createdAt + HOUR);
          if (t >= until || q.author === m) continue;
          const lang = m.lang === 'en' ? 'hans' : m.lang;
          cohort.addComment(q.note, m, wholeSecond(t), leadWith(rng, COMMENT_LINES, contactMention(rng, rng.pick(contacts), lang), lang), { replyTo: q.id, client: m.client });
          cohort.label(m, 'traffic-diversion/contact-in-comment');
        }
      }
    },
  };
}

const PROFILE_NICKS = ['{name}（{pf}{id}）', '{name}·{pf}{id}', '{pf}{id}{name}', '{name}{e}{pf}:{id}'];
const PROFILE_BIOS = ['合作/咨询：{pf} {id}', '{pf}：{id}（备注来意）', '📮{pf} {id}', '{bio}\n{pf}▶{id}', '找我{pf}{id}，主页不常看', '{bio}｜{pf}同号{id}'];

const PROFILE_POINTERS = ['看我主页', '主页有联系方式', '简介自取', '戳头像看简介', '主页见'];

export function shapeContactInProfile(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = diverters(cohort, rng, plan);
  const contacts = operatorContacts(rng);
  for (const m of members) {
    const contact = rng.pick(contacts);
    const lang = m.lang === 'en' ? 'hans' : m.lang;
    const id = disguiseValue(rng, contact, lang);
    const pf = platformAlias(rng, contact.kind === 'phone' ? 'wechat' : contact.kind, lang);
    const where = rng.int(0, 3); // 0 nickname, 1 bio, 2 both, 3 "同号" in the nickname and the number in the bio
    const name = m.nickname.slice(0, 8);
    if (where === 0 || where === 2) m.nickname = readableJoin(fill(rng.pick(PROFILE_NICKS), { name, pf, id, e: rng.pick(EMOJI) }), pf, id);
    if (where === 3) m.nickname = `${name}｜${pf}同号`;
    if (where !== 0) m.bio = readableJoin(fill(rng.pick(PROFILE_BIOS), { bio: m.bio ?? '', pf, id }), pf, id);
    cohort.label(m, 'traffic-diversion/contact-in-profile');
  }
  return {
    act: () => {
      for (const m of members) {
        const window = postingWindow(cohort, m, 90);
        if (window[0] >= window[1] || !rng.chance(0.7)) continue;
        // Notes and comments only point at the profile.
        for (let i = rng.int(1, 4); i > 0; i--) {
          const t = organicNote(rng, m.lang === 'en' ? 'hans' : m.lang, m.topic);
          const hint = pickIn(rng, PROFILE_POINTERS, m.lang);
          cohort.addNote(m, { createdAt: wholeSecond(humanMoment(rng, window[0], window[1])), title: t.title, body: `${t.body}\n${hint}`, tags: t.tags, client: m.client, appeal: noteAppeal(rng, m) });
        }
        maybeAlsoBait(cohort, rng, m, window);
      }
    },
  };
}

export function shapeLinkOrDm(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = diverters(cohort, rng, plan);
  const notes = notesPhase(cohort, rng, members, 'traffic-diversion/link-or-dm', true);
  return {
    act: () => {
      notes.act?.();
      for (const m of members) if (rng.chance(0.5) && divertingComments(cohort, rng, m, [], true, rng.int(3, 15)) > 0) cohort.label(m, 'traffic-diversion/link-or-dm');
    },
  };
}
