/** Generates small snapshots into temp folders and reads them back, line by line, part by part. */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RecordKind } from '#shared/contract/snapshotRecords';
import { generateSnapshot, type GenerateOptions, type GenerateSummary } from '#scripts/generate/generateSnapshot';

export interface Line {
  kind: RecordKind;
  part: string;
  text: string;
}

export interface Label {
  accountId: string;
  codes: string[];
  variants: string[];
  hardNegative?: string;
}

export interface Fixture {
  dir: string;
  summary: GenerateSummary;
  cleanup(): Promise<void>;
}

export async function makeSnapshot(opts: Omit<GenerateOptions, 'outDir'>): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'crackdown-gen-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const summary = await generateSnapshot({ ...opts, outDir: dir });
    return { dir, summary, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function readManifest(dir: string): { format: string; snapshotId: string; takenAt: string; parts: Record<RecordKind, string[]> } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/** Every line of every part, in part order, as the manifest lists them. */
export function readLines(dir: string): Line[] {
  const manifest = readManifest(dir);
  const out: Line[] = [];
  for (const [kind, parts] of Object.entries(manifest.parts) as [RecordKind, string[]][]) {
    for (const part of parts) {
      const raw = readFileSync(join(dir, part));
      const text = (part.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      for (const line of text.split('\n')) if (line.length) out.push({ kind, part, text: line });
    }
  }
  return out;
}

/** Parsed valid records of a kind (lines that do not parse are skipped). */
export function records<T = Record<string, unknown>>(lines: Line[], kind: RecordKind): T[] {
  const out: T[] = [];
  for (const l of lines) {
    if (l.kind !== kind) continue;
    try {
      out.push(JSON.parse(l.text) as T);
    } catch {
      // deliberately malformed line
    }
  }
  return out;
}

export function readLabels(dir: string): Label[] {
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Label);
}

/** All files under the folder with their bytes, for byte-for-byte comparison. */
export function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}
