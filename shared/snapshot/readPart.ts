/**
 * Streams one snapshot part line by line (plain or gzip by extension) and validates each
 * record. Memory stays at one chunk plus one line, whatever the part's size. A line that is not
 * UTF-8, too long, not JSON or not of the contract is yielded as bad with its reason; a part whose
 * bytes cannot be read as a whole (not gzip, truncated, empty gzip, missing) throws
 * DamagedPartError, so the caller can quarantine the part and go on with the rest.
 */
import { StringDecoder } from 'node:string_decoder';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '#shared/ports/blobStore';
import { describeIssues, recordLimitProblem, recordSchemas, SNAPSHOT_LIMITS, type RecordKind, type RecordSchemas, type RecordsByKind } from '#shared/contract/snapshotRecords';

export type PartLine<K extends RecordKind> = { ok: true; line: number; record: RecordsByKind[K] } | { ok: false; line: number; reason: string; raw: string };

/** A part that cannot be read as a whole, for a reason that will not change on a retry. */
export class DamagedPartError extends Error {
  override readonly name = 'DamagedPartError';
}

/** Splits a byte stream into UTF-8 lines without holding more than one chunk (the sweep's own files). */
export async function* readLines(stream: Readable): AsyncGenerator<string> {
  for await (const lines of readLineBatches(stream)) yield* lines;
}

/**
 * readLines a chunk's lines at a time: a reader of millions of short lines (group) pays one step of
 * the async generator per chunk instead of one per line (issue 17). The same lines, in order.
 */
export async function* readLineBatches(stream: Readable): AsyncGenerator<string[]> {
  let carry = '';
  // A character's bytes may straddle two chunks: decoding each chunk alone turned it into U+FFFD (issue 17, found when
  // the same snapshot resolved over 2 and 5 buckets quoted a note differently); the decoder keeps the partial bytes.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      lines.push(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    carry = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  carry += decoder.end();
  if (carry.length > 0) yield [carry];
}

/** One raw line of a part: its text, or why it has none. */
export type RawLine = { text: string } | { bad: string; raw: string };

const NEWLINE = 0x0a;
const RAW_PREVIEW = 4000;

function stripCr(s: string): string {
  return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

function decodeLine(bytes: Buffer, maxBytes: number): RawLine {
  if (bytes.length > maxBytes) return { bad: `line is longer than ${maxBytes} bytes`, raw: bytes.subarray(0, RAW_PREVIEW).toString('utf8') };
  if (!isUtf8(bytes)) return { bad: 'not valid UTF-8', raw: bytes.subarray(0, RAW_PREVIEW).toString('utf8') };
  return { text: stripCr(bytes.toString('utf8')) };
}

/**
 * Splits a part's bytes into lines, checking each is valid UTF-8 and at most `maxBytes` long. The
 * common case costs what plain decoding does: a chunk's complete lines are checked and decoded at
 * once, and only a chunk that fails the check is redone line by line. An over-long line is not held:
 * its bytes are dropped as they stream past. A UTF-8 byte-order mark before the first line is removed.
 */
export async function* readPartLines(stream: Readable, maxBytes: number = SNAPSHOT_LIMITS.lineBytes): AsyncGenerator<RawLine> {
  for await (const lines of readPartLineBatches(stream, maxBytes)) yield* lines;
}

/** readPartLines a chunk's lines at a time (one async step per chunk, not per line). */
export async function* readPartLineBatches(stream: Readable, maxBytes: number = SNAPSHOT_LIMITS.lineBytes): AsyncGenerator<RawLine[]> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let overlong: Buffer | undefined;
  let first = true;
  const emit = (line: RawLine): RawLine => {
    if (first) {
      first = false;
      if ('text' in line && line.text.charCodeAt(0) === 0xfeff) return { text: line.text.slice(1) };
    }
    return line;
  };
  const takeCarry = (tail: Buffer): RawLine => {
    if (overlong) {
      const preview = overlong;
      overlong = undefined;
      carry = [];
      carryBytes = 0;
      return { bad: `line is longer than ${maxBytes} bytes`, raw: preview.subarray(0, RAW_PREVIEW).toString('utf8') };
    }
    const bytes = carry.length ? Buffer.concat([...carry, tail]) : tail;
    carry = [];
    carryBytes = 0;
    return decodeLine(bytes, maxBytes);
  };
  for await (const chunk of stream) {
    const out: RawLine[] = [];
    // Buffers from files and the S3 client alike; a plain Uint8Array is wrapped (no copy).
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength);
    const firstNl = buf.indexOf(NEWLINE);
    if (firstNl === -1) {
      if (overlong) continue;
      carry.push(buf);
      carryBytes += buf.length;
      if (carryBytes > maxBytes) overlong = Buffer.concat(carry).subarray(0, RAW_PREVIEW);
      continue;
    }
    out.push(emit(takeCarry(buf.subarray(0, firstNl))));
    const lastNl = buf.lastIndexOf(NEWLINE);
    if (lastNl > firstNl) {
      const region = buf.subarray(firstNl + 1, lastNl);
      if (isUtf8(region)) {
        const text = region.toString('utf8');
        let start = 0;
        for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', start)) {
          const line = nl === -1 ? text.slice(start) : text.slice(start, nl);
          // Characters are at most bytes: only a line this long can be over the limit.
          out.push(line.length > maxBytes / 4 ? decodeLine(Buffer.from(line, 'utf8'), maxBytes) : { text: stripCr(line) });
          if (nl === -1) break;
          start = nl + 1;
        }
      } else {
        let start = 0;
        for (let nl = region.indexOf(NEWLINE); ; nl = region.indexOf(NEWLINE, start)) {
          out.push(decodeLine(region.subarray(start, nl === -1 ? region.length : nl), maxBytes));
          if (nl === -1) break;
          start = nl + 1;
        }
      }
    }
    const rest = buf.subarray(lastNl + 1);
    if (rest.length > 0) {
      carry.push(rest);
      carryBytes = rest.length;
    }
    yield out;
  }
  if (overlong || carryBytes > 0) yield [emit(takeCarry(Buffer.alloc(0)))];
}

