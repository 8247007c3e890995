/** SweepStarter on Step Functions: StartExecution named by the sweep id. */
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SweepStarter } from '#shared/ports/sweepStarter';

export const SWEEP_STATE_MACHINE_ENV_VAR = 'CRACKDOWN_SWEEP_STATE_MACHINE_ARN';

let client: SFNClient | undefined;

export class SfnSweepStarter implements SweepStarter {
  constructor(
    private readonly stateMachineArn: string = process.env[SWEEP_STATE_MACHINE_ENV_VAR] ?? '',
    private readonly sfn: SFNClient = (client ??= new SFNClient({})),
  ) {
    if (!stateMachineArn) throw new Error(`${SWEEP_STATE_MACHINE_ENV_VAR} is not set`);
  }

  async start(name: string, input: unknown): Promise<'started' | 'exists'> {
    try {
      await this.sfn.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
      return 'started';
    } catch (err) {
      // a standard state machine refuses a second execution of a name (with other input) for 90 days; with the same input it returns the first
      if ((err as Error).name === 'ExecutionAlreadyExists') return 'exists';
      throw err;
    }
  }
}
