/** Many small objects (a group item's signals, one per account bucket) are written with a bounded number in flight. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { WRITES_IN_FLIGHT, writeObjects } from '#shared/pipeline/writeObjects';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('writeObjects', () => {
  it(`writes every object, at most ${WRITES_IN_FLIGHT} at a time`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'write-objects-'));
    dirs.push(dir);
    const work = new LocalFolderStore(dir);
    let inFlight = 0;
    let most = 0;
    const write = work.write.bind(work);
    work.write = async (key, body) => {
      most = Math.max(most, ++inFlight);
      try {
        await new Promise((r) => setTimeout(r, 1));
        await write(key, body);
      } finally {
        inFlight -= 1;
      }
    };
    const objects = Array.from({ length: 500 }, (_, i): [string, string] => [`signals/${String(i).padStart(5, '0')}/x.jsonl`, `line ${i}\n`]);
    await writeObjects(work, objects);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(WRITES_IN_FLIGHT);
    for (const [key, body] of [objects[0], objects[499]]) expect(await work.readText(key)).toBe(body);
    expect((await work.list('signals/')).length).toBe(500);
  });
});
