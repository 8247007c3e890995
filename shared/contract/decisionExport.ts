/** CONTRACT §3: one line of `decisions.jsonl`. Extra fields are allowed; these are required. */
import { z } from 'zod';
import { VIOLATION_CODES } from './violationCodes.ts';

export const ACTIONS = ['none', 'warn', 'limit', 'suspend', 'ban'] as const;
export type Action = (typeof ACTIONS)[number];

/** Severity order, used for picking the strongest action and for escalation. */
export const ACTION_RANK: Record<Action, number> = { none: 0, warn: 1, limit: 2, suspend: 3, ban: 4 };

export const decisionLineSchema = z
  .object({
    accountId: z.string().min(1),
    codes: z.array(z.enum(VIOLATION_CODES)),
    action: z.enum(ACTIONS),
    durationDays: z.number().int().positive().optional(),
  })
  .passthrough()
  .superRefine((d, ctx) => {
    const timed = d.action === 'limit' || d.action === 'suspend';
    if (timed && d.durationDays === undefined) ctx.addIssue({ code: 'custom', message: `${d.action} needs durationDays` });
    if (!timed && d.durationDays !== undefined) ctx.addIssue({ code: 'custom', message: `${d.action} must not carry durationDays` });
  });
export type DecisionLine = z.infer<typeof decisionLineSchema>;
