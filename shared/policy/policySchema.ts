/**
 * A versioned policy file: which rules run, their thresholds and severity, the penalty
 * ladder and escalation, sampling and appeals. Every decision records the version.
 */
import { z } from 'zod';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';

const severity = z.enum(['low', 'medium', 'high', 'critical']);

export const ladderStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('warn') }).strict(),
  z.object({ action: z.literal('limit'), days: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('suspend'), days: z.number().int().positive() }).strict(),
  z.object({ action: z.literal('ban') }).strict(),
]);
export type LadderStep = z.infer<typeof ladderStepSchema>;

export const policySchema = z
  .object({
    policyVersion: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64'),
    description: z.string().optional(),
    /** Penalties from mildest to harshest; a finding enters at its severity's step and climbs one step per prior offense. */
    ladder: z.array(ladderStepSchema).min(1),
    severityStart: z.object({ low: z.number().int().min(0), medium: z.number().int().min(0), high: z.number().int().min(0), critical: z.number().int().min(0) }),
    /** Extra steps when an account is found under this many distinct codes or more. */
    multiCode: z.object({ minCodes: z.number().int().min(2), extraSteps: z.number().int().min(0) }).optional(),
    codes: z.partialRecord(z.enum(VIOLATION_CODES), z.object({ enabled: z.boolean() }).strict()).default({}),
    rules: z
      .record(
        z.string(),
        z
          .object({
            enabled: z.boolean().default(true),
            severity: severity.optional(),
            /** Findings scoring below this are recorded as signals but not acted on. */
            minScore: z.number().min(0).max(1).optional(),
            thresholds: z.record(z.string(), z.number()).optional(),
          })
          .strict(),
      )
      .default({}),
    sampling: z
      .object({
        /** Fraction of each rule's decisions drawn for review, with a floor and a cap per rule. */
        rate: z.number().min(0).max(1),
        floor: z.number().int().min(0),
        cap: z.number().int().min(0),
      })
      .strict(),
    appeal: z.object({ windowDays: z.number().int().positive(), url: z.string().min(1) }).strict(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