/** A part's decompressed bytes as they stream (a string stream for the bench's read-only baseline: see openPart). */
export async function openPartBytes(store: BlobStore, part: string): Promise<Readable> {
  const raw = await store.read(part);
  if (!part.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

export async function openPart(store: BlobStore, part: string): Promise<Readable> {
  return (await openPartBytes(store, part)).setEncoding('utf8');
}

/** zlib's own errors say the bytes are damaged; anything else (a network error) may pass on a retry. */
function damage(err: unknown, line: number): string | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return undefined;
  const message = (err as Error).message;
  if (code === 'Z_BUF_ERROR') return line === 0 ? `empty or truncated gzip (${message})` : `gzip stream truncated after line ${line} (${message})`;
  if (code === 'Z_DATA_ERROR' && line === 0) return `not gzip data (${message})`;
  return `corrupt gzip data after line ${line} (${message})`;
}

export async function* readPart<K extends RecordKind>(store: BlobStore, kind: K, part: string, schemas: RecordSchemas = recordSchemas): AsyncGenerator<PartLine<K>> {
  for await (const lines of readPartBatches(store, kind, part, schemas)) yield* lines;
}

/**
 * readPart a chunk's lines at a time, each parsed and validated: partition pays one step of the
 * async generators per chunk (~64 KB) instead of two per record (issue 17). The same lines, in order;
 * a damaged part throws after the batches before the damage, as readPart throws after their lines.
 */
export async function* readPartBatches<K extends RecordKind>(store: BlobStore, kind: K, part: string, schemas: RecordSchemas = recordSchemas): AsyncGenerator<Array<PartLine<K>>> {
  const schema = schemas[kind];
  const what = `invalid ${kind.slice(0, -1)}`;
  let line = 0;
  let stream: Readable;
  try {
    stream = await openPartBytes(store, part);
  } catch (err) {
    if (err instanceof BlobNotFoundError) throw new DamagedPartError(`part is missing: ${store.describe(part)}`);
    throw new Error(`cannot open part ${store.describe(part)}: ${(err as Error).message}`);
  }
  try {
    for await (const raws of readPartLineBatches(stream)) {
      const out: Array<PartLine<K>> = [];
      for (const raw of raws) {
        line += 1;
        if ('bad' in raw) {
          out.push({ ok: false, line, reason: raw.bad, raw: raw.raw });
          continue;
        }
        const text = raw.text;
        if (text.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (err) {
          out.push({ ok: false, line, reason: `not valid JSON: ${(err as Error).message}`, raw: text });
          continue;
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          out.push({ ok: false, line, reason: `${what}: ${describeIssues(parsed.error)}`, raw: text });
          continue;
        }
        const record = parsed.data as RecordsByKind[K];
        const tooBig = recordLimitProblem(kind, record);
        if (tooBig === undefined) out.push({ ok: true, line, record });
        else out.push({ ok: false, line, reason: `${what}: ${tooBig}`, raw: text });
      }
      if (out.length > 0) yield out;
    }
  } catch (err) {
    const reason = damage(err, line);
    if (reason) throw new DamagedPartError(reason);
    throw new Error(`reading part ${store.describe(part)} failed after line ${line}: ${(err as Error).message}`);
  }
}
