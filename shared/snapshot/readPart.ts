/**
 * Streams one snapshot part line by line (plain or gzip by extension) and validates each
 * record. Memory stays at one chunk plus one line, whatever the part's size.
 */
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { BlobStore } from '#shared/ports/blobStore';
import { describeIssues, recordSchemas, type RecordKind, type RecordsByKind } from '#shared/contract/snapshotRecords';

export type PartLine<K extends RecordKind> = { ok: true; line: number; record: RecordsByKind[K] } | { ok: false; line: number; reason: string; raw: string };

/** Splits a byte stream into UTF-8 lines without holding more than one chunk. */
export async function* readLines(stream: Readable): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) yield carry;
}

export async function openPart(store: BlobStore, part: string): Promise<Readable> {
  const raw = await store.read(part);
  if (!part.endsWith('.gz')) return raw.setEncoding('utf8');
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip).setEncoding('utf8');
}

export async function* readPart<K extends RecordKind>(store: BlobStore, kind: K, part: string): AsyncGenerator<PartLine<K>> {
  const schema = recordSchemas[kind];
  let line = 0;
  let stream: Readable;
  try {
    stream = await openPart(store, part);
  } catch (err) {
    throw new Error(`cannot open part ${store.describe(part)}: ${(err as Error).message}`);
  }
  try {
    for await (const text of readLines(stream)) {
      line += 1;
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        yield { ok: false, line, reason: `not valid JSON: ${(err as Error).message}`, raw: text };
        continue;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) yield { ok: true, line, record: parsed.data as RecordsByKind[K] };
      else yield { ok: false, line, reason: `invalid ${kind.slice(0, -1)}: ${describeIssues(parsed.error)}`, raw: text };
    }
  } catch (err) {
    throw new Error(`reading part ${store.describe(part)} failed after line ${line}: ${(err as Error).message}`);
  }
}
