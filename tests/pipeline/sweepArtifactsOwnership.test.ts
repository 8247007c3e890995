/**
 * Nothing but the artifact modules parses or writes a sweep artifact. A file that knows where a
 * sweep's objects are (it uses sweepPaths, policyPath, evidencePath or pausedPath) and parses JSON
 * must be listed here with what it parses; and no other file reads or writes an artifact's location.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const ARTIFACT_MODULES = ['shared/pipeline/sweepArtifacts.ts', 'scripts/cli/pausedSweep.ts'];

/** Files that locate sweep objects and parse JSON that is not an artifact, with what they parse. */
const NOT_ARTIFACTS = new Map<string, string>([
  ['shared/pipeline/groupBucket.ts', 'channel shuffle rows (hot path, written by partition in the same sweep)'],
  ['shared/pipeline/resolveBucket.ts', 'account shuffle rows and signals (hot path, same sweep)'],
  ['shared/pipeline/expandRingsBucket.ts', 'note-comments signals (hot path, same sweep)'],
]);
/** Still parsing artifacts themselves: shared/audit/ is being reworked separately; these move to readSampleIfAny / readPinnedPolicy. */
const PENDING = new Set<string>();

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.ts') && !name.endsWith('.tmp.ts') ? [relative(ROOT, path)] : [];
  });
}
const files = ['functions', 'shared', 'scripts']
  .flatMap(sources)
  .filter((f) => !ARTIFACT_MODULES.includes(f) && f !== 'shared/pipeline/sweepPaths.ts')
  .map((f) => ({ f, text: readFileSync(join(ROOT, f), 'utf8') }));

const LOCATES = /\b(?:sweepPaths|policyPath|evidencePath|pausedPath)\b/;
// a store call whose key is one of the sweep's artifact locations
const ARTIFACT_IO =
  /\.(?:write|readText|read|exists)\(\s*(?:(?:paths|sweepPaths\([^)]*\))\.(?:plan|policy|sample|guard|summary|decisionsObject|statsObject)\b|policyPath\(|evidencePath\(|pausedPath\()/;

describe('sweep artifacts are parsed only by their modules', () => {
  it('no file that locates sweep objects parses JSON, but the shuffle readers', () => {
    const parsing = files.filter(({ text }) => LOCATES.test(text) && text.includes('JSON.parse(')).map(({ f }) => f);
    expect(parsing.filter((f) => !NOT_ARTIFACTS.has(f) && !PENDING.has(f))).toEqual([]);
  });

  it('no other file reads or writes an artifact location itself', () => {
    const direct = files.filter(({ text }) => ARTIFACT_IO.test(text)).map(({ f }) => f);
    expect(direct.filter((f) => !PENDING.has(f))).toEqual([]);
  });
});
