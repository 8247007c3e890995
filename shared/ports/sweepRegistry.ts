/** The list of sweeps and their status, for `crackdown status`. */
export interface SweepRecord {
  sweepId: string;
  status: 'running' | 'complete' | 'failed';
  snapshot: string;
  snapshotId: string;
  policyVersion: string;
  startedAt: string;
  finishedAt?: string;
  summary?: unknown;
  error?: string;
}

export interface SweepRegistry {
  started(record: SweepRecord): Promise<void>;
  finished(sweepId: string, summary: unknown, at: string): Promise<void>;
  failed(sweepId: string, error: string, at: string): Promise<void>;
  get(sweepId: string): Promise<SweepRecord | undefined>;
  list(): Promise<SweepRecord[]>;
}
