/**
 * Buffers JSON lines per output object and writes them in bounded chunks, so a stage's
 * memory is at most `maxBufferedBytes` whatever the size of its input. Each flush is a new
 * object with the next sequence number; names are deterministic, so a re-run after a crash
 * rewrites the same objects with the same content.
 */
import type { BlobStore } from '#shared/ports/blobStore';

/** Bytes of a target's encoding slab: a new slab only every 64 KB of lines (or for a longer line). */
const SLAB_BYTES = 64 * 1024;

interface Target {
  /** Full slabs, encoded and waiting for the flush. */
  slabs: Buffer[];
  /** The slab being filled, and how much of it is. */
  slab: Buffer | undefined;
  used: number;
  /** The target's size as the flush thresholds count it: UTF-16 code units plus one per line, not bytes. */
  bytes: number;
  seq: number;
}

export class BucketedWriter {
  private readonly buffers = new Map<string, Target>();
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
      buf = { slabs: [], slab: undefined, used: 0, bytes: 0, seq: 0 };
      this.buffers.set(target, buf);
    }
    // Each line is UTF-8 encoded into an off-heap slab as it comes, and dies young: buffered lines (and the
    // strings they were once joined into) no longer sit in the JavaScript heap for the collector to copy and
    // scan, and the flush writes bytes instead of joining and encoding the whole object (issue 17).
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    const need = line.length * 3 + 1;
    if (!buf.slab || buf.slab.length - buf.used < need) {
      if (buf.slab && buf.used > 0) buf.slabs.push(buf.slab.subarray(0, buf.used));
      buf.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, need));
      buf.used = 0;
    }
    buf.used += buf.slab.write(line, buf.used, 'utf8');
    buf.slab[buf.used++] = 0x0a;
    // the thresholds count as before (characters, not bytes), so objects split where they did
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
    const filled = buf.slab!.subarray(0, buf.used);
    const body = buf.slabs.length === 0 ? Buffer.from(filled) : Buffer.concat([...buf.slabs, filled]);
    const key = this.keyFor(target, buf.seq);
    buf.seq += 1;
    this.buffered -= buf.bytes;
    // the body is a copy: the current slab is filled again from its start, the full ones are let go
    buf.slabs = [];
    buf.used = 0;
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
