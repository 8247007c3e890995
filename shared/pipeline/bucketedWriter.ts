/**
 * Buffers JSON lines per output object and writes them in bounded chunks, so a stage's
 * memory is at most `maxBufferedBytes` whatever the size of its input. Each flush is a new
 * object with the next sequence number; names are deterministic, so a re-run after a crash
 * rewrites the same objects with the same content.
 */
import type { BlobStore } from '#shared/ports/blobStore';

/** Bytes of a target's encoding slab: a new slab only every 64 KB of lines (or for a longer line). */
const SLAB_BYTES = 64 * 1024;

/** Bodies at least this large are copied into a reused buffer (smaller ones are concatenated as they come). */
const POOLED_BODY_BYTES = 1024 * 1024;
/** Reused body buffers kept free at most (each is about an object's size: ~8 MB to 24 MB). */
const MAX_FREE_BODIES = 4;

interface Target {
  /** Full slabs, encoded and waiting for the flush: the first `filled[i]` bytes of `slabs[i]`. */
  slabs: Buffer[];
  filled: number[];
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
  /**
   * Slabs and object bodies are reused, not allocated per flush: a fresh 8 MB buffer per object cost its page
   * faults on every copy (Buffer.concat was 3.4 % of partition, ~40 ms per object; into a reused buffer ~0.3 ms),
   * and off-heap memory allocated and freed at this rate also drives the collector (issue 17).
   */
  private readonly freeSlabs: Buffer[] = [];
  private readonly freeBodies: Buffer[] = [];
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
      buf = { slabs: [], filled: [], slab: undefined, used: 0, bytes: 0, seq: 0 };
      this.buffers.set(target, buf);
    }
    // Each line is UTF-8 encoded into an off-heap slab as it comes, and dies young: buffered lines (and the
    // strings they were once joined into) no longer sit in the JavaScript heap for the collector to copy and
    // scan, and the flush writes bytes instead of joining and encoding the whole object (issue 17).
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    const need = line.length * 3 + 1;
    if (!buf.slab || buf.slab.length - buf.used < need) {
      if (buf.slab && buf.used > 0) {
        buf.slabs.push(buf.slab);
        buf.filled.push(buf.used);
      } else if (buf.slab) this.freeSlab(buf.slab);
      buf.slab = need <= SLAB_BYTES ? (this.freeSlabs.pop() ?? Buffer.allocUnsafeSlow(SLAB_BYTES)) : Buffer.allocUnsafeSlow(need);
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
    let size = buf.used;
    for (const n of buf.filled) size += n;
    const pooled = size >= POOLED_BODY_BYTES;
    const whole = pooled ? this.body(size) : Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < buf.slabs.length; i++) {
      at += buf.slabs[i].copy(whole, at, 0, buf.filled[i]);
      this.freeSlab(buf.slabs[i]);
    }
    buf.slab!.copy(whole, at, 0, buf.used);
    const key = this.keyFor(target, buf.seq);
    buf.seq += 1;
    this.buffered -= buf.bytes;
    // the body is a copy: the current slab is filled again from its start, the full ones go back to the pool
    buf.slabs = [];
    buf.filled = [];
    buf.used = 0;
    buf.bytes = 0;
    this.written += 1;
    this.keys.push(key);
    const written = this.store.write(key, whole.subarray(0, size));
    // a store keeps nothing of a body once its write has resolved (BlobStore.write): the buffer can be filled again
    this.pending.push(pooled ? written.then(() => this.freeBody(whole)) : written);
  }

  private freeSlab(slab: Buffer): void {
    if (slab.length === SLAB_BYTES) this.freeSlabs.push(slab);
  }

  /** A free body buffer of at least `size` bytes, or a new one with room for larger objects to come. */
  private body(size: number): Buffer {
    for (let i = 0; i < this.freeBodies.length; i++)
      if (this.freeBodies[i].length >= size) {
        const b = this.freeBodies[i];
        this.freeBodies.splice(i, 1);
        return b;
      }
    return Buffer.allocUnsafeSlow(Math.max(size, Math.ceil(this.maxObjectBytes * 1.25)));
  }

  private freeBody(b: Buffer): void {
    if (this.freeBodies.length < MAX_FREE_BODIES) this.freeBodies.push(b);
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
