/**
 * Completing a Step Functions task that waits for a task token (`.waitForTaskToken`): the
 * sampling step hands its token to the review session, and closing the review (or the
 * sampling step itself, for `review: auto`) completes it.
 */
export interface TaskOutcome {
  status: 'succeeded' | 'failed';
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface TaskTokens {
  succeed(token: string, output: unknown): Promise<void>;
  fail(token: string, error: string, cause: string): Promise<void>;
}

/** Tokens the embedded stack's runner hands out start with this (AWS tokens never do). */
export const LOCAL_TOKEN_PREFIX = 'local:';
export const isLocalToken = (token: string) => token.startsWith(LOCAL_TOKEN_PREFIX);
