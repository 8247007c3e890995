/**
 * ai-hosted: notes, comments and replies produced by AI hosting tools that simulate a person. Variants:
 *  - fully-hosted: registered through a hosting tool (or the open API); every note posted by it at a
 *    machine-regular interval round the clock; every comment answered within seconds (ban-worthy);
 *  - occasional: a real user who sometimes lets a tool write, post and reply (graded penalty);
 *  - comment-bot: hosted commenting: generated comments seconds after other people's notes appear.
 * Not a violation (see hardNegatives): a person who declares AI-assisted creation (aigcDeclared) and
 * posts at a human cadence from the ordinary app.
 */
import type { AccountDraft, Cohort, CommentDraft, NoteDraft } from './cohort.ts';
import { contactMention, makeContact } from './contactObfuscation.ts';
import { CITIES } from './corpus.ts';
import { fill, inScript, toTraditional, type Lang, type Slots } from './localize.ts';
import { topicOf } from './organicAccounts.ts';
import { perturb } from './homogeneousContent.ts';
import type { PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, SECOND, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

export const AI_TOOLS = ['open-api', 'open-api', 'AIHost Pro', '托管精灵', 'AutoPost-GPT', '智能运营助手', 'XHS-Copilot', 'auto-creator'];

const AI_TITLES = ['{s}｜{n}个实用小技巧分享', '关于{s}，你需要知道的{n}件事', '{s}完全指南：从入门到精通', '提升生活品质的{n}个{s}建议', '如何科学地选择{s}？', '{s}的正确打开方式'];
const AI_OPENERS = ['在这个快节奏的时代，{s}成为了越来越多人的选择。', '你是否也曾为{s}而烦恼？', '{s}看似简单，其实有很多值得注意的地方。', '随着生活水平的提高，大家对{s}的要求也越来越高。'];
const AI_POINTS = [
  '选择适合自己的才是最重要的',
  '保持耐心，循序渐进',
  '注重细节，才能事半功倍',
  '合理规划时间，提高效率',
  '多尝试、多总结，找到最佳方案',
  '关注自身感受，避免盲目跟风',
  '结合实际需求做出判断',
  '养成良好的习惯',
];
const AI_CLOSERS = [
  '总的来说，{s}需要我们用心去体验。希望这篇分享对你有所帮助！',
  '希望以上内容对你有所启发，如果你也有类似的经历，欢迎在评论区留言交流～',
  '以上就是今天的分享，感谢阅读，我们下期再见！',
];
const AI_COMMENTS = [
  '感谢分享！这篇内容非常实用，受益匪浅。',
  '写得很用心，{s}的部分尤其有启发。',
  '非常赞同你的观点，期待更多分享！',
  '这个角度很新颖，学到了很多。',
  '内容详实，条理清晰，已收藏。',
  '说得太好了，{s}确实需要多加注意。',
  '很有价值的分享，感谢博主的用心整理！',
];
const AI_REPLIES = [
  '感谢你的留言！很高兴这篇内容对你有帮助～',
  '谢谢关注！有任何问题都可以随时交流哦。',
  '你说得很对，{s}确实需要多加注意。',
  '感谢支持，我会继续努力分享更多优质内容！',
  '谢谢你的认可，祝你生活愉快！',
];

function aiSlots(rng: Rng, topic: string): Slots {
  const t = topicOf(topic);
  return (k) => (k === 's' ? rng.pick(t.subjects) : k === 'n' ? String(rng.int(3, 7)) : k === 'c' ? rng.pick(CITIES) : undefined);
}

/** Uniform, generated-sounding text: the same scaffolding every time. */
export function aiNoteText(rng: Rng, topic: string, lang: Lang): { title: string; body: string; tags: string[] } {
  const sl = aiSlots(rng, topic);
  const points = rng.sample(AI_POINTS, 3);
  const body = [
    fill(rng.pick(AI_OPENERS), sl),
    `今天想和大家分享${points.length}个实用的小技巧：`,
    `首先，${points[0]}；`,
    `其次，${points[1]}；`,
    `最后，${points[2]}。`,
    fill(rng.pick(AI_CLOSERS), sl),
  ].join(rng.chance(0.7) ? '\n' : '');
  const title = fill(rng.pick(AI_TITLES), sl);
  const tags = rng.sample(inScript(topicOf(topic).tags, 'hans'), 3);
  if (lang === 'hant') return { title: toTraditional(title), body: toTraditional(body), tags: tags.map(toTraditional) };
  return { title, body, tags };
}

export function aiComment(rng: Rng, topic: string, lang: Lang, reply = false): string {
  const t = perturb(rng, [fill(rng.pick(reply ? AI_REPLIES : AI_COMMENTS), aiSlots(rng, topic))], 0.15)[0];
  return lang === 'hant' ? toTraditional(t) : t;
}

function hostedLang(acc: AccountDraft): Lang {
  return acc.lang === 'hant' ? 'hant' : 'hans';
}

/** Replies to every other person's comment on the account's notes, seconds later. */
function instantReplies(cohort: Cohort, rng: Rng, acc: AccountDraft, notes: Set<NoteDraft>, tool: string, share: number): number {
  let n = 0;
  const incoming: CommentDraft[] = [];
  for (const note of notes) for (const c of cohort.commentsOn(note)) if (c.author !== acc && !c.replyTo) incoming.push(c);
  for (const c of incoming) {
    if (!rng.chance(share)) continue;
    const t = c.createdAt + rng.int(4, 45) * SECOND;
    if (t >= cohort.noteOpenUntil(c.note)) continue;
    cohort.addComment(c.note, acc, t, aiComment(rng, acc.topic, hostedLang(acc), true), { replyTo: c.id, client: tool });
    n++;
  }
  return n;
}

/** Generated comments on fresh notes by others, seconds to a couple of minutes after they appear. */
function instantComments(cohort: Cohort, rng: Rng, acc: AccountDraft, count: number, tool: string | undefined, since: number): number {
  const latest = cohort.takenAt - 5 * MINUTE;
  let made = 0;
  for (const note of rng.sampleWhere(cohort.notes, count, (n) => n.author !== acc && n.createdAt > since && n.createdAt < latest)) {
    const t = note.createdAt + rng.int(12, 150) * SECOND;
    if (t >= cohort.noteOpenUntil(note)) continue;
    cohort.addComment(note, acc, t, aiComment(rng, note.author.topic, hostedLang(acc)), tool ? { client: tool } : {});
    made++;
  }
  return made;
}

export function shapeFullyHosted(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const [acc] = cohort.takeFree(1);
  if (!acc) return {};
  const tool = rng.pick(AI_TOOLS);
  const takenAt = cohort.takenAt;
  acc.createdAt = wholeSecond(takenAt - rng.float(8, 200) * DAY);
  acc.registration = { ...acc.registration, client: tool };
  acc.client = tool;
  acc.organicNotes = 0;
  acc.activity = 0;
  if (acc.lang === 'en' || acc.lang === 'mixed') acc.lang = 'hans';
  acc.followerCount = Math.round(rng.logNormal(300, 1));
  acc.bio = rng.pick(['分享生活中的美好瞬间', '热爱生活，记录日常', '一个喜欢分享的普通人', '专注优质内容分享', acc.bio ?? '']);
  const divert = rng.chance(0.2);
  if (divert) {
    acc.bio += ` ${contactMention(rng, makeContact(rng), 'hans')}`;
    cohort.label(acc, 'traffic-diversion/contact-in-profile');
  }
  cohort.label(acc, 'ai-hosted/fully-hosted');
  const mine = new Set<NoteDraft>();
  return {
    act: () => {
      // Machine cadence: a fixed interval, a few seconds of jitter, day and night.
      const interval = rng.pick([2, 3, 4, 6, 8, 12]) * HOUR;
      const count = Math.min(rng.int(25, 140), Math.floor((takenAt - acc.createdAt - HOUR) / interval));
      let t = takenAt - count * interval - rng.float(0, interval / 2);
      for (let i = 0; i < count; i++, t += interval) {
        const at = wholeSecond(t + rng.int(-90, 90) * SECOND);
        if (at <= acc.createdAt || at >= takenAt - MINUTE) continue;
        const text = aiNoteText(rng, acc.topic, acc.lang);
        mine.add(cohort.addNote(acc, { createdAt: at, ...text, client: tool, appeal: rng.float(0.3, 2) }));
      }
      instantComments(cohort, rng, acc, rng.int(10, 40), tool, acc.createdAt);
    },
    late: () => {
      instantReplies(cohort, rng, acc, mine, tool, 0.95);
    },
  };
}

export function shapeOccasional(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const [acc] = cohort.takeFree(1);
  if (!acc) return {};
  const tool = rng.pick(AI_TOOLS);
  acc.organicNotes = Math.max(acc.organicNotes, rng.int(3, 12));
  if (acc.lang === 'en') acc.lang = 'hans';
  const hosted = new Set<NoteDraft>();
  return {
    act: () => {
      const from = Math.max(acc.createdAt + HOUR, cohort.takenAt - 60 * DAY);
      const to = cohort.takenAt - 10 * MINUTE;
      if (from >= to) return;
      // A stretch when the tool ran the account: a few posts at a fixed hour, whatever the time of day.
      const start = from + rng.next() * (to - from) * 0.7;
      const every = rng.pick([6, 12, 24]) * HOUR;
      for (let i = rng.int(2, 5); i > 0; i--) {
        const at = wholeSecond(start + (5 - i) * every + rng.int(-60, 60) * SECOND);
        if (at >= to || at <= acc.createdAt) continue;
        hosted.add(cohort.addNote(acc, { createdAt: at, ...aiNoteText(rng, acc.topic, hostedLang(acc)), client: tool, appeal: rng.float(0.5, 2) }));
      }
      const comments = instantComments(cohort, rng, acc, rng.int(2, 8), tool, start - DAY);
      if (hosted.size || comments) cohort.label(acc, 'ai-hosted/occasional');
    },
    late: () => {
      if (instantReplies(cohort, rng, acc, hosted, tool, 0.7) > 0) cohort.label(acc, 'ai-hosted/occasional');
    },
  };
}

export function shapeCommentBot(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = cohort.takeFree(plan.size);
  const tool = rng.pick(AI_TOOLS);
  for (const acc of members) {
    acc.organicNotes = Math.min(acc.organicNotes, 1);
    acc.activity = 0;
    if (rng.chance(0.5)) {
      acc.registration = { ...acc.registration, client: tool };
      cohort.label(acc, 'ai-hosted/comment-bot');
    }
  }
  return {
    act: () => {
      for (const acc of members) {
        const showTool = rng.chance(0.7) ? tool : undefined;
        if (instantComments(cohort, rng, acc, rng.int(20, 80), showTool, Math.max(acc.createdAt, cohort.takenAt - 90 * DAY)) > 0) cohort.label(acc, 'ai-hosted/comment-bot');
      }
    },
  };
}
