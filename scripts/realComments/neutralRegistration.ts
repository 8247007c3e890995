/**
 * Only text and timing are known about a YouTube author, so each account gets neutral registration data derived
 * from a hash of its key: an opaque id, a device of its own, and an address in a /24 network of its own (ordinary
 * public IPv4 space; no private, reserved or documentation range). The client is `app-android` or `app-ios` by
 * the hash's parity. Nothing here depends on the label.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `yt-` + the first 16 hex digits of sha256(key). */
export function opaqueAccountId(key: string): string {
  return `yt-${sha256Hex(key).slice(0, 16)}`;
}

export interface Registration {
  ip: string;
  deviceId: string;
  client: string;
}

function ordinaryPublic(a: number, b: number): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b < 128) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b < 32) return false;
  if (a === 192 && (b === 0 || b === 88 || b === 168)) return false;
  if (a === 198 && (b === 18 || b === 19 || b === 51)) return false;
  if (a === 203 && b === 0) return false;
  return true;
}

/** Hands out registrations; call in a fixed order so that the rare /24 clash is resolved the same way every time. */
export class NeutralRegistrations {
  private readonly networks = new Set<string>();
  private readonly devices = new Set<string>();

  next(key: string): Registration {
    const h = sha256Hex(`registration:${key}`);
    const client = parseInt(h.slice(0, 2), 16) % 2 === 0 ? 'app-android' : 'app-ios';
    const d = sha256Hex(`device:${key}`);
    const deviceId = client === 'app-ios' ? `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20, 32)}`.toUpperCase() : d.slice(0, 16);
    if (this.devices.has(deviceId)) throw new Error(`device id clash for "${key}"`);
    this.devices.add(deviceId);
    for (let attempt = 0; ; attempt++) {
      const n = sha256Hex(`network:${attempt}:${key}`);
      const [a, b, c, host] = [0, 2, 4, 6].map((i) => parseInt(n.slice(i, i + 2), 16));
      const network = `${a}.${b}.${c}`;
      if (!ordinaryPublic(a, b) || this.networks.has(network)) continue;
      this.networks.add(network);
      return { ip: `${network}.${2 + (host % 253)}`, deviceId, client };
    }
  }
}
