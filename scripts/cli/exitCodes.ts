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
  /** The local environment cannot run the embedded stack (e.g. Java 17 missing). */
  environment: 5,
  /** `audit verify`: the ledger fails verification (also EXIT_TAMPERED in commands/audit.ts). */
  tampered: 6,
  /** `replay`: the replay differs from the recorded decisions or ledger. */
  replayDiffers: 7,
  /** The state folder is in use by another crackdown command (its lock is held by a live process); nothing was started: retry when it ends. */
  busy: 8,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    unexpected failure
  2    bad usage or argument (also: the sweep, appeal or account named does not exist)
  3    bad input (snapshot manifest, policy, labels, or a sweep id reused for different input); also an
       appeal or decision refused, nothing changed (already appealed or decided, outside the window, reversed)
  4    a sweep stage failed (re-run with the same --sweep-id to resume)
  5    environment problem (Java 17 missing)
  6    audit verify: the ledger was tampered with
  7    replay: the replay differs from the recorded sweep
  8    state folder busy: another crackdown command holds it (nothing was started; retry when it ends)
  130  interrupted (Ctrl-C; the state folder's lock is released)`;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
