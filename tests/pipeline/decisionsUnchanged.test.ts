/**
 * Speed work must not change what a sweep decides (issue 17). Partition → group → expand → resolve runs over
 * three fixed inputs, and a sha256 of every decision (sorted by account, findings and evidence included) is
 * compared with the digest committed from main before the speed changes (`decisionDigests.json`).
 *
 * A deliberate detection change regenerates the digests, and says so in its commit:
 *   CRACKDOWN_WRITE_DECISION_DIGESTS=1 npx vitest run tests/pipeline/decisionsUnchanged.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { detectInProcess } from '#scripts/bench/detectInProcess';
import { generateSnapshot } from '#scripts/generate/generateSnapshot';
import { generateSnapshot as generateIndependent } from '#scripts/independentGenerator/generate';

const DIGESTS = resolve('tests/pipeline/decisionDigests.json');
const writing = process.env.CRACKDOWN_WRITE_DECISION_DIGESTS === '1';
const committed: Record<string, Digest> = writing ? {} : JSON.parse(readFileSync(DIGESTS, 'utf8'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'decisions-digest-'));
});
afterAll(async () => {
  if (writing) writeFileSync(DIGESTS, JSON.stringify(committed, null, 2) + '\n');
  await rm(dir, { recursive: true, force: true });
});

interface Digest {
  decisions: number;
  sha256: string;
  /** The group stage's signals too (they reach a decision only when a detector acts on them). */
  signals: number;
  signalsSha256: string;
}

/** Order-free digest of lines: sorted, then hashed. */
const sha256 = (lines: string[]) => createHash('sha256').update(lines.sort().join('\n')).digest('hex');

function signalLines(workDir: string): string[] {
  const root = join(workDir, 'sweeps/digest/signals');
  if (!existsSync(root)) return [];
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return files.flatMap((f) => readFileSync(join(f.parentPath, f.name), 'utf8').split('\n').filter(Boolean));
}

async function check(name: string, snapshot: string, policy = defaultPolicy()): Promise<void> {
  const workDir = join(dir, `${name}-work`);
  const decisions = (await detectInProcess(snapshot, workDir, policy, 'digest')).map((d) => JSON.stringify(d));
  const signals = signalLines(workDir);
  const got: Digest = { decisions: decisions.length, sha256: sha256(decisions), signals: signals.length, signalsSha256: sha256(signals) };
  if (writing) committed[name] = got;
  else expect(got).toEqual(committed[name]);
}

describe('decisions do not change with how fast they are computed', () => {
  it('own generator, 2,500 accounts with invalid records: the same decisions as the committed digest', async () => {
    const snapshot = join(dir, 'own');
    await generateSnapshot({ accounts: 2500, seed: 17, outDir: snapshot, invalidRecords: 40 });
    await check('own-2500-17', snapshot);
  });

  it('independent generator, 2,500 accounts: the same decisions as the committed digest', async () => {
    const snapshot = join(dir, 'independent');
    await generateIndependent({ accounts: 2500, seed: 5, out: snapshot });
    await check('independent-2500-5', snapshot);
  });

  it('real YouTube comments: the same decisions as the committed digest', async () => {
    await check('youtube', resolve('tests/fixtures/youtube-spam'), { ...defaultPolicy(), platform: { ownDomains: ['youtube.com', 'youtu.be'] } });
  });
});
