/**
 * The shuffle, decisions and signals are read as lines of UTF-8 from streams of chunks: a character whose bytes
 * straddle two chunks is read whole (each chunk decoded alone made it U+FFFD, which changed detection and the
 * quotes of notices with the bucket count: the objects' sizes move the chunk boundaries).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches, readLines } from '#shared/snapshot/readPart';

const LINES = ['雙12活動來了 这次的联名款', 'ascii only', '𠮷野家 🍜 Ωmega', '', 'last 了'];
const bytes = Buffer.from(LINES.join('\n'), 'utf8');

/** The bytes cut into chunks of `size` (so every multi-byte character is split at some size). */
const chunked = (size: number) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

describe('reading lines from a stream of byte chunks', () => {
  it('reads every character whole wherever the chunks split it, for every chunk size from 1 byte', async () => {
    for (let size = 1; size <= bytes.length; size++) {
      const got: string[] = [];
      for await (const line of readLines(chunked(size))) got.push(line);
      expect(got, `chunks of ${size} bytes`).toEqual(LINES.filter((l, i) => l !== '' || i < LINES.length - 1));
      expect(got.join('\n')).not.toContain('\ufffd');
    }
  });

  it('keeps a partial character at the end of the stream as the decoder ends it (invalid input stays visible)', async () => {
    const truncated = Buffer.concat([Buffer.from('ok\nhalf ', 'utf8'), Buffer.from('了', 'utf8').subarray(0, 2)]);
    const got: string[] = [];
    for await (const batch of readLineBatches(Readable.from([truncated.subarray(0, 5), truncated.subarray(5)]))) got.push(...batch);
    expect(got).toEqual(['ok', 'half \ufffd']);
  });
});
