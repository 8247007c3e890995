/** Documented exit codes of `crackdown` (also in the README and `crackdown --help`). */
export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug or an infrastructure error). */
  failure: 1,
  /** Bad command-line usage or argument, including a sweep, appeal, account or brand id that does not exist. */
  usage: 2,
  /** Bad input: snapshot manifest, policy file, labels, or a sweep id reused for other input. */
  badInput: 3,
  /** The sweep ran but a stage failed; re-run with the same sweep id to resume. */
  sweepFailed: 4,
  /** The local environment cannot run the embedded stack (e.g. Java 17 missing) or it is busy. */
  environment: 5,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    unexpected failure
  2    bad usage or argument (also: the sweep, appeal or account named does not exist)
  3    bad input (snapshot manifest, policy, labels, or a sweep id reused for different input)
  4    a sweep stage failed (re-run with the same --sweep-id to resume)
  5    environment problem (Java 17 missing, state directory busy)
  130  interrupted`;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
