/**
 * Homogeneous content: one operator runs a matrix of accounts that bulk-post
 * near-copies of the same cheap material (tarot, game clips, show edits, coupons,
 * wallpapers, copywriting) in dense batches, or re-post other people's notes with
 * token edits.
 */
import { DAY, HOUR, humanMomentOnDay, localDayStart, minutes } from '../clock.ts';
import type { Account } from '../model.ts';
import { deviceId, inSubnet, v4Subnet } from '../network.ts';
import type { Rng } from '../prng.ts';
import { bulkBase, nearCopy } from '../text/bulkTemplates.ts';
import { EMOJI } from '../text/fill.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson } from './people.ts';

const MATRIX_TOOLS = ['矩阵通', '多号管家', 'BatchPoster'];

export function bulkClient(rng: Rng): (a: Account) => string {
  const tool = rng.chance(0.25) ? rng.pick(MATRIX_TOOLS) : undefined;
  const web = rng.chance(0.2);
  return (a) => tool ?? (web ? 'web' : a.persona.platform === 'ios' ? 'app-ios' : 'app-android');
}

/** Posts batches of near-copies of one base text from each account. */
export function bulkPost(world: CohortWorld, rng: Rng, accounts: Account[], client: (a: Account) => string, perAccount: [number, number] = [20, 70]): void {
  const base = bulkBase(rng);
  let seq = rng.int(1, 40);
  for (const a of accounts) {
    const total = rng.int(perAccount[0], perAccount[1]);
    let posted = 0;
    const lo = Math.max(a.createdMs + DAY, world.takenMs - rng.int(40, 200) * DAY);
    while (posted < total) {
      const day = localDayStart(lo + rng.next() * Math.max(DAY, world.takenMs - DAY - lo));
      let t = humanMomentOnDay(rng, day);
      const batch = Math.min(total - posted, rng.int(3, 12));
      for (let i = 0; i < batch; i++) {
        const w = nearCopy(rng, base, seq++);
        world.post(a, { createdMs: t, ...w, client: client(a), likeCount: Math.floor(rng.logNormal(6, 1.3)) });
        t += rng.int(40, 8 * 60) * 1000;
        posted++;
      }
    }
  }
}

/** Re-posts other people's notes from the cohort with token edits. */
export function copyOthers(world: CohortWorld, rng: Rng, accounts: Account[], client: (a: Account) => string, perAccount: [number, number]): void {
  world.later(() => {
    const own = new Set(accounts.map((a) => a.id));
    const top = world.popularNotes().filter((n) => !own.has(n.authorId) && n.body.length > 20);
    if (!top.length) return;
    const picks = rng.sample(top, Math.min(top.length, rng.int(5, 15)));
    for (const a of accounts) {
      const total = rng.int(perAccount[0], perAccount[1]);
      let t = 0;
      for (let i = 0; i < total; i++) {
        const src = rng.pick(picks);
        if (i % 6 === 0 || t === 0) t = humanMomentOnDay(rng, localDayStart(Math.max(src.createdMs, a.createdMs) + rng.int(1, 20) * DAY));
        t += minutes(rng, 1, 10);
        if (t >= world.takenMs - HOUR) t = world.takenMs - rng.int(2, 30) * HOUR - rng.int(0, 3599) * 1000;
        const title = rng.chance(0.5) ? src.title : src.title + rng.pick(EMOJI);
        const body = rng.chance(0.5) ? src.body : `${src.body}${rng.pick(['', '\n', ' '])}${rng.pick(EMOJI)}${rng.pick(['', '转自网络', '侵删', '喜欢就关注'])}`;
        world.post(a, { createdMs: t, title, body, tags: src.tags, topic: src.topic, client: client(a), likeCount: Math.floor(rng.logNormal(5, 1.3)) });
      }
    }
  });
}

export function homogeneousMatrix(world: CohortWorld, rng: Rng, size: number): void {
  const link = rng.pickWeighted(['shared-devices', 'shared-network', 'content-only'], [45, 30, 25]);
  const phones = [deviceId(rng, 'android'), deviceId(rng, 'android')];
  const subnet = v4Subnet(rng);
  const created = world.takenMs - rng.int(60, 500) * DAY;
  const accounts: Account[] = [];
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, {
      createdMs: created + rng.int(0, 40) * DAY + rng.int(0, 86_399) * 1000,
      platform: 'android',
      regDevice: link === 'shared-devices' ? rng.pick(phones) : undefined,
      regIp: link === 'shared-network' ? inSubnet(rng, subnet) : undefined,
      persona: { social: false, commentRate: 0, replies: false },
      baseFollowers: Math.floor(rng.logNormal(300, 1.3)),
    });
    if (link === 'shared-devices') a.devices = rng.sample(phones, rng.int(1, 2));
    world.mark(a, 'homogeneous-content', link);
    accounts.push(a);
  }
  const client = bulkClient(rng);
  if (rng.chance(0.3)) {
    for (const a of accounts) a.truth.variants.push('copies-others');
    copyOthers(world, rng, accounts, client, [12, 40]);
  } else {
    for (const a of accounts) a.truth.variants.push('template-near-copies');
    bulkPost(world, rng, accounts, client);
  }
}
