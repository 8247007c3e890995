/**
 * The message an account receives: what was found, the evidence in short, the action, its
 * duration and how to appeal, in Chinese and English. Evidence summaries name notes and
 * comments by id, never other users' data.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';

export const CODE_LABELS: Record<ViolationCode, { zh: string; en: string }> = {
  'fake-account': { zh: '虚假账号（批量注册、刷粉）', en: 'fake account (bulk registration, brushed followers)' },
  'homogeneous-content': { zh: '批量发布低质同质化内容', en: 'bulk posting of low-cost, homogeneous content' },
  'engagement-bait': { zh: '诱导互动、博取眼球', en: 'engagement bait and manipulative hooks' },
  'traffic-diversion': { zh: '站外引流', en: 'diverting users to third-party platforms or private contacts' },
  'water-army': { zh: '水军评论、刷评', en: 'organised fake comments (water army)' },
  'undisclosed-promotion': { zh: '未经平台报备的商业推广', en: 'commercial promotion not placed through the partner platform' },
  'misleading-marketing': { zh: '夸大、虚构或误导性营销', en: 'exaggerated, fabricated or misleading marketing' },
  'account-transformation': { zh: '养号后转型营销', en: 'farmed account turned to advertising' },
  'ai-hosted': { zh: '使用AI托管模拟真人', en: 'AI hosting tools simulating a real person' },
  'false-qualification': { zh: '虚假或冒用资质', en: 'false, forged or reused qualification' },
};

const ACTION_TEXT: Record<Action, { zh: (d?: number) => string; en: (d?: number) => string }> = {
  none: { zh: () => '不作处理', en: () => 'no action' },
  warn: { zh: () => '警告', en: () => 'a warning' },
  limit: { zh: (d) => `限制内容分发${d}天`, en: (d) => `restricted distribution for ${d} days` },
  suspend: { zh: (d) => `封禁${d}天`, en: (d) => `suspension for ${d} days` },
  ban: { zh: () => '永久封禁', en: () => 'a permanent ban' },
};

export interface NoticeInput {
  accountId: string;
  sweepId: string;
  codes: ViolationCode[];
  ruleIds: string[];
  action: Action;
  durationDays?: number;
  until?: string;
  evidenceSummary: string;
  appealUrl: string;
  appealWindowDays: number;
  effectiveAt: string;
  /** Brand accounts: the brand points this action cost and what else follows. */
  brand?: { pointsBefore: number; pointsLeft: number; deducted: number; reducedSearch: boolean; brandContentHidden: boolean };
}

export interface Notice {
  kind: 'notice';
  accountId: string;
  sweepId: string;
  codes: ViolationCode[];
  ruleIds: string[];
  action: Action;
  durationDays?: number;
  until?: string;
  evidenceSummary: string;
  appeal: { url: string; deadline: string };
  brand?: NoticeInput['brand'];
  text: { zh: string; en: string };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export function composeNotice(n: NoticeInput): Notice {
  const reasonsZh = n.codes.map((c) => CODE_LABELS[c].zh).join('、');
  const reasonsEn = n.codes.map((c) => CODE_LABELS[c].en).join('; ');
  const deadline = addDays(n.effectiveAt, n.appealWindowDays);
  const untilZh = n.until ? `，将于${n.until.slice(0, 10)}自动解除` : n.action === 'ban' ? '，该处罚无期限' : '';
  const untilEn = n.until ? `; it lifts automatically on ${n.until.slice(0, 10)}` : n.action === 'ban' ? '; this penalty has no end date' : '';
  const b = n.brand;
  const brandZh = b
    ? `品牌违规积分扣除${b.pointsBefore - b.pointsLeft}分（${b.deducted}条未报备商业推广），剩余${b.pointsLeft}分${b.reducedSearch ? '；品牌账号搜索曝光降低' : ''}${b.brandContentHidden ? '；品牌相关内容暂不展示' : ''}。`
    : '';
  const brandEn = b
    ? ` Brand points: ${b.pointsBefore - b.pointsLeft} deducted for ${b.deducted} unauthorised commercial promotion${b.deducted > 1 ? 's' : ''}, ${b.pointsLeft} left${b.reducedSearch ? '; the brand account appears less in search' : ''}${b.brandContentHidden ? '; content related to the brand is not displayed' : ''}.`
    : '';
  return {
    kind: 'notice',
    accountId: n.accountId,
    sweepId: n.sweepId,
    codes: n.codes,
    ruleIds: n.ruleIds,
    action: n.action,
    durationDays: n.durationDays,
    until: n.until,
    evidenceSummary: n.evidenceSummary,
    appeal: { url: n.appealUrl, deadline },
    ...(b ? { brand: b } : {}),
    text: {
      zh: `你的账号因${reasonsZh}受到${ACTION_TEXT[n.action].zh(n.durationDays)}${untilZh}。${brandZh}依据：${n.evidenceSummary}。如有异议，请在${deadline.slice(0, 10)}前通过 ${n.appealUrl} 申诉。`,
      en: `Your account received ${ACTION_TEXT[n.action].en(n.durationDays)} for ${reasonsEn}${untilEn}.${brandEn} Evidence: ${n.evidenceSummary}. If you believe this is wrong, appeal at ${n.appealUrl} before ${deadline.slice(0, 10)}.`,
    },
  };
}

export interface LiftNotice {
  kind: 'lift-notice';
  accountId: string;
  sweepId: string;
  action: Action;
  liftedAt: string;
  text: { zh: string; en: string };
}

export function composeLiftNotice(accountId: string, sweepId: string, action: Action, liftedAt: string): LiftNotice {
  return {
    kind: 'lift-notice',
    accountId,
    sweepId,
    action,
    liftedAt,
    text: {
      zh: `你的账号的${action === 'limit' ? '限制内容分发' : '封禁'}处罚已到期解除。请遵守社区规范。`,
      en: `The ${action === 'limit' ? 'distribution restriction' : 'suspension'} on your account has ended. Please keep to the community guidelines.`,
    },
  };
}
