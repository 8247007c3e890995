/** Notices for appeal outcomes and reversals, in Chinese and English (like composeNotice). */
import type { Action } from '#shared/contract/decisionExport';

export interface AuditNotice {
  kind: 'reversal-notice' | 'appeal-notice';
  accountId: string;
  sweepId: string;
  action: Action;
  outcome: 'reversed' | 'appeal-upheld' | 'appeal-rejected';
  appealId?: string;
  reason: string;
  at: string;
  text: { zh: string; en: string };
}

const ACTION_ZH: Record<Action, string> = { none: '处理', warn: '警告', limit: '限制内容分发', suspend: '封禁', ban: '永久封禁' };
const ACTION_EN: Record<Action, string> = { none: 'action', warn: 'warning', limit: 'distribution restriction', suspend: 'suspension', ban: 'permanent ban' };

export function composeReversalNotice(accountId: string, sweepId: string, action: Action, reason: string, at: string, appealId?: string): AuditNotice {
  const upheld = appealId !== undefined;
  return {
    kind: upheld ? 'appeal-notice' : 'reversal-notice',
    accountId,
    sweepId,
    action,
    outcome: upheld ? 'appeal-upheld' : 'reversed',
    appealId,
    reason,
    at,
    text: upheld
      ? {
          zh: `你的申诉（${appealId}）已成立。对你账号的${ACTION_ZH[action]}处罚已撤销，相关记录不再计入违规历史。`,
          en: `Your appeal (${appealId}) was upheld. The ${ACTION_EN[action]} on your account has been reversed and no longer counts in your record.`,
        }
      : {
          zh: `经复核，对你账号的${ACTION_ZH[action]}处罚已撤销，相关记录不再计入违规历史。我们对此造成的不便深表歉意。`,
          en: `On review, the ${ACTION_EN[action]} on your account has been reversed and no longer counts in your record. We apologise for the inconvenience.`,
        },
  };
}

export function composeAppealRejectedNotice(accountId: string, sweepId: string, action: Action, appealId: string, reason: string, at: string): AuditNotice {
  return {
    kind: 'appeal-notice',
    accountId,
    sweepId,
    action,
    outcome: 'appeal-rejected',
    appealId,
    reason,
    at,
    text: {
      zh: `你的申诉（${appealId}）经复核未获支持，${ACTION_ZH[action]}处罚维持不变。理由：${reason}`,
      en: `Your appeal (${appealId}) was reviewed and not upheld; the ${ACTION_EN[action]} stands. Reason: ${reason}`,
    },
  };
}

/** Upheld, but a wave reversal had already undone the action: nothing left to reverse. */
export function composeAppealUpheldAlreadyReversedNotice(accountId: string, sweepId: string, action: Action, appealId: string, reason: string, at: string): AuditNotice {
  return {
    ...composeAppealRejectedNotice(accountId, sweepId, action, appealId, reason, at),
    outcome: 'appeal-upheld',
    text: {
      zh: `你的申诉（${appealId}）已成立；相关处罚此前已被撤销。`,
      en: `Your appeal (${appealId}) was upheld; the action had already been reversed.`,
    },
  };
}
