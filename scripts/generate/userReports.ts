/**
 * In-app reports by users: mostly about planted behaviour (with a reason that roughly fits), some
 * unfounded (an organic account or note someone disliked). Reports are evidence, not ground truth.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { AccountDraft, Cohort } from './cohort.ts';
import type { Rng } from './random.ts';
import { HOUR, MINUTE, humanMoment, wholeSecond } from './time.ts';

/** Reports per account in a cohort. */
export const REPORTS_PER_ACCOUNT = 0.004;

const REASONS: Record<ViolationCode, string[]> = {
  'fake-account': ['疑似虚假账号', '僵尸号', '批量注册的营销号'],
  'homogeneous-content': ['搬运抄袭', '内容重复刷屏', '低质内容'],
  'engagement-bait': ['诱导点赞关注', '标题党', '诱导互动'],
  'traffic-diversion': ['引流到站外', '发布联系方式', '广告引流'],
  'water-army': ['水军刷评论', '评论区控评', '虚假评论'],
  'undisclosed-promotion': ['软广告未标注', '广告营销', '虚假种草'],
  'misleading-marketing': ['虚假宣传', '夸大功效', '标题误导'],
  'account-transformation': ['账号被卖了', '改名后发广告', '营销号'],
  'ai-hosted': ['疑似机器人账号', 'AI自动回复', '机器人评论'],
  'false-qualification': ['资质造假', '冒用他人资质', '无资质经营'],
};
const UNFOUNDED = ['其他', '内容不适', '不喜欢', '虚假宣传', '广告营销', '疑似机器人账号'];

export function createReports(cohort: Cohort, rng: Rng): void {
  const n = Math.floor(REPORTS_PER_ACCOUNT * cohort.accounts.length + rng.next());
  const planted = cohort.accounts.filter((a) => a.codes.size > 0);
  const reporters = cohort.accounts.filter((a) => a.codes.size === 0 && a.accountType === 'personal');
  if (!reporters.length) return;
  type Target = { id: string; at: number };
  let commentsBy: Map<AccountDraft, Target[]> | undefined;
  const sample = (target: AccountDraft, kind: 'note' | 'comment'): Target | undefined => {
    if (kind === 'note') {
      const notes = cohort.notesBy(target);
      const n = notes.length ? rng.pick(notes) : undefined;
      return n && { id: n.id, at: n.createdAt };
    }
    if (!commentsBy) {
      commentsBy = new Map();
      for (const c of cohort.comments) {
        const list = commentsBy.get(c.author);
        if (list) list.push({ id: c.id, at: c.createdAt });
        else commentsBy.set(c.author, [{ id: c.id, at: c.createdAt }]);
      }
    }
    const list = commentsBy.get(target) ?? [];
    return list.length ? rng.pick(list) : undefined;
  };
  for (let i = 0; i < n; i++) {
    const reporter = rng.pick(reporters);
    const founded = planted.length > 0 && rng.chance(0.75);
    const target = founded ? rng.pick(planted) : rng.pick(cohort.accounts);
    if (target === reporter) continue;
    const reason = founded ? rng.pick(REASONS[rng.pick([...target.codes])]) : rng.pick(UNFOUNDED);
    const kind = rng.choose<'account' | 'note' | 'comment'>([
      ['account', 40],
      ['note', 35],
      ['comment', 25],
    ]);
    const item = kind === 'account' ? undefined : sample(target, kind);
    const targetId = item?.id ?? target.id;
    const targetType = item ? kind : 'account';
    const from = Math.max(reporter.createdAt, item?.at ?? target.createdAt) + HOUR;
    if (from >= cohort.takenAt - MINUTE) continue;
    cohort.addReport(reporter, targetType, targetId, reason, wholeSecond(humanMoment(rng, from, cohort.takenAt - MINUTE)));
  }
}
