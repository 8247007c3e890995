/**
 * Opaque, unique identifiers. Each kind of entity has its own counter; the counter
 * value goes through a keyed 32-bit bijection, so ids are unique, look random, and
 * say nothing about the account's role or position in the population.
 */
import { hash32 } from './prng.ts';

function permute32(x: number, key: number): number {
  let v = (x ^ key) >>> 0;
  v = Math.imul(v ^ (v >>> 16), 0x7feb352d) >>> 0;
  v = Math.imul(v ^ (v >>> 15), 0x846ca68b) >>> 0;
  v = (v ^ (v >>> 16)) >>> 0;
  v = (v + key) >>> 0;
  v = Math.imul(v ^ (v >>> 16), 0x2c1b3c6d) >>> 0;
  v = Math.imul(v ^ (v >>> 12), 0x297a2d39) >>> 0;
  return (v ^ (v >>> 15)) >>> 0;
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex8(n: number): string {
  return HEX2[n >>> 24] + HEX2[(n >>> 16) & 255] + HEX2[(n >>> 8) & 255] + HEX2[n & 255];
}

function mix32(x: number): number {
  let v = x >>> 0;
  v = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
  v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
  return (v ^ (v >>> 16)) >>> 0;
}

export type IdKind = 'account' | 'note' | 'comment' | 'report' | 'brand' | 'device';

export class IdMinter {
  private readonly counters: Record<IdKind, number> = { account: 0, note: 0, comment: 0, report: 0, brand: 0, device: 0 };
  private readonly keys: Record<IdKind, number>;
  private readonly tailKeys: Record<IdKind, [number, number]>;

  constructor(private readonly seed: number) {
    this.keys = {
      account: hash32(seed, 'k-account'),
      note: hash32(seed, 'k-note'),
      comment: hash32(seed, 'k-comment'),
      report: hash32(seed, 'k-report'),
      brand: hash32(seed, 'k-brand'),
      device: hash32(seed, 'k-device'),
    };
    const tk = (k: IdKind): [number, number] => [hash32(seed, 't1', k), hash32(seed, 't2', k)];
    this.tailKeys = { account: tk('account'), note: tk('note'), comment: tk('comment'), report: tk('report'), brand: tk('brand'), device: tk('device') };
  }

  next(kind: IdKind): string {
    const n = this.counters[kind]++;
    if (n >= 0xffffffff) throw new Error(`too many ${kind} ids`);
    return this.format(kind, n);
  }

  /** The id a given counter value maps to (used for stable, pre-known entities such as well-known brands). */
  format(kind: IdKind, n: number): string {
    const head = hex8(permute32(n, this.keys[kind]));
    const [k1, k2] = this.tailKeys[kind];
    const tail = hex8(mix32(mix32(n ^ k1) + k2)) + hex8(mix32(mix32(n + k2) ^ k1));
    switch (kind) {
      case 'account':
        return head + tail; // 24 hex
      case 'note':
        return head.slice(0, 4) + tail + head.slice(4); // 24 hex, different shape
      case 'comment':
        return tail.slice(0, 8) + head + tail.slice(8); // 24 hex
      case 'report':
        return `rpt-${head}${tail.slice(0, 4)}`;
      case 'brand':
        return `brd_${head}`;
      case 'device':
        return head + tail;
    }
  }

  count(kind: IdKind): number {
    return this.counters[kind];
  }
}
