import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { startEmbeddedStack } from '#scripts/local/embeddedStack';
import { runStateMachine } from '#scripts/local/localStepFunctions';
const dir = await mkdtemp(join(tmpdir(), 'cd-e2e-'));
const snapshot = join(dir, 'snap');
await generateSnapshot({ accounts: Number(process.argv[2] ?? 1500), seed: 'e2e', outDir: snapshot, partsPerKind: 3, invalidRecords: 4 });
const stack = await startEmbeddedStack({ stateDir: join(dir, 'state') });
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
try {
  for (const workers of [2, 0]) {
    const t = performance.now();
    let iters = 0; const st: Record<string, number> = {};
    const out: any = await runStateMachine('sweep', { sweepId: `w${workers}`, snapshot, policy: defaultPolicy(), review: 'auto', bucketCount: 4 }, { workers, onEvent: (e) => { if (e.type === 'map-iteration-done') iters++; if (e.index === undefined && e.type === 'state-entered') st[e.state] = e.timestamp; if (e.index === undefined && e.type === 'state-exited') st[e.state] = e.timestamp - st[e.state]; } });
    console.log(JSON.stringify(st));
    console.log('workers', workers, 'ms', Math.round(performance.now() - t), 'iters', iters, JSON.stringify({ decisions: out.decisions, accounts: out.accounts, byCode: out.byCode, enf: out.enforcement }));
  }
} finally {
  await stack.stop();
  await rm(dir, { recursive: true, force: true });
}
