import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../scripts/independentGenerator/generate.ts';

const root = mkdtempSync(join(tmpdir(), 'indep-det-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe('independent generator determinism', () => {
  it('writes the same bytes for the same seed and size', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await generateSnapshot({ accounts: 2000, seed: 42, out: a, parts: 3 });
    await generateSnapshot({ accounts: 2000, seed: 42, out: b, parts: 3 });
    const files = listFiles(a);
    expect(files).toEqual(listFiles(b));
    expect(files).toContain('labels.jsonl');
    expect(files).toContain('manifest.json');
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  }, 60_000);

  it('writes different data for a different seed', async () => {
    const c = join(root, 'c');
    await generateSnapshot({ accounts: 2000, seed: 43, out: c, parts: 3 });
    expect(readFileSync(join(root, 'a', 'labels.jsonl')).equals(readFileSync(join(c, 'labels.jsonl')))).toBe(false);
  }, 60_000);
});
