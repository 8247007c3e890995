/**
 * engagement-bait: manipulative attention-grabbing. Variants:
 *  - double-tap: "双击有惊喜", "点赞过千更新" and their disguises;
 *  - mutual-follow: 互关/互粉/回关 schemes, with the follows and follow-backs that go with them;
 *  - sensational-hook: shock titles ("震惊！", "99%的人都不知道…") on thin content.
 */
import type { AccountDraft, Cohort } from './cohort.ts';
import { EMOJI } from './corpus.ts';
import { fill, toTraditional, type Lang } from './localize.ts';
import { noteAppeal, postingWindow } from './organicAccounts.ts';
import { organicNote, topicOf } from './organicText.ts';
import { gatherMembers, recruited, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, SECOND, humanMoment, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

const DOUBLE_TAP = [
  '双击有惊喜',
  '双击屏幕有惊喜',
  '双击❤️有惊喜',
  '双击一下，好运加倍',
  '点赞过{n}00揭晓答案',
  '点赞过千更新下集',
  '收藏=学会，点赞=好运',
  '不点赞的会错过好运哦',
  '点个赞再走吧，有惊喜',
  '👆双击👆有惊喜',
  '连点两下屏幕看看会发生什么',
  '双击666，下期更精彩',
  '点赞的宝子今年暴富',
];
const MUTUAL = [
  '互关',
  '互粉',
  '回关',
  '互fo',
  '秒回关',
  '有关必回',
  '关注必回',
  'hgbh',
  '互赞互评',
  '🔁关注',
  '互关互赞',
  '诚信互关',
  '关我必回',
  '求互关',
  '新人求关注，必回',
  '互粉互赞不取关',
  '互❤关',
  '乎关',
  '互guan',
  'hu关',
];
const MUTUAL_COMMENTS = ['互关吗？必回', '{m}～', '宝子{m}吗', '{m}，已关', '关注了，求{m}', '{m}{e}', '新人报道，{m}', '看到必回，{m}'];
const MUTUAL_NOTES = ['新人报道，{m}{e}', '{m}｜一起涨粉', '{m}群来人啦', '今天也在{m}', '诚信{m}，不取关'];
const HOOKS = [
  '震惊！{s}竟然是这样',
  '太离谱了！{s}的真相',
  '看完我沉默了…{s}',
  '99%的人都不知道的{s}秘密',
  '千万别再这样用{s}了！',
  '细思极恐｜{s}背后的故事',
  '出大事了，关于{s}',
  '绝了！！！{s}',
  '我哭死…{s}',
  '不看后悔系列｜{s}',
  '刚刚！{s}突发',
  '谁懂啊，{s}也太诡异了',
];

/** Breaks a phrase up so exact matching fails: spaces, dashes, emoji, pinyin, script. */
export function disguisePhrase(rng: Rng, phrase: string, lang: Lang): string {
  let p = lang === 'hant' || rng.chance(0.12) ? toTraditional(phrase) : phrase;
  const how = rng.int(0, 5);
  if (how === 0) p = [...p].join(' ');
  else if (how === 1) p = [...p].join(rng.pick(['-', '·', '.']));
  else if (how === 2) p = p.replace('双', rng.pick(['shuang', 'SHUANG', '双🖐', '叒'])).replace('关', rng.pick(['guan', '関', '关']));
  else if (how === 3) p = [...p].map((ch, i) => (i > 0 && rng.chance(0.3) ? rng.pick(EMOJI) + ch : ch)).join('');
  return p;
}

export function doubleTapPhrase(rng: Rng, lang: Lang): string {
  return disguisePhrase(rng, fill(rng.pick(DOUBLE_TAP), { n: String(rng.int(1, 9)) }), lang);
}

export function mutualFollowPhrase(rng: Rng, lang: Lang): string {
  const m = rng.chance(0.6) ? rng.pick(MUTUAL) : disguisePhrase(rng, rng.pick(MUTUAL), lang);
  return lang === 'hant' ? toTraditional(m) : m;
}

function mutualComment(rng: Rng, lang: Lang): string {
  return fill(rng.pick(MUTUAL_COMMENTS), { m: mutualFollowPhrase(rng, lang), e: rng.chance(0.5) ? rng.pick(EMOJI) : '' });
}

function organicWindow(cohort: Cohort, acc: AccountDraft, days: number): [number, number] {
  const [from, to] = postingWindow(cohort, acc, days);
  return [from, to];
}

export function shapeDoubleTap(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = gatherMembers(cohort, rng, plan.size, 0.2, recruited(cohort));
  for (const m of members) m.organicNotes = Math.min(m.organicNotes, 2);
  return {
    act: () => {
      for (const m of members) {
        const [from, to] = organicWindow(cohort, m, 120);
        if (from >= to) continue;
        const n = rng.int(3, 10);
        for (let i = 0; i < n; i++) {
          const t = organicNote(rng, m.lang === 'en' ? 'hans' : m.lang, m.topic);
          const bait = doubleTapPhrase(rng, m.lang);
          const where = rng.int(0, 2);
          const title = where === 0 ? `${t.title}｜${bait}` : t.title;
          const body = where === 1 ? `${bait}\n${t.body}` : `${t.body}\n${bait}`;
          cohort.addNote(m, { createdAt: wholeSecond(humanMoment(rng, from, to)), title, body, tags: t.tags, client: m.client, appeal: noteAppeal(rng, m) });
        }
        cohort.label(m, 'engagement-bait/double-tap');
      }
    },
  };
}

/** A mutual-follow group: appeals in bios, notes and a stream of comments, plus many follows and follow-backs. */
export function shapeMutualFollow(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = gatherMembers(cohort, rng, plan.size, 0.3, recruited(cohort));
  for (const m of members) {
    m.organicNotes = Math.min(m.organicNotes, 1);
    if (rng.chance(0.6)) {
      m.bio = `${m.bio ? m.bio + ' ' : ''}${mutualFollowPhrase(rng, m.lang)}`;
      cohort.label(m, 'engagement-bait/mutual-follow');
    }
    m.followingCount += rng.int(80, 600);
  }
  return {
    act: () => {
      const campaignStart = cohort.takenAt - rng.float(3, 60) * DAY;
      for (const m of members) {
        const from = Math.max(m.createdAt + HOUR, campaignStart);
        const to = cohort.takenAt - 10 * MINUTE;
        if (from >= to) continue;
        for (let i = rng.int(1, 3); i > 0; i--) {
          const t = organicNote(rng, m.lang === 'en' ? 'hans' : m.lang, m.topic);
          const title = fill(rng.pick(MUTUAL_NOTES), { m: mutualFollowPhrase(rng, m.lang), e: rng.pick(EMOJI) });
          cohort.addNote(m, {
            createdAt: wholeSecond(humanMoment(rng, from, to)),
            title,
            body: `${mutualComment(rng, m.lang)}\n${t.body}`,
            tags: [rng.pick(['互关', '互粉', '新人报道', '涨粉'])],
            client: m.client,
            appeal: rng.float(0.2, 1.5),
          });
        }
        // A sweep of "互关吗" comments across other people's notes, a few per sitting.
        const targets = rng.sampleWhere(cohort.notes, rng.int(8, 35), (n) => n.author !== m && n.createdAt < to);
        for (const note of targets) {
          const start = Math.max(from, note.createdAt + MINUTE);
          const until = cohort.noteOpenUntil(note);
          if (start >= until) continue;
          cohort.addComment(note, m, wholeSecond(start + rng.next() * Math.min(until - start, 3 * DAY)), mutualComment(rng, m.lang), { client: m.client });
        }
        // Follows, and the follow-backs the scheme promises.
        const followees = rng.sampleWhere(cohort.accounts, rng.int(20, 80), (a) => a !== m);
        for (const f of followees) {
          const t0 = Math.max(from, f.createdAt + MINUTE);
          if (t0 >= to) continue;
          const t = wholeSecond(t0 + rng.next() * (to - t0));
          cohort.addFollow(m, f, t);
          const back = members.includes(f) ? 0.95 : 0.25;
          if (rng.chance(back) && t + 30 * MINUTE < to) cohort.addFollow(f, m, wholeSecond(t + rng.float(20, Math.min(3 * 3600, (to - t) / SECOND)) * SECOND));
        }
        cohort.label(m, 'engagement-bait/mutual-follow');
      }
    },
  };
}

export function shapeSensationalHook(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = gatherMembers(cohort, rng, plan.size, 0.15, recruited(cohort));
  for (const m of members) m.organicNotes = Math.min(m.organicNotes, 2);
  return {
    act: () => {
      for (const m of members) {
        const [from, to] = organicWindow(cohort, m, 150);
        if (from >= to) continue;
        const lang = m.lang === 'en' ? 'hans' : m.lang;
        const n = rng.int(3, 9);
        for (let i = 0; i < n; i++) {
          const t = organicNote(rng, lang, m.topic);
          const subject = rng.pick(topicOf(m.topic).subjects);
          let title = fill(rng.pick(HOOKS), { s: subject });
          if (lang === 'hant') title = toTraditional(title);
          const body = rng.chance(0.5) ? `${title.replace(/[｜|].*$/, '')}！！\n${t.body}` : t.body;
          cohort.addNote(m, { createdAt: wholeSecond(humanMoment(rng, from, to)), title, body, tags: t.tags, client: m.client, appeal: noteAppeal(rng, m) * 1.5 });
        }
        cohort.label(m, 'engagement-bait/sensational-hook');
      }
    },
  };
}
