/**
 * In-app reports by users: violators get reported at rates that depend on how
 * visible their behaviour is, usually under a fitting reason; innocent accounts
 * that look odd (popular creators, brand partners, fans, AI artists, people who
 * mention WeChat Pay) attract mistaken reports too.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import { humanDelay } from './clock.ts';
import type { Account, Comment } from './model.ts';
import type { Rng } from './prng.ts';
import type { CohortWorld } from './world.ts';

const REASONS: Record<ViolationCode, string[]> = {
  'fake-account': ['疑似机器人账号', '虚假账号', '僵尸号'],
  'homogeneous-content': ['抄袭搬运', '重复发布低质内容', '营销号'],
  'engagement-bait': ['诱导点赞关注', '标题党', '互粉刷量'],
  'traffic-diversion': ['站外引流', '发布联系方式', '营销广告', '疑似诈骗'],
  'water-army': ['水军刷评', '虚假评论', '托儿'],
  'undisclosed-promotion': ['软广未报备', '虚假种草', '营销广告'],
  'misleading-marketing': ['虚假宣传', '夸大功效', '医疗广告'],
  'account-transformation': ['账号被倒卖', '营销号', '广告'],
  'ai-hosted': ['疑似AI托管', '机器人回复', 'AI代运营'],
  'false-qualification': ['冒充专业资质', '资质造假', '无证经营'],
};
const RATE: Record<ViolationCode, number> = {
  'fake-account': 0.02,
  'homogeneous-content': 0.08,
  'engagement-bait': 0.12,
  'traffic-diversion': 0.25,
  'water-army': 0.06,
  'undisclosed-promotion': 0.04,
  'misleading-marketing': 0.2,
  'account-transformation': 0.1,
  'ai-hosted': 0.12,
  'false-qualification': 0.1,
};
const MISTAKEN: Record<string, number> = {
  'mistakenly-reported': 1,
  'popular-creator': 0.25,
  'brand-partner-platform': 0.2,
  'koc-partner-platform': 0.08,
  'benign-contact-mention': 0.06,
  'declared-aigc': 0.08,
  'enthusiastic-fan': 0.03,
  'scheduled-poster': 0.04,
  'personal-superlatives': 0.05,
  'honest-self-paid-review': 0.05,
  'generic-short-review': 0.02,
  'campus-friends': 0.01,
  'shared-family-device': 0.005,
  'legit-professional': 0.05,
  'licence-owner': 0.15,
};
const ANY_REASON = ['营销广告', '不实信息', '引流', '水军刷评', '疑似AI托管', '其他', '人身攻击', '抄袭', '低俗'];
const COMMENT_CODES = new Set<ViolationCode>(['water-army', 'traffic-diversion', 'engagement-bait', 'ai-hosted']);

export function userReports(world: CohortWorld, rng: Rng): void {
  const reporters = world.accounts.filter((a) => a.persona.social && a.truth.codes.size === 0);
  if (!reporters.length) return;
  const byAuthor = new Map<string, Comment[]>();
  for (const c of world.comments) {
    const list = byAuthor.get(c.authorId);
    if (list) list.push(c);
    else byAuthor.set(c.authorId, [c]);
  }
  const fileReport = (a: Account, reason: string, prefer: 'comment' | 'note' | 'account') => {
    const reporter = reporters[rng.int(0, reporters.length - 1)];
    if (reporter === a) return;
    const comments = byAuthor.get(a.id);
    if (prefer === 'comment' && comments?.length) {
      const c = rng.pick(comments);
      world.report(reporter, 'comment', c.id, reason, c.createdMs + humanDelay(rng));
    } else if (prefer !== 'account' && a.notes.length) {
      const n = rng.pick(a.notes);
      world.report(reporter, 'note', n.id, reason, n.createdMs + humanDelay(rng));
    } else {
      world.report(reporter, 'account', a.id, reason, Math.max(a.createdMs, world.takenMs - 60 * 86_400_000) + humanDelay(rng));
    }
  };
  for (const a of world.accounts) {
    if (a.truth.codes.size) {
      const codes = [...a.truth.codes];
      const p = Math.max(...codes.map((c) => RATE[c]));
      if (!rng.chance(p)) continue;
      const n = rng.chance(0.3) ? rng.int(2, 4) : 1;
      for (let i = 0; i < n; i++) {
        const code = rng.pick(codes);
        const reason = rng.chance(0.75) ? rng.pick(REASONS[code]) : rng.pick(ANY_REASON);
        const prefer = COMMENT_CODES.has(code) && rng.chance(0.6) ? 'comment' : rng.chance(0.8) ? 'note' : 'account';
        fileReport(a, reason, prefer);
      }
    } else {
      const kind = a.truth.hardNegative;
      const p = kind ? (MISTAKEN[kind] ?? 0.01) : 0.004;
      if (!rng.chance(p)) continue;
      const n = kind === 'mistakenly-reported' ? rng.int(1, 3) : 1;
      for (let i = 0; i < n; i++) {
        const reason = rng.pick(kind === 'declared-aigc' ? ['疑似AI托管', 'AI生成', ...ANY_REASON] : ANY_REASON);
        fileReport(a, reason, rng.chance(0.3) ? 'comment' : rng.chance(0.8) ? 'note' : 'account');
      }
    }
  }
}
