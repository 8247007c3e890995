/** Appeals: the record, its id, the request schemas and the window rule. Pure. */
import { z } from 'zod';
import type { Action } from '#shared/contract/decisionExport';
import { sha256 } from './hashChain.ts';

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface AppealRecord {
  appealId: string;
  accountId: string;
  /** The sweep whose action is appealed, and that action's ledger entry. */
  sweepId: string;
  entryKey: string;
  action: Action;
  policyVersion: string;
  statement: string;
  channel: 'cli' | 'api';
  submittedAt: string;
  deadline: string;
  status: AppealStatus;
  decidedAt?: string;
  decidedBy?: string;
  decisionReason?: string;
  /** A content appeal: the one note or comment appealed (the action is the content entry's; the account's penalty is not part of it). */
  content?: { kind: 'note' | 'comment'; itemId: string };
}

/** One appeal per action: the id is derived from the account and the sweep that acted. */
export const appealIdFor = (accountId: string, sweepId: string, item?: { kind: string; itemId: string }) =>
  `ap-${sha256(`${accountId}\u0000${sweepId}${item ? `\u0000${item.kind}:${item.itemId}` : ''}`).slice(0, 20)}`;

const text = (max: number) => z.string().trim().min(1).max(max);

export const appealSubmitSchema = z
  .object({
    accountId: text(128),
    /** Defaults to the account's latest action that is not reversed. */
    sweepId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'not a sweep id')
      .optional(),
    statement: text(4000),
    /** Appeal one removed or limited note or comment by its id, not the account's penalty. */
    contentId: text(200).optional(),
  })
  .strict();
export type AppealSubmit = z.infer<typeof appealSubmitSchema>;

export const appealDecideSchema = z
  .object({
    appealId: z.string().regex(/^ap-[0-9a-f]{20}$/, 'an appeal id looks like ap-<20 hex digits>'),
    outcome: z.enum(['upheld', 'rejected']),
    reason: text(2000),
    decidedBy: text(128),
  })
  .strict();
export type AppealDecide = z.infer<typeof appealDecideSchema>;

export const appealDeadline = (effectiveAt: string, windowDays: number) => new Date(Date.parse(effectiveAt) + windowDays * 86_400_000).toISOString();

/** Domain errors that callers map to "bad input" (nothing was changed). */
export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
  constructor(
    message: string,
    readonly kind: 'not-found' | 'conflict' | 'invalid' = 'invalid',
  ) {
    super(message);
  }
}
