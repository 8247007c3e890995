/**
 * Buffers JSON lines per output object and writes them in bounded chunks, so a stage's
 * memory is at most `maxBufferedBytes` whatever the size of its input. Each flush is a new
 * object with the next sequence number; names are deterministic, so a re-run after a crash
 * rewrites the same objects with the same content.
 */
import type { BlobStore } from '#shared/ports/blobStore';

/** Bytes of a target's encoding slab: a new slab only every 64 KB of lines (or for a longer line). */
const SLAB_BYTES = 64 * 1024;

/** Pending lines of a target are encoded once they hold this many UTF-16 code units. */
const PENDING_CHARS = 4096;

/** Object bodies at least this large are copied into a reused buffer; smaller ones into a new one. */
const POOLED_BODY_BYTES = 64 * 1024;
/** Writes in flight per writer: also how many reused bodies a flush of many targets needs at once. */
const MAX_IN_FLIGHT = 8;

/**
 * Slabs and object bodies are reused by every writer of the process, not allocated per line batch and per flush.
 * Memory written for the first time costs its page faults: a partition's whole output (~50 MB a part at 20k)
 * used to be fresh memory twice, encoded into new slabs and copied into a new body (Buffer.concat was 3.4 % of
 * partition, ~40 ms per 8 MB object; into a reused buffer ~0.3 ms), and off-heap memory allocated and freed at
 * that rate also drives the collector (issue 17). Kept at most: 64 MB of slabs and MAX_IN_FLIGHT bodies.
 */
const freeSlabs: Buffer[] = [];
const MAX_FREE_SLABS = 1024;
const freeBodies: Buffer[] = [];

function takeSlab(): Buffer {
  return freeSlabs.pop() ?? Buffer.allocUnsafeSlow(SLAB_BYTES);
}

function returnSlab(slab: Buffer): void {
  if (slab.length === SLAB_BYTES && freeSlabs.length < MAX_FREE_SLABS) freeSlabs.push(slab);
}

/** A free body buffer of at least `size` bytes, or a new one with room for the objects to come (pages are only touched as filled). */
function takeBody(size: number, objectBytes: number): Buffer {
  for (let i = 0; i < freeBodies.length; i++)
    if (freeBodies[i].length >= size) {
      const b = freeBodies[i];
      freeBodies.splice(i, 1);
      return b;
    }
  return Buffer.allocUnsafeSlow(Math.max(size, Math.ceil(objectBytes * 1.25)));
}

function returnBody(b: Buffer): void {
  if (freeBodies.length < MAX_IN_FLIGHT) freeBodies.push(b);
}

interface Target {
  /** Full slabs, encoded and waiting for the flush: the first `filled[i]` bytes of `slabs[i]`. */
  slabs: Buffer[];
  filled: number[];
  /** The slab being filled, and how much of it is. */
  slab: Buffer | undefined;
  used: number;
  /** Lines not yet encoded, each followed by its newline. */
  pending: string;
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
      buf = { slabs: [], filled: [], slab: undefined, used: 0, pending: '', bytes: 0, seq: 0 };
      this.buffers.set(target, buf);
    }
    // Lines gather in a short string per target, UTF-8 encoded into an off-heap slab every PENDING_CHARS: one
    // encoding call per ~40 rows instead of one per row (the call was 4 % of partition), and still no buffered
    // lines in the JavaScript heap for the collector to copy and scan (issue 17). Lines are joined by '\n', so
    // no surrogate pair spans two of them: the bytes are those of encoding each line alone.
    buf.pending += line + '\n';
    if (buf.pending.length >= PENDING_CHARS) this.encode(buf);
    // the thresholds count as before (characters, not bytes), so objects split where they did
    buf.bytes += line.length + 1;
    this.buffered += line.length + 1;
    if (buf.bytes >= this.maxObjectBytes) this.flushTarget(target);
    if (this.buffered >= this.maxBufferedBytes) return this.flushLargest();
    if (this.pending.length >= MAX_IN_FLIGHT) return this.drain();
    return undefined;
  }

  /** Encodes a target's pending lines into its slab (a new slab when they may not fit). */
  private encode(buf: Target): void {
    const text = buf.pending;
    buf.pending = '';
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    const need = text.length * 3;
    if (!buf.slab || buf.slab.length - buf.used < need) {
      if (buf.slab && buf.used > 0) {
        buf.slabs.push(buf.slab);
        buf.filled.push(buf.used);
      } else if (buf.slab) returnSlab(buf.slab);
      buf.slab = need <= SLAB_BYTES ? takeSlab() : Buffer.allocUnsafeSlow(need);
      buf.used = 0;
    }
    buf.used += buf.slab.write(text, buf.used, 'utf8');
  }

  private flushTarget(target: string): void {
    const buf = this.buffers.get(target);
    if (!buf || buf.bytes === 0) return;
    if (buf.pending.length > 0) this.encode(buf);
    let size = buf.used;
    for (const n of buf.filled) size += n;
    const pooled = size >= POOLED_BODY_BYTES;
    const whole = pooled ? takeBody(size, this.maxObjectBytes) : Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < buf.slabs.length; i++) {
      at += buf.slabs[i].copy(whole, at, 0, buf.filled[i]);
      returnSlab(buf.slabs[i]);
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
    this.pending.push(pooled ? written.then(() => returnBody(whole)) : written);
  }

  private async flushLargest(): Promise<void> {
    const sorted = [...this.buffers.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
    await this.flushAll(sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 4))).map(([target]) => target));
  }

  /** Flushes targets MAX_IN_FLIGHT writes at a time, so their bodies are the same few reused buffers. */
  private async flushAll(targets: Iterable<string>): Promise<void> {
    for (const target of targets) {
      this.flushTarget(target);
      if (this.pending.length >= MAX_IN_FLIGHT) await this.drain();
    }
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
    await this.flushAll([...this.buffers.keys()]);
  }
}
