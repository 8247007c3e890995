/** Starts a sweep execution under a name; a name already used starts nothing (executions are idempotent by name). */
export interface SweepStarter {
  /** `started`: a new execution; `exists`: one of that name was started before (a re-fired trigger). */
  start(name: string, input: unknown): Promise<'started' | 'exists'>;
}
