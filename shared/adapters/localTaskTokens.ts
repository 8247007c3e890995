/**
 * TaskTokens on the embedded stack: the outcome of a `local:` token is an object in the bucket
 * (`task-tokens/<sha256 of the token>.json`), written once. The local Step Functions runner reads
 * it to complete the waiting Task, in the same process or when a paused sweep is resumed by
 * another one (`crackdown review close`).
 */
import { createHash } from 'node:crypto';
import type { BlobStore } from '#shared/ports/blobStore';
import type { TaskOutcome, TaskTokens } from '#shared/ports/taskTokens';

export const localTokenPath = (token: string) => `task-tokens/${createHash('sha256').update(token).digest('hex')}.json`;

export class LocalTaskTokens implements TaskTokens {
  constructor(private readonly store: BlobStore) {}

  async succeed(token: string, output: unknown): Promise<void> {
    await this.settle(token, { status: 'succeeded', output: output ?? null });
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    await this.settle(token, { status: 'failed', error, cause });
  }

  /** The outcome, or undefined while the task still waits. */
  async outcome(token: string): Promise<TaskOutcome | undefined> {
    const key = localTokenPath(token);
    if (!(await this.store.exists(key))) return undefined;
    return JSON.parse(await this.store.readText(key)) as TaskOutcome;
  }

  private async settle(token: string, outcome: TaskOutcome): Promise<void> {
    // Like Step Functions: a token completes once (TaskTimedOut / invalid token afterwards).
    if (await this.outcome(token)) throw Object.assign(new Error(`task token already completed`), { name: 'TaskTimedOut' });
    await this.store.write(localTokenPath(token), JSON.stringify(outcome));
  }
}
