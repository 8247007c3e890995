/**
 * Ordinary people: how they register (their own phone, home or mobile network),
 * what they are called, and the notes they post over the life of their account.
 * Every other behaviour starts from here and bends it.
 */
import { DAY, HOUR, humanMoment } from '../clock.ts';
import type { Account, Lang, Note, Persona } from '../model.ts';
import { appClient, carrierNatIp, deviceId, humanPlatform, residentialIp, type Platform } from '../network.ts';
import type { Rng } from '../prng.ts';
import { CITIES, everydayNote, TOPICS, type Topic } from '../text/everydayLife.ts';
import { humanBio, humanNickname } from '../text/nicknames.ts';
import { toTraditional } from '../text/traditional.ts';
import type { CohortWorld } from '../world.ts';

export function pickLang(rng: Rng): Lang {
  const r = rng.next();
  return r < 0.84 ? 'zh' : r < 0.92 ? 'zh-hant' : r < 0.98 ? 'mixed' : 'en';
}

export function makePersona(rng: Rng, over: Partial<Persona> = {}): Persona {
  const topics = rng.sample(TOPICS, rng.int(1, 3)) as Topic[];
  return {
    topics,
    lang: pickLang(rng),
    platform: humanPlatform(rng),
    city: rng.pick(CITIES),
    social: true,
    commentRate: rng.pick([0.5, 1.5, 3, 4, 6, 10]),
    followRate: rng.pick([1, 3, 5, 8, 14]),
    replies: rng.chance(0.7),
    ...over,
  };
}

/** Account age in ms: some newcomers, most one to seven years old. */
export function humanAge(rng: Rng): number {
  const r = rng.next();
  if (r < 0.15) return rng.int(3, 90) * DAY;
  if (r < 0.5) return rng.int(90, 730) * DAY;
  return rng.int(730, 2555) * DAY;
}

export interface PersonOptions {
  createdMs?: number;
  platform?: Platform;
  regIp?: string;
  regDevice?: string;
  extraDevices?: string[];
  persona?: Partial<Persona>;
  nickname?: string;
  bio?: string | null;
  baseFollowers?: number;
  pull?: number;
}

export function addPerson(world: CohortWorld, rng: Rng, opts: PersonOptions = {}): Account {
  const persona = makePersona(rng, { ...(opts.platform ? { platform: opts.platform } : {}), ...opts.persona });
  const age = humanAge(rng);
  const createdMs = opts.createdMs ?? humanMoment(rng, world.takenMs - age - DAY, world.takenMs - age);
  const regDevice = opts.regDevice ?? deviceId(rng, persona.platform);
  const regIp = opts.regIp ?? (rng.chance(0.4) ? carrierNatIp(rng, world.env.natPool) : residentialIp(rng));
  const devices = [regDevice];
  if (rng.chance(0.22)) devices.push(deviceId(rng, rng.chance(0.8) ? persona.platform : humanPlatform(rng)));
  if (rng.chance(0.05)) devices.push(deviceId(rng, 'web'));
  for (const d of opts.extraDevices ?? []) if (!devices.includes(d)) devices.push(d);
  // Devices seen in the last 30 days: people change phones, so the registering one may be gone.
  const recent = rng.chance(0.18) && devices.length > 1 ? devices.slice(1) : devices;
  const followers = opts.baseFollowers ?? Math.floor(rng.logNormal(18, 1.5));
  return world.addAccount({
    createdMs,
    nickname: opts.nickname ?? humanNickname(rng),
    bio: opts.bio === null ? undefined : (opts.bio ?? humanBio(rng, persona.city)),
    regIp,
    regDevice,
    regClient: persona.platform === 'web' ? 'web' : appClient(persona.platform),
    devices: recent,
    persona,
    baseFollowers: followers,
    baseFollowing: Math.floor(rng.logNormal(40, 1.1)),
    pull: opts.pull ?? Math.pow(followers + 1, 0.5),
  });
}

export function humanNoteCount(rng: Rng): number {
  const r = rng.next();
  if (r < 0.34) return 0;
  if (r < 0.64) return rng.int(1, 3);
  if (r < 0.9) return rng.int(4, 10);
  return rng.int(11, 20);
}

export function localise(text: string, lang: Lang): string {
  return lang === 'zh-hant' ? toTraditional(text) : text;
}

export function likesFor(rng: Rng, a: Account): number {
  const scale = Math.max(1, Math.sqrt(a.baseFollowers + 1) / 4);
  return Math.floor(rng.logNormal(9 * scale, 1.5));
}

export function clientFor(rng: Rng, a: Account): string {
  if (rng.chance(0.04)) return 'web';
  return appClient(a.persona.platform);
}

/** One everyday note by this person at a human moment in [lo, hi]. */
export function postEveryday(world: CohortWorld, rng: Rng, a: Account, lo: number, hi: number, topic?: Topic): Note {
  const t = topic ?? rng.pick(a.persona.topics);
  const w = everydayNote(rng, t, a.persona.city, a.persona.lang === 'en');
  let body = localise(w.body, a.persona.lang);
  if (a.persona.lang === 'mixed') body += rng.pick([' so good', ' vibe拉满', ' 真的 love it', ' anyway', ' 好chill', ' OMG']);
  return world.post(a, {
    createdMs: humanMoment(rng, lo, hi, 1.6),
    title: localise(w.title, a.persona.lang),
    body,
    tags: w.tags,
    topic: t,
    client: clientFor(rng, a),
    likeCount: likesFor(rng, a),
  });
}

/** A person's own notes over the life of the account, with the odd deletion or hidden note. */
export function liveEverydayLife(world: CohortWorld, rng: Rng, a: Account, count = humanNoteCount(rng)): void {
  const lo = a.createdMs + HOUR;
  const hi = world.takenMs - HOUR;
  for (let i = 0; i < count; i++) {
    const n = postEveryday(world, rng, a, lo, hi);
    if (rng.chance(0.015)) world.remove(n, 'deleted', n.createdMs + rng.exponential(40 * DAY));
    else if (rng.chance(0.01)) world.remove(n, 'hidden', n.createdMs + rng.exponential(60 * DAY));
  }
}
