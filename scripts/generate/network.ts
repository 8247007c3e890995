/**
 * Registration networks and devices. Ordinary users come from mobile carriers (carrier-grade NAT: many
 * unrelated users share a /24) or home broadband; farms come from a cloud or proxy /24.
 */
import type { Rng } from './random.ts';

/** First two octets of mobile-carrier ranges (CGNAT; dense). */
const MOBILE_PREFIXES = [
  '223.104',
  '223.105',
  '117.136',
  '117.132',
  '112.96',
  '112.97',
  '111.30',
  '111.18',
  '120.204',
  '120.230',
  '113.57',
  '123.147',
  '183.192',
  '183.193',
  '39.144',
  '39.149',
  '112.17',
  '112.224',
  '36.98',
  '36.112',
  '221.178',
  '117.188',
  '211.97',
  '106.39',
  '106.41',
  '114.250',
  '124.64',
  '223.72',
  '223.73',
  '119.123',
  '120.245',
  '112.10',
  '110.184',
  '171.8',
  '171.43',
  '182.48',
  '182.200',
  '175.0',
  '175.152',
  '115.60',
];
/** First octets of home broadband space (sparse). */
const BROADBAND_FIRST = [58, 59, 60, 61, 110, 113, 114, 115, 116, 118, 119, 121, 122, 124, 125, 180, 182, 202, 203, 210, 211, 218, 219, 220, 222];
/** Cloud ranges that farms and proxy pools rent. */
const CLOUD_PREFIXES = ['47.92', '47.96', '47.98', '47.100', '47.104', '39.105', '39.107', '101.34', '101.35', '106.55', '120.77', '121.40', '118.89', '43.138', '43.139', '49.232', '81.68', '82.157'];

export function mobileNetwork(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}.${rng.int(0, 255)}`;
}

export function broadbandNetwork(rng: Rng): string {
  return `${rng.pick(BROADBAND_FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}`;
}

export function cloudNetwork(rng: Rng): string {
  return `${rng.pick(CLOUD_PREFIXES)}.${rng.int(0, 255)}`;
}

/** A /24 (`a.b.c`) for an ordinary user. */
export function ordinaryNetwork(rng: Rng): string {
  return rng.chance(0.55) ? mobileNetwork(rng) : broadbandNetwork(rng);
}

export function hostIn(rng: Rng, network: string): string {
  return `${network}.${rng.int(2, 254)}`;
}

export function ordinaryIp(rng: Rng): string {
  return hostIn(rng, ordinaryNetwork(rng));
}

export function iosDeviceId(rng: Rng): string {
  const h = rng.hex(32).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function androidDeviceId(rng: Rng): string {
  return rng.hex(16);
}

export function webDeviceId(rng: Rng): string {
  return `web-${rng.hex(20)}`;
}

/** A device id in the format its client would report. */
export function deviceIdFor(rng: Rng, client: string): string {
  if (client === 'app-ios') return iosDeviceId(rng);
  if (client === 'web') return webDeviceId(rng);
  return androidDeviceId(rng);
}
