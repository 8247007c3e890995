/**
 * The message an account receives: which rule it broke and what the rule says, the account's
 * own content the decision rests on (short excerpts of its own notes and comments), the action,
 * when it started (when enforcement applied it) and when it lifts, and how to appeal, in
 * Chinese and English. It never names other accounts, other users' content, or how detection
 * works (clusters, devices, rings, scores): the evidence summaries written for reviewers stay
 * in the ledger and the decision files.
 */
import type { Action } from '#shared/contract/decisionExport';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { OwnQuote } from '#shared/policy/decideAction';
import { offsetLabel, offsetMinutes } from '#shared/campaign/timeZoneOffset';

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

/** What each rule of the community guidelines asks, in words the account owner can act on. */
export const CODE_RULES: Record<ViolationCode, { zh: string; en: string }> = {
  'fake-account': {
    zh: '社区规范要求每个账号由真实用户注册和使用，不得批量注册账号或购买粉丝。',
    en: 'Every account must be registered and used by a real person; registering accounts in bulk or buying followers is not allowed.',
  },
  'homogeneous-content': {
    zh: '社区规范不允许为获取流量或粉丝而批量发布重复、搬运或模板化的内容。',
    en: 'Posting repeated, copied or templated content in bulk to gain traffic or followers is not allowed.',
  },
  'engagement-bait': {
    zh: '社区规范不允许用"双击有惊喜"、互粉互赞或猎奇标题等方式诱导互动。',
    en: 'Luring interactions ("double-tap for a surprise", follow-for-follow schemes, sensational hooks) is not allowed.',
  },
  'traffic-diversion': {
    zh: '社区规范不允许在笔记、评论或资料中留下微信号、QQ号、电话号码或站外链接，把用户引导到站外或私下联系。',
    en: 'Leaving WeChat ids, QQ numbers, phone numbers or outside links in notes, comments or your profile to move users off the platform or into private contact is not allowed.',
  },
  'water-army': {
    zh: '社区规范不允许有组织地发布虚假评论、刷好评或自问自答。',
    en: 'Posting organised fake comments, paid praise or staged question-and-answer exchanges is not allowed.',
  },
  'undisclosed-promotion': {
    zh: '商业合作须通过平台官方合作渠道发布并标明；未经报备的商业推广不被允许。',
    en: "Paid or commercial promotion must be placed and labelled through the platform's partner marketplace; unreported promotion is not allowed.",
  },
  'misleading-marketing': {
    zh: '社区规范不允许用夸大事实、虚构体验、误导性标题或绝对化用语进行营销。',
    en: 'Selling with exaggerated facts, invented experiences, misleading titles or absolute claims is not allowed.',
  },
  'account-transformation': {
    zh: '社区规范不允许删除或隐藏历史内容、更改资料后将账号转为营销号或转卖。',
    en: "Deleting or hiding an account's history and changing its profile to turn it into an advertising account, or reselling it, is not allowed.",
  },
  'ai-hosted': {
    zh: '社区规范不允许使用AI托管工具冒充真人发布笔记、评论或互动。',
    en: 'Using AI hosting tools to post notes, comments or interactions as if a real person wrote them is not allowed.',
  },
  'false-qualification': {
    zh: '专业账号须使用本人真实、有效的资质，不得盗用、伪造或与他人共用资质。',
    en: 'A professional account must show its own valid qualification; stolen, forged or shared qualifications are not allowed.',
  },
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
  /** The account's own content behind the decision (ownContentQuotes.ts); never other users'. */
  quotes: OwnQuote[];
  appealUrl: string;
  appealWindowDays: number;
  /** When enforcement applied the penalty: it runs, and the appeal window counts, from here. */
  appliedAt: string;
  /** IANA time zone the times are shown in (a campaign's `schedule.timeZone`); UTC when absent. */
  timeZone?: string;
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
  appliedAt: string;
  until?: string;
  quotes: OwnQuote[];
  appeal: { url: string; deadline: string };
  /** The time zone the text shows times in (absent: UTC). */
  timeZone?: string;
  brand?: NoticeInput['brand'];
  text: { zh: string; en: string };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
/**
 * `2026-12-05 10:30 UTC`: a penalty lifts at a minute, not on a day. With a time zone, the wall time there and
 * its offset, `2026-12-05 18:30 (Asia/Shanghai, UTC+8)`, so a reader in the campaign's zone needs no arithmetic.
 */
export function noticeTime(iso: string, timeZone?: string): string {
  if (!timeZone) return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const t = Date.parse(iso);
  const offset = offsetMinutes(timeZone, t);
  const wall = new Date(t + offset * 60_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} (${timeZone}, ${offsetLabel(offset)})`;
}

function quoteLines(quotes: readonly OwnQuote[]): { zh: string; en: string } {
  if (quotes.length === 0) return { zh: '', en: '' };
  const zh = quotes.map((q) => `${q.kind === 'note' ? '笔记' : '评论'}「${q.text}」`).join('；');
  const en = quotes.map((q) => `your ${q.kind} "${q.text}"`).join('; ');
  return { zh: `涉及你发布的内容：${zh}。`, en: ` It concerns ${en}.` };
}

export function composeNotice(n: NoticeInput): Notice {
  const reasonsZh = n.codes.map((c) => CODE_LABELS[c].zh).join('、');
  const reasonsEn = n.codes.map((c) => CODE_LABELS[c].en).join('; ');
  const rulesZh = n.codes.map((c) => CODE_RULES[c].zh).join('');
  const rulesEn = n.codes.map((c) => CODE_RULES[c].en).join(' ');
  const deadline = addDays(n.appliedAt, n.appealWindowDays);
  const at = (iso: string) => noticeTime(iso, n.timeZone);
  const startZh = `自${at(n.appliedAt)}起`;
  const untilZh = n.until ? `，将于${at(n.until)}自动解除` : n.action === 'ban' ? '，该处罚无期限' : '';
  const untilEn = n.until ? ` until ${at(n.until)}, when it lifts automatically` : n.action === 'ban' ? '; this penalty has no end date' : '';
  const quotes = quoteLines(n.quotes);
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
    appliedAt: n.appliedAt,
    until: n.until,
    quotes: n.quotes,
    appeal: { url: n.appealUrl, deadline },
    ...(n.timeZone ? { timeZone: n.timeZone } : {}),
    ...(b ? { brand: b } : {}),
    text: {
      zh: `你的账号因${reasonsZh}，${startZh}受到${ACTION_TEXT[n.action].zh(n.durationDays)}${untilZh}。${rulesZh}${quotes.zh}${brandZh}如有异议，请在${at(deadline)}前通过 ${n.appealUrl} 申诉。`,
      en: `Your account received ${ACTION_TEXT[n.action].en(n.durationDays)} for ${reasonsEn}, from ${at(n.appliedAt)}${untilEn}. ${rulesEn}${quotes.en}${brandEn} If you believe this is wrong, appeal at ${n.appealUrl} before ${at(deadline)}.`,
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
