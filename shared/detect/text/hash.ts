/** Small deterministic hashes: FNV-1a for text fingerprints, a sha256 prefix for anything sensitive. */
import { createHash } from 'node:crypto';

/** FNV-1a, 32 bit, over UTF-16 code units. Cheap and stable across runs. */
export function fnv1a32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A short hex fingerprint of a text (8 hex chars). */
export function textHash(s: string): string {
  return fnv1a32(s).toString(16).padStart(8, '0');
}

/** Sensitive values (IPs, device ids, licence numbers) become a salted sha256 prefix before they leave the record. */
export function sensitiveHash(kind: string, value: string): string {
  return createHash('sha256').update(`crackdown:${kind}:${value}`).digest('hex').slice(0, 16);
}

/** Mixes a 32-bit value (murmur3 finaliser); used to derive many hash functions from one. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
