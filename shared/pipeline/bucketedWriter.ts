/**
 * Buffers JSON lines per output object and writes them in bounded chunks, so a stage's
 * memory is at most `maxBufferedBytes` whatever the size of its input. Each flush is a new
 * object with the next sequence number; names are deterministic, so a re-run after a crash
 * rewrites the same objects with the same content.
 */
import type { BlobStore } from '#shared/ports/blobStore';

/** Lines per joined chunk: small enough to join while young, large enough to leave few objects behind. */
const JOIN_LINES = 256;

export class BucketedWriter {
  private readonly buffers = new Map<string, { chunks: string[]; lines: string[]; bytes: number; seq: number }>();
  private buffered = 0;
  private pending: Promise<void>[] = [];
  private readonly keys: string[] = [];
  written = 0;

  constructor(
    private readonly store: BlobStore,
    /** Object key for a target's n-th chunk. */
    private readonly keyFor: (target: string, seq: number) => string,
    private readonly maxBufferedBytes = 64 * 1024 * 1024,
    private readonly maxObjectBytes = 8 * 1024 * 1024,
  ) {}

  async add(target: string, line: string): Promise<void> {
    await this.push(target, line);
  }

  /**
   * `add` without a promise per line: returns one only when the caller must wait (a flush to drain).
   * Partition files several rows per record; an await on each was a promise and a microtask per row.
   */
  push(target: string, line: string): Promise<void> | undefined {
    let buf = this.buffers.get(target);
    if (!buf) {
      buf = { chunks: [], lines: [], bytes: 0, seq: 0 };
      this.buffers.set(target, buf);
    }
    buf.lines.push(line);
    // Lines joined into one string every JOIN_LINES: a buffered line no longer outlives young-generation
    // collections one by one (copying surviving lines was a quarter of partition's CPU, issue 17)
    if (buf.lines.length >= JOIN_LINES) {
      buf.chunks.push(buf.lines.join('\n'));
      buf.lines = [];
    }
    buf.bytes += line.length + 1;
    this.buffered += line.length + 1;
    if (buf.bytes >= this.maxObjectBytes) this.flushTarget(target);
    if (this.buffered >= this.maxBufferedBytes) return this.flushLargest();
    if (this.pending.length >= 8) return this.drain();
    return undefined;
  }

  private flushTarget(target: string): void {
    const buf = this.buffers.get(target);
    if (!buf || buf.bytes === 0) return;
    if (buf.lines.length > 0) buf.chunks.push(buf.lines.join('\n'));
    const body = buf.chunks.join('\n') + '\n';
    const key = this.keyFor(target, buf.seq);
    buf.seq += 1;
    this.buffered -= buf.bytes;
    buf.chunks = [];
    buf.lines = [];
    buf.bytes = 0;
    this.written += 1;
    this.keys.push(key);
    this.pending.push(this.store.write(key, body));
  }

  private async flushLargest(): Promise<void> {
    const sorted = [...this.buffers.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
    for (const [target] of sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 4)))) this.flushTarget(target);
    await this.drain();
  }

  private async drain(): Promise<void> {
    const p = this.pending;
    this.pending = [];
    await Promise.all(p);
  }

  /**
   * Drops what is buffered and empties every object already written (the stage may only put, never
   * delete): readers see nothing from this writer, and a re-run that discards again writes the same.
   */
  async discard(): Promise<void> {
    this.buffers.clear();
    this.buffered = 0;
    await this.drain();
    const keys = this.keys.splice(0);
    await Promise.all(keys.map((k) => this.store.write(k, '')));
  }

  async close(): Promise<void> {
    for (const target of this.buffers.keys()) this.flushTarget(target);
    await this.drain();
  }
}
