/**
 * Wraps a stage in middy with the Powertools logger: validate the event with zod (a bad
 * event fails with the field and the problem), run the stage, log counts only (never
 * user text, IPs or device ids), and return the stage's result as the Task output. A stage
 * that throws counts one `StageFailed` metric (./stageMetrics.ts) before the error goes on.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { recordStageMetrics, STAGE_METRICS } from './stageMetrics.ts';

// Level from POWERTOOLS_LOG_LEVEL (the CLI and tests set WARN: the progress bars say the same thing).
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'crackdown' });

export class InvalidStageInput extends Error {
  override readonly name = 'InvalidStageInput';
}

export function stageHandler<S extends z.ZodTypeAny, R>(stage: string, schema: S, run: (input: z.infer<S>, context: Context) => Promise<R>) {
  const base = async (event: unknown, context: Context): Promise<R> => {
    try {
      const parsed = schema.safeParse(event);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i: z.core.$ZodIssue) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
        throw new InvalidStageInput(`${stage}: invalid input: ${detail}`);
      }
      const started = performance.now();
      const result = await run(parsed.data, context);
      logger.info('stage done', { stage, ms: Math.round(performance.now() - started) });
      return result;
    } catch (err) {
      recordStageMetrics(stage, { [STAGE_METRICS.stageFailed]: 1 });
      throw err;
    }
  };
  return middy(base).use(injectLambdaContext(logger));
}
