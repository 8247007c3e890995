/**
 * Writes a `crackdown-snapshot/1` folder: gzip (level 1) JSON Lines parts per
 * record kind, each record sent to a part at random, a manifest, and labels.jsonl
 * beside it (ground truth, deliberately not listed in the manifest).
 * Lines are buffered per cohort and handed to the compressors while the next cohort
 * is being built, so memory stays bounded.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import type { Rng } from './prng.ts';

export const KINDS = ['accounts', 'notes', 'comments', 'follows', 'reports'] as const;
export type Kind = (typeof KINDS)[number];

interface Part {
  path: string;
  gzip: Gzip;
  file: WriteStream;
  lines: string[];
}

export class SnapshotWriter {
  private readonly parts = new Map<Kind, Part[]>();
  private labels!: WriteStream;
  private labelLines: string[] = [];
  readonly counts: Record<Kind, number> = { accounts: 0, notes: 0, comments: 0, follows: 0, reports: 0 };

  constructor(
    private readonly outDir: string,
    private readonly partCount: number,
    private readonly rng: Rng,
  ) {}

  async open(): Promise<void> {
    for (const kind of KINDS) await rm(join(this.outDir, kind), { recursive: true, force: true });
    for (const kind of KINDS) {
      await mkdir(join(this.outDir, kind), { recursive: true });
      const list: Part[] = [];
      for (let p = 0; p < this.partCount; p++) {
        const path = `${kind}/part-${String(p).padStart(5, '0')}.jsonl.gz`;
        const gzip = createGzip({ level: 1 });
        const file = createWriteStream(join(this.outDir, path));
        gzip.pipe(file);
        list.push({ path, gzip, file, lines: [] });
      }
      this.parts.set(kind, list);
    }
    this.labels = createWriteStream(join(this.outDir, 'labels.jsonl'));
  }

  add(kind: Kind, record: unknown): void {
    this.addLine(kind, JSON.stringify(record));
  }

  /** A record already serialised as one JSON line. */
  addLine(kind: Kind, line: string): void {
    const list = this.parts.get(kind)!;
    list[this.rng.int(0, list.length - 1)].lines.push(line);
    this.counts[kind]++;
  }

  addLabel(label: unknown): void {
    this.labelLines.push(JSON.stringify(label));
  }

  /** Hands buffered lines to the compressors; resolves once they have room again. */
  flush(): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const list of this.parts.values()) {
      for (const part of list) {
        if (!part.lines.length) continue;
        const ok = part.gzip.write(part.lines.join('\n') + '\n');
        part.lines = [];
        if (!ok) waits.push(once(part.gzip, 'drain'));
      }
    }
    if (this.labelLines.length) {
      const ok = this.labels.write(this.labelLines.join('\n') + '\n');
      this.labelLines = [];
      if (!ok) waits.push(once(this.labels, 'drain'));
    }
    return Promise.all(waits).then(() => undefined);
  }

  async close(meta: { snapshotId: string; takenAt: string }): Promise<void> {
    await this.flush();
    const closing: Promise<unknown>[] = [];
    for (const list of this.parts.values()) {
      for (const part of list) {
        closing.push(once(part.file, 'close'));
        part.gzip.end();
      }
    }
    closing.push(once(this.labels, 'close'));
    this.labels.end();
    await Promise.all(closing);
    const manifest = {
      format: 'crackdown-snapshot/1',
      snapshotId: meta.snapshotId,
      takenAt: meta.takenAt,
      parts: Object.fromEntries(KINDS.map((k) => [k, this.parts.get(k)!.map((p) => p.path)])),
    };
    await writeFile(join(this.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
}
