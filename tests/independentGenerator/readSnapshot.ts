/** Test helper: reads a snapshot folder written by the independent generator (no project code involved). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Snapshot {
  manifest: { format: string; snapshotId: string; takenAt: string; parts: Record<string, string[]> };
  records: Record<string, unknown[]>;
  /** Which part file each record came from, by kind, parallel to `records`. */
  partOf: Record<string, string[]>;
  labels: Array<{ accountId: string; codes: string[]; variants?: string[]; hardNegative?: string }>;
}

export function readSnapshot(dir: string): Snapshot {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const records: Record<string, unknown[]> = {};
  const partOf: Record<string, string[]> = {};
  for (const [kind, parts] of Object.entries(manifest.parts as Record<string, string[]>)) {
    records[kind] = [];
    partOf[kind] = [];
    for (const part of parts) {
      const raw = readFileSync(join(dir, part));
      const text = part.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        records[kind].push(JSON.parse(line));
        partOf[kind].push(part);
      }
    }
  }
  const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { manifest, records, partOf, labels };
}
