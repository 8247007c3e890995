/** TaskTokens in AWS: SendTaskSuccess / SendTaskFailure. */
import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { TaskTokens } from '#shared/ports/taskTokens';

let client: SFNClient | undefined;

export class SfnTaskTokens implements TaskTokens {
  private readonly sfn = (client ??= new SFNClient({}));

  async succeed(token: string, output: unknown): Promise<void> {
    await this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output ?? null) }));
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    await this.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: error.slice(0, 256), cause: cause.slice(0, 32768) }));
  }
}
