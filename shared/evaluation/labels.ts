/** Ground-truth labels (accountId → codes), as the generator writes them beside a snapshot. */
import { z } from 'zod';
import type { Readable } from 'node:stream';
import { VIOLATION_CODES, type ViolationCode } from '#shared/contract/violationCodes';
import { readLines } from '#shared/snapshot/readPart';

const labelSchema = z.object({
  accountId: z.string().min(1),
  codes: z.array(z.enum(VIOLATION_CODES)),
  variants: z.array(z.string()).optional(),
  hardNegative: z.string().optional(),
});
export type Label = z.infer<typeof labelSchema>;

export async function readLabels(stream: Readable, source = 'labels'): Promise<Map<string, Label>> {
  const out = new Map<string, Label>();
  let line = 0;
  for await (const text of readLines(stream)) {
    line += 1;
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${source} line ${line}: not valid JSON: ${(err as Error).message}`);
    }
    const parsed = labelSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${source} line ${line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out.set(parsed.data.accountId, parsed.data);
  }
  return out;
}

export type { ViolationCode };
