/**
 * Registration networks and devices: residential, mobile carrier-grade NAT and
 * campus addresses for people; proxy pools and a handful of handsets for operators.
 */
import type { Rng } from './prng.ts';

const V4_PREFIXES = [36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 171, 175, 180, 182, 183, 218, 219, 220, 221, 222, 223];
const V6_PREFIXES = ['240e', '2408', '2409', '240a'];

export function residentialIp(rng: Rng): string {
  if (rng.chance(0.14)) {
    const p = rng.pick(V6_PREFIXES);
    const groups = [p, rng.hex(4), rng.hex(4), rng.hex(4), rng.hex(4), rng.hex(4), rng.hex(4), rng.hex(4)].map((g) => g.replace(/^0+(?=.)/, ''));
    return groups.join(':');
  }
  return `${rng.pick(V4_PREFIXES)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/**
 * Mobile carriers put many subscribers behind a few public addresses, so unrelated
 * people often register from the same IP. The pool is derived from a shared size so
 * collisions happen across the whole population.
 */
export function carrierNatIp(rng: Rng, poolSize: number): string {
  const slot = rng.int(0, Math.max(1, poolSize) - 1);
  const a = V4_PREFIXES[slot % V4_PREFIXES.length];
  const b = (slot * 37) % 256;
  const c = Math.floor(slot / 7) % 256;
  const d = 1 + ((slot * 13) % 253);
  return `${a}.${b}.${c}.${d}`;
}

export function subnetOf(ip: string): string {
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts[0]}.${parts[1]}.${parts[2]}` : ip;
}

export function inSubnet(rng: Rng, subnet: string): string {
  return `${subnet}.${rng.int(2, 253)}`;
}

export type Platform = 'ios' | 'android' | 'web';

/** iOS vendor ids look like UUIDs; Android ids are 16 hex digits. */
export function deviceId(rng: Rng, platform: Platform): string {
  if (platform === 'ios') {
    const h = rng.hex(32, true);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  if (platform === 'web') return `web-${rng.hex(20)}`;
  return rng.hex(16);
}

export function appClient(platform: Platform): string {
  return platform === 'ios' ? 'app-ios' : platform === 'android' ? 'app-android' : 'web';
}

export function humanPlatform(rng: Rng): Platform {
  const r = rng.next();
  return r < 0.52 ? 'ios' : r < 0.95 ? 'android' : 'web';
}

/** A random IPv4 /24 (as "a.b.c"), e.g. a proxy provider's block. */
export function v4Subnet(rng: Rng): string {
  return `${rng.pick(V4_PREFIXES)}.${rng.int(0, 255)}.${rng.int(0, 255)}`;
}
