/**
 * water-army: organised fake comments. A ring of ~10–40 accounts (many recruited from farms) works the
 * same brand's notes again and again, each time within a few minutes. Variants:
 *  - praise-ring: near-duplicate praise ("我用过这个牌子太好用了", "现身说法，特别值得买"…);
 *  - qa-act: scripted question-and-answer ("姐妹，我搜xx怎么没搜到啊" → "你怎么不早说，链接私你了");
 *  - coordinated-forwarding: bursts of "@朋友 快来看", "已转发给闺蜜".
 * The ring's closers and answerers point readers to DMs and shops inside the act ("私我优惠", "链接私你了"):
 * those lines are the act's, so they carry water-army only. One act is one violation: the product does
 * not count the same comments under two codes (a ring member diverting elsewhere still gets link-or-dm).
 */
import type { AccountDraft, Cohort, NoteDraft } from './cohort.ts';
import { EMOJI } from './corpus.ts';
import { perturb } from './homogeneousContent.ts';
import { fill, toTraditional, type Lang } from './localize.ts';
import { brandsOf } from './organicAccounts.ts';
import { BOT_CLIENTS, gatherMembers, portion, recruited, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { HOUR, MINUTE, SECOND, wholeSecond } from './time.ts';
import type { GroupPlan, VariantId } from './violationMix.ts';

const PRAISE = [
  '我用过这个牌子太好用了',
  '现身说法，特别值得买',
  '你们要链接吗',
  '已经回购{n}次了，真心好用',
  '用了一个月，效果真的明显',
  '闭眼入不踩雷',
  '这个价格真的良心',
  '姐妹们冲，真的好用',
  '我妈也在用，说很好',
  '质量没得说，物流也快',
  '第一次用就爱上了',
  '早就想买了，这次终于下单',
  '蹲到了！谢谢博主推荐',
  '全家都在用{b}',
  '{b}真的yyds',
  '用完皮肤状态好了很多',
  '一直在用，放心买',
];
const CLOSERS = ['私我优惠', '需要优惠券的私我', '有内部价，私我', '链接私你了', '滴滴我发券', '私信我拿折扣码', '想要的私我，给你们留了券'];
const QUESTIONS = ['姐妹，我搜{b}怎么没搜到啊', '请问在哪里买呀', '求链接🙏', '这个是哪家的', '蹲一个链接', '{b}是哪里买的呀，搜不到', '有没有姐妹知道在哪买', '姐妹求个链接'];
const ANSWERS = ['你怎么不早说，链接私你了', '私你了宝', '已私', '看我主页', '某宝搜{b}旗舰店就有', '我也是刚买的，私你链接', '戳我头像，置顶有', 'dd我发你', '你怎么不早问，私信发你了'];
const FORWARDS = ['@{nick} 快来看', '已转发给闺蜜', '转发了，太实用', '@{nick} 这个你一定要看', '已分享到群里', '转给我妈了', '@{nick} 你上次说的就是这个吧', '马上转给姐妹们', '@{nick} @{nick2} 冲'];

function line(rng: Rng, pool: readonly string[], brand: string, lang: Lang, ring: Ring): string {
  let t = fill(rng.pick(pool), (k) => (k === 'b' ? brand : k === 'n' ? String(rng.int(2, 8)) : k === 'nick' || k === 'nick2' ? rng.pick(ring.members).nickname : undefined));
  t = perturb(rng, [t], 0.5)[0];
  if (rng.chance(0.2)) t += rng.pick(EMOJI);
  return lang === 'hant' ? toTraditional(t) : t;
}

interface Ring {
  members: AccountDraft[];
  brandName: string;
  brandId?: string;
  client?: string;
}

function formRing(cohort: Cohort, rng: Rng, plan: GroupPlan): Ring | undefined {
  const members = gatherMembers(cohort, rng, plan.size, 0.5, recruited(cohort));
  if (members.length < 3) return undefined;
  const brands = brandsOf(cohort);
  const brand = brands.length ? rng.pick(brands).brand : undefined;
  for (const m of members) m.activity = Math.min(m.activity, 0.6);
  return { members, brandName: brand?.name ?? rng.pick(['这个', '这家', '这款']), brandId: brand?.brandId, client: rng.chance(0.3) ? rng.pick(BOT_CLIENTS) : undefined };
}

/** The notes a ring works: the brand's own and any note promoting it; otherwise popular notes. */
function ringTargets(cohort: Cohort, rng: Rng, ring: Ring): NoteDraft[] {
  const end = cohort.takenAt - 30 * MINUTE;
  let pool = ring.brandId ? cohort.notes.filter((n) => n.brandIds?.includes(ring.brandId!) && n.createdAt < end && !n.deletedAt) : [];
  if (pool.length < 3) pool = pool.concat(cohort.notes.filter((n) => n.appeal > 3 && n.createdAt < end && !n.deletedAt && !n.author.reserved));
  return rng.sample(pool, rng.int(3, 10));
}

/** One burst on one note: a start time, then comments a few seconds to a minute or two apart. */
function burst(cohort: Cohort, rng: Rng, note: NoteDraft, participants: AccountDraft[], texts: (a: AccountDraft) => string, ring: Ring): Map<AccountDraft, string> {
  const made = new Map<AccountDraft, string>();
  const until = cohort.noteOpenUntil(note);
  const latestJoin = Math.max(...participants.map((p) => p.createdAt)) + HOUR;
  let t = Math.max(note.createdAt + (rng.chance(0.6) ? rng.float(5, 240) * MINUTE : rng.float(4, 96) * HOUR), latestJoin);
  if (t >= until) t = Math.max(note.createdAt + MINUTE, latestJoin);
  for (const a of participants) {
    t += rng.float(5, 110) * SECOND;
    if (t >= until) break;
    const c = cohort.addComment(note, a, wholeSecond(t), texts(a), { client: ring.client ?? a.client });
    made.set(a, c.id);
  }
  return made;
}

export function shapePraiseRing(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const ring = formRing(cohort, rng, plan);
  if (!ring) return {};
  const closers = new Set(rng.sample(ring.members, portion(ring.members.length, 0.2)));
  return {
    act: () => {
      for (const note of ringTargets(cohort, rng, ring)) {
        const participants = rng.sample(ring.members, Math.max(3, Math.round(ring.members.length * rng.float(0.55, 0.95)))).filter((a) => a !== note.author);
        const made = burst(cohort, rng, note, participants, (a) => line(rng, closers.has(a) && rng.chance(0.6) ? CLOSERS : PRAISE, ring.brandName, a.lang, ring), ring);
        for (const a of made.keys()) cohort.label(a, 'water-army/praise-ring');
      }
    },
  };
}

export function shapeQaAct(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const ring = formRing(cohort, rng, plan);
  if (!ring) return {};
  const shuffled = rng.shuffle(ring.members.slice());
  const answerers = shuffled.slice(0, portion(shuffled.length, 0.3));
  const askers = shuffled.slice(answerers.length);
  return {
    act: () => {
      for (const note of ringTargets(cohort, rng, ring)) {
        // A little praise first, then one to three scripted exchanges.
        const cheer = rng.sample(askers, Math.min(askers.length, rng.int(2, 6))).filter((a) => a !== note.author);
        const made = burst(cohort, rng, note, cheer, (a) => line(rng, PRAISE, ring.brandName, a.lang, ring), ring);
        for (const a of made.keys()) cohort.label(a, 'water-army/qa-act');
        const until = cohort.noteOpenUntil(note);
        // The act follows the cheering within minutes, in the same sitting.
        let session = made.size ? Math.max(...[...made.keys()].map((a) => a.createdAt + HOUR), note.createdAt) : note.createdAt + rng.float(3, 300) * MINUTE;
        for (const c of cohort.commentsOn(note)) if (made.has(c.author)) session = Math.max(session, c.createdAt);
        for (let k = rng.int(1, 3); k > 0; k--) {
          const asker = rng.pick(askers);
          const answerer = rng.pick(answerers);
          if (asker === note.author || answerer === note.author) continue;
          session += rng.float(20, 240) * SECOND;
          const t = Math.max(session, asker.createdAt + HOUR, answerer.createdAt + HOUR);
          const rt = t + rng.float(8, 240) * SECOND;
          if (rt >= until) continue;
          const q = cohort.addComment(note, asker, wholeSecond(t), line(rng, QUESTIONS, ring.brandName, asker.lang, ring), { client: ring.client ?? asker.client });
          cohort.addComment(note, answerer, wholeSecond(rt), line(rng, ANSWERS, ring.brandName, answerer.lang, ring), { replyTo: q.id, client: ring.client ?? answerer.client });
          cohort.label(asker, 'water-army/qa-act');
          cohort.label(answerer, 'water-army/qa-act');
        }
      }
    },
  };
}

export function shapeCoordinatedForwarding(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const ring = formRing(cohort, rng, plan);
  if (!ring) return {};
  const variant: VariantId = 'water-army/coordinated-forwarding';
  return {
    act: () => {
      for (const note of ringTargets(cohort, rng, ring)) {
        const participants = rng.sample(ring.members, Math.max(3, Math.round(ring.members.length * rng.float(0.5, 0.9)))).filter((a) => a !== note.author);
        const made = burst(cohort, rng, note, participants, (a) => line(rng, rng.chance(0.75) ? FORWARDS : PRAISE, ring.brandName, a.lang, ring), ring);
        for (const a of made.keys()) cohort.label(a, variant);
      }
    },
  };
}
