/**
 * Wraps a stage in middy with the Powertools logger: validate the event with zod (a bad
 * event fails with the field and the problem), run the stage, log counts only (never
 * user text, IPs or device ids), and return the stage's result as the Task output.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';

// Level from POWERTOOLS_LOG_LEVEL (the CLI and tests set WARN: the progress bars say the same thing).
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'crackdown' });

export class InvalidStageInput extends Error {
  override readonly name = 'InvalidStageInput';
}

export function stageHandler<S extends z.ZodTypeAny, R>(stage: string, schema: S, run: (input: z.infer<S>, context: Context) => Promise<R>) {
  const base = async (event: unknown, context: Context): Promise<R> => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i: z.core.$ZodIssue) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
      throw new InvalidStageInput(`${stage}: invalid input: ${detail}`);
    }
    const started = performance.now();
    const result = await run(parsed.data, context);
    logger.info('stage done', { stage, ms: Math.round(performance.now() - started) });
    return result;
  };
  return middy(base).use(injectLambdaContext(logger));
}
