// Plain-JS entry for cohort worker threads: registers tsx in the worker, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./cohortWorker.ts');
