/**
 * The content part of an account's notice: which of its own notes and comments were removed or
 * limited, why (the code in words), and how to appeal one item, in Chinese and English. It rides on
 * the account's one notice of the sweep, however many items were acted on (the structured list has
 * every item; the text names the first MAX_NAMED). Only the account's own items are ever named.
 */
import type { ContentAction, OwnQuote } from '#shared/policy/decideAction';
import { CODE_LABELS, noticeTime, type Notice } from './composeNotice.ts';

export const MAX_NAMED = 10;

export interface ContentNoticeItem {
  kind: ContentAction['kind'];
  itemId: string;
  action: ContentAction['action'];
  codes: ContentAction['codes'];
  /** A short excerpt of the item, when the notice quotes it. */
  excerpt?: string;
}

export interface ContentNoticeSection {
  items: ContentNoticeItem[];
  /** One item is appealed by its id (`appeal submit --content <itemId>`, or the app's appeal page). */
  appeal: { url: string; deadline: string };
}

export type NoticeWithContent = Notice & { content?: ContentNoticeSection };

const ACT = { remove: { zh: '已删除', en: 'removed' }, limit: { zh: '已限制分发', en: 'limited (hidden from search and recommendations)' } } as const;
const KIND = { note: { zh: '笔记', en: 'note' }, comment: { zh: '评论', en: 'comment' } } as const;

export function contentNoticeSection(
  actions: readonly ContentAction[],
  quotes: readonly OwnQuote[],
  appeal: { url: string; deadline: string },
): { section: ContentNoticeSection; text: { zh: string; en: string } } {
  const excerpt = new Map(quotes.map((q) => [`${q.kind}:${q.id}`, q.text]));
  const items: ContentNoticeItem[] = actions.map((a) => {
    const text = excerpt.get(`${a.kind}:${a.itemId}`);
    return { kind: a.kind, itemId: a.itemId, action: a.action, codes: a.codes, ...(text ? { excerpt: text } : {}) };
  });
  const named = items.slice(0, MAX_NAMED);
  const more = items.length - named.length;
  const zh = named.map((i) => `${KIND[i.kind].zh} ${i.itemId}${i.excerpt ? `「${i.excerpt}」` : ''}（${ACT[i.action].zh}：${i.codes.map((c) => CODE_LABELS[c].zh).join('、')}）`).join('；');
  const en = named.map((i) => `your ${KIND[i.kind].en} ${i.itemId}${i.excerpt ? ` "${i.excerpt}"` : ''} (${ACT[i.action].en}: ${i.codes.map((c) => CODE_LABELS[c].en).join('; ')})`).join('; ');
  return {
    section: { items, appeal },
    text: {
      zh: `你发布的以下内容已被处理：${zh}${more > 0 ? `，另有${more}条` : ''}。对某条内容有异议，请在${noticeTime(appeal.deadline)}前通过 ${appeal.url} 注明内容编号单独申诉。`,
      en: ` We acted on these items you posted: ${en}${more > 0 ? `, and ${more} more` : ''}. To contest one item, appeal it by its id at ${appeal.url} before ${noticeTime(appeal.deadline)}.`,
    },
  };
}

/** The account's notice with its content section appended (the notice is unchanged when nothing was acted on). */
export function withContent(notice: Notice, actions: readonly ContentAction[], quotes: readonly OwnQuote[]): NoticeWithContent {
  if (actions.length === 0) return notice;
  const { section, text } = contentNoticeSection(actions, quotes, notice.appeal);
  return { ...notice, content: section, text: { zh: `${notice.text.zh}${text.zh}`, en: `${notice.text.en}${text.en}` } };
}

/**
 * The notice of an account whose penalty was absorbed by a stronger one still running: it is not told
 * of the penalty again, but its items were acted on, and that is news.
 */
export function contentOnlyNotice(notice: Notice, actions: readonly ContentAction[], quotes: readonly OwnQuote[]): NoticeWithContent {
  const { section, text } = contentNoticeSection(actions, quotes, notice.appeal);
  return { ...notice, content: section, text: { zh: text.zh, en: text.en.trimStart() } };
}

export interface ContentAppealNotice {
  kind: 'appeal-notice';
  accountId: string;
  sweepId: string;
  outcome: 'appeal-upheld' | 'appeal-rejected';
  appealId: string;
  item: { kind: ContentAction['kind']; itemId: string };
  reason: string;
  at: string;
  text: { zh: string; en: string };
}

/** The outcome of an appeal of one note or comment; it says nothing about the account's penalty (appealed apart). */
export function composeContentAppealNotice(
  appeal: { accountId: string; sweepId: string; appealId: string; status: string; decisionReason?: string; decidedAt?: string },
  item: { kind: ContentAction['kind']; itemId: string },
  action: ContentAction['action'],
  restoredNow: boolean,
): ContentAppealNotice {
  const upheld = appeal.status === 'upheld';
  const reason = appeal.decisionReason ?? '';
  const k = KIND[item.kind];
  const text = upheld
    ? {
        zh: `你的申诉（${appeal.appealId}）已成立：${k.zh} ${item.itemId} ${restoredNow ? '已恢复' : '此前已恢复'}${action === 'limit' ? '正常分发' : '展示'}。`,
        en: `Your appeal (${appeal.appealId}) was upheld: your ${k.en} ${item.itemId} ${restoredNow ? 'is' : 'had already been'} restored.`,
      }
    : {
        zh: `你的申诉（${appeal.appealId}）经复核未获支持，${k.zh} ${item.itemId} 的处理维持不变。理由：${reason}`,
        en: `Your appeal (${appeal.appealId}) was reviewed and not upheld; your ${k.en} ${item.itemId} stays ${ACT[action].en}. Reason: ${reason}`,
      };
  return {
    kind: 'appeal-notice',
    accountId: appeal.accountId,
    sweepId: appeal.sweepId,
    outcome: upheld ? 'appeal-upheld' : 'appeal-rejected',
    appealId: appeal.appealId,
    item,
    reason,
    at: appeal.decidedAt ?? '',
    text,
  };
}
