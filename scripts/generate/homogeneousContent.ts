/**
 * homogeneous-content: low-cost template content posted in bulk to farm traffic and followers
 * (tarot readings, game clips, variety-show edits, coupon tricks, wallpapers, side hustles). Variants:
 *  - template-matrix: a group of accounts posting near-duplicates of one template;
 *  - mass-poster: one account posting a template dozens of times;
 *  - copied-content: reposting other users' notes with light edits.
 * Near-duplicates differ by synonym swaps, emoji, punctuation, sentence order and script.
 */
import type { AccountDraft, Cohort, NoteDraft } from './cohort.ts';
import { EMOJI } from './corpus.ts';
import { fill, toTraditional, type Lang, type Slots } from './localize.ts';
import { gatherMembers, recruited, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, humanMoment, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

export interface TemplateFamily {
  id: string;
  topic: string;
  titles: string[];
  sentences: string[];
  tags: string[];
  slots: Record<string, string[]>;
}

export const TEMPLATE_FAMILIES: TemplateFamily[] = [
  {
    id: 'tarot',
    topic: 'reading',
    titles: ['{sign}本周运势｜抽一张牌{e}', '塔罗占卜｜测测你最近的{aspect}运', '【塔罗】选{n}号牌的你，{aspect}即将迎来转机', '闭眼选一张｜你的{aspect}会怎样发展', '凭直觉选｜{aspect}能量大揭秘'],
    sentences: [
      '凭第一直觉选一张牌。',
      '选1的宝宝，最近会有好消息传来。',
      '选2的宝宝，{aspect}方面要多一点耐心。',
      '选3的宝宝，身边有贵人相助。',
      '留下你选的数字，看看准不准。',
      '本期内容仅供娱乐，请勿过度解读。',
      '接好运！好运会一直陪着你。',
      '这张牌代表新的开始。',
      '能刷到这条的宝宝，{aspect}都会越来越好。',
    ],
    tags: ['塔罗', '塔罗占卜', '星座', '运势', '接好运'],
    slots: { sign: ['白羊座', '金牛座', '双子座', '巨蟹座', '狮子座', '处女座', '天秤座', '天蝎座', '射手座', '摩羯座', '水瓶座', '双鱼座'], aspect: ['感情', '事业', '财', '桃花', '学业'] },
  },
  {
    id: 'game-clips',
    topic: 'tech',
    titles: ['{game}高光集锦第{n}期', '{game}名场面合集｜一定看到最后', '{game}极限操作{e}', '{game}今日份搞笑瞬间', '{game}上分小技巧第{n}弹'],
    sentences: [
      '今天给大家带来第{n}期高光。',
      '这波操作真的太秀了。',
      '最后一段千万别错过。',
      '素材来源网络，侵删。',
      '每天更新，记得收藏。',
      '你们觉得哪一段最精彩？',
      '兄弟们冲冲冲。',
      '这个细节很多人都没注意到。',
    ],
    tags: ['游戏', '高光时刻', '游戏集锦', '手游'],
    slots: { game: ['王者荣耀', '和平精英', '原神', '金铲铲', '蛋仔派对', '英雄联盟'] },
  },
  {
    id: 'variety-edits',
    topic: 'reading',
    titles: ['{show}名场面｜笑到停不下来', '{show}第{n}期精彩剪辑', '{show}这段我能看一百遍{e}', '{show}高甜片段合集'],
    sentences: ['这一段真的太好笑了。', '素材来自网络，如有侵权请联系删除。', '每天分享一个快乐片段。', '看完心情都变好了。', '你们最喜欢哪一期？', '剪了好久，收藏一下吧。'],
    tags: ['综艺', '名场面', '综艺剪辑', '快乐源泉'],
    slots: { show: ['向往的生活', '奔跑吧', '乘风破浪', '脱口秀大会', '极限挑战', '披荆斩棘'] },
  },
  {
    id: 'coupons',
    topic: 'career',
    titles: ['{platform}隐藏优惠券领取方法，亲测有效', '{platform}{n}元无门槛券怎么领', '薅羊毛｜{platform}最新玩法{e}', '省钱攻略｜{platform}隐藏入口'],
    sentences: [
      '打开{platform}搜索关键词就能看到。',
      '每天10点更新，手慢无。',
      '亲测有效，已经省了{n}百块。',
      '收藏起来慢慢用。',
      '学生党一定要知道。',
      '步骤很简单，一分钟学会。',
      '很多人不知道这个入口。',
    ],
    tags: ['省钱', '薅羊毛', '优惠券', '省钱攻略'],
    slots: { platform: ['外卖平台', '打车软件', '购物App', '视频会员', '咖啡小程序'] },
  },
  {
    id: 'wallpapers',
    topic: 'photo',
    titles: ['今日份高清壁纸｜第{n}弹', '温柔系壁纸分享{e}', '{style}风手机壁纸合集', '适合做头像的{style}图'],
    sentences: ['喜欢的宝宝可以自取。', '原图已放，点开保存。', '每天更新一组。', '拿图点个赞就好。', '还有更多在合集里。', '这组是{style}风格的。'],
    tags: ['壁纸', '高清壁纸', '头像', '手机壁纸'],
    slots: { style: ['ins', '奶油', '复古', '治愈', '动漫', '简约'] },
  },
  {
    id: 'side-hustle',
    topic: 'career',
    titles: ['在家也能做的副业｜第{n}个最简单', '下班后的副业，每天多赚{n}百', '适合宝妈的副业{e}', '零成本副业分享'],
    sentences: ['不需要任何经验，手机就能做。', '适合学生党和宝妈。', '每天花一两个小时就够了。', '我已经做了{n}个月了。', '想了解的可以先收藏。', '坚持下来真的有收获。'],
    tags: ['副业', '搞钱', '宝妈副业', '兼职'],
    slots: {},
  },
];

/** Words the operators swap to dodge exact-match filters. */
const SYNONYMS: [string, string[]][] = [
  ['宝宝', ['宝子', '姐妹', '宝贝', '家人们']],
  ['真的', ['真滴', '是真的', '确实']],
  ['太', ['超', '巨', '好']],
  ['收藏', ['码住', '存下', '马住']],
  ['每天', ['天天', '日日']],
  ['更新', ['上新', '发']],
  ['好消息', ['喜讯', '好运']],
  ['亲测有效', ['自己试过有用', '实测能用', '真实有效']],
  ['手慢无', ['先到先得', '速度']],
  ['分享', ['推荐', '安利']],
  ['精彩', ['好看', '经典']],
  ['简单', ['容易', '轻松']],
];

function variedSlots(rng: Rng, family: TemplateFamily): Slots {
  return (k) => {
    if (k === 'n') return String(rng.int(1, 30));
    if (k === 'e') return rng.chance(0.7) ? rng.pick(EMOJI) : '';
    const values = family.slots[k];
    return values ? rng.pick(values) : undefined;
  };
}

/** Applies the disguises: synonym swaps, emoji, punctuation, order. */
export function perturb(rng: Rng, sentences: string[], strength: number): string[] {
  let out = sentences.map((s) => {
    let t = s;
    for (const [word, alts] of SYNONYMS) if (t.includes(word) && rng.chance(strength)) t = t.split(word).join(rng.pick(alts));
    if (rng.chance(strength * 0.5)) t = t.replace(/。$/, rng.pick(['！', '~', '～', '!!', '', '。。']));
    if (rng.chance(strength * 0.3)) t = t.replace(/，/g, rng.pick([',', ' ', '，']));
    if (rng.chance(strength * 0.4)) t += rng.pick(EMOJI);
    return t;
  });
  if (rng.chance(strength)) {
    const head = out[0];
    out = [head, ...rng.shuffle(out.slice(1))];
  }
  return out;
}

/** One near-duplicate note of the family. */
export function templateNote(rng: Rng, family: TemplateFamily, lang: Lang, core: string[], strength = 0.5): { title: string; body: string; tags: string[] } {
  const slots = variedSlots(rng, family);
  const title = fill(rng.pick(family.titles), slots).trim();
  const body = perturb(
    rng,
    core.map((s) => fill(s, slots)),
    strength,
  ).join(rng.chance(0.5) ? '\n' : '');
  const tags = rng.sample(family.tags, rng.int(2, family.tags.length));
  if (lang === 'hant') return { title: toTraditional(title), body: toTraditional(body), tags: tags.map(toTraditional) };
  return { title, body, tags };
}

/** The operator's core text for a campaign: a fixed selection of the family's sentences. */
export function campaignCore(rng: Rng, family: TemplateFamily): string[] {
  return rng.sample(family.sentences, rng.int(3, Math.min(6, family.sentences.length)));
}

function plantTemplateNotes(cohort: Cohort, rng: Rng, acc: AccountDraft, family: TemplateFamily, core: string[], count: number, window: [number, number], strength: number): NoteDraft[] {
  const notes: NoteDraft[] = [];
  const from = Math.max(window[0], acc.createdAt + HOUR);
  if (from >= window[1]) return notes;
  for (let i = 0; i < count; i++) {
    const t = templateNote(rng, family, acc.lang, core, strength);
    notes.push(cohort.addNote(acc, { createdAt: wholeSecond(humanMoment(rng, from, window[1])), ...t, client: acc.client, appeal: rng.float(0.2, 2), likeCount: rng.int(0, 40) }));
  }
  return notes;
}

export function shapeTemplateMatrix(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = gatherMembers(cohort, rng, plan.size, 0.4, recruited(cohort));
  if (!members.length) return {};
  const family = rng.pick(TEMPLATE_FAMILIES);
  const core = campaignCore(rng, family);
  const end = cohort.takenAt - rng.float(0.1, 20) * DAY;
  const window: [number, number] = [end - rng.float(5, 60) * DAY, end];
  for (const m of members) {
    m.organicNotes = Math.min(m.organicNotes, rng.int(0, 2));
    if (rng.chance(0.1)) m.lang = 'hant';
  }
  return {
    act: () => {
      for (const m of members) {
        const notes = plantTemplateNotes(cohort, rng, m, family, core, rng.int(3, 12), window, 0.55);
        if (notes.length) cohort.label(m, 'homogeneous-content/template-matrix');
      }
    },
  };
}

export function shapeMassPoster(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const [acc] = gatherMembers(cohort, rng, plan.size, 0.2, recruited(cohort));
  if (!acc) return {};
  const family = rng.pick(TEMPLATE_FAMILIES);
  const core = campaignCore(rng, family);
  acc.organicNotes = 0;
  const end = cohort.takenAt - rng.float(0, 5) * DAY;
  const window: [number, number] = [Math.max(acc.createdAt + HOUR, end - rng.float(10, 60) * DAY), end];
  return {
    act: () => {
      const notes = plantTemplateNotes(cohort, rng, acc, family, core, rng.int(30, 110), window, 0.35);
      if (notes.length) cohort.label(acc, 'homogeneous-content/mass-poster');
    },
  };
}

/** Light edits a copier makes: drops a sentence, swaps emoji and punctuation, maybe adds a credit line. */
function lightlyEdited(rng: Rng, text: string): string {
  const lines = text.split(/(?<=[。！!？\n])/).filter(Boolean);
  if (lines.length > 3 && rng.chance(0.5)) lines.splice(rng.int(0, lines.length - 1), 1);
  let out = perturb(rng, lines, 0.3).join('');
  if (rng.chance(0.3)) out += rng.pick(['\n图源网络', '\n侵删', '\n转自网络，侵删', '']);
  return out;
}

export function shapeCopiedContent(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = cohort.takeFree(plan.size);
  for (const m of members) m.organicNotes = Math.min(m.organicNotes, 1);
  return {
    act: () => {
      const candidates = cohort.notes.filter((n) => n.author.accountType === 'personal' && !n.author.reserved && n.body.length > 30);
      if (!candidates.length) return;
      for (const m of members) {
        const copies = rng.sample(candidates, rng.int(4, 14));
        const [from, to] = [Math.max(m.createdAt + HOUR, cohort.takenAt - 90 * DAY), cohort.takenAt - 10 * MINUTE];
        let posted = 0;
        for (const original of copies) {
          const start = Math.max(from, original.createdAt + rng.float(2, 48) * HOUR);
          if (start >= to) continue;
          const title = lightlyEdited(rng, original.title);
          cohort.addNote(m, {
            createdAt: wholeSecond(humanMoment(rng, start, to)),
            title,
            body: lightlyEdited(rng, original.body),
            ...(original.tags ? { tags: original.tags.slice() } : {}),
            client: m.client,
            appeal: rng.float(0.3, 3),
          });
          posted++;
        }
        if (posted) cohort.label(m, 'homogeneous-content/copied-content');
      }
    },
  };
}
