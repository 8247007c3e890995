/**
 * A group of classmates: many joined in the same freshman week from the campus
 * network, all follow one another and comment on each other's posts, fast and
 * often. Looks like a ring; is a friendship. Clean.
 */
import { DAY, HOUR, MINUTE, humanMoment, localDayStart } from '../clock.ts';
import type { Account } from '../model.ts';
import { carrierNatIp } from '../network.ts';
import type { Rng } from '../prng.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife, localise, postEveryday } from './people.ts';

const BANTER = ['哈哈哈哈这不是我吗', '姐妹好美', '带我带我', '下次叫上我', '这张我拍的！', '笑死我了', '宿舍之光', '明天食堂见', '作业写完了吗', '好啊你们背着我去吃', '我的照片呢？？', '绝美', '冲冲冲', '图书馆占座谢谢', '这个角度绝了', '我要原图'];

export function campusFriends(world: CohortWorld, rng: Rng, size: number): void {
  const yearsAgo = rng.int(0, 3);
  const sept = world.takenMs - (yearsAgo * 365 + rng.int(60, 80)) * DAY;
  const campusIp = carrierNatIp(rng, 50_000 + rng.int(0, 9999));
  const group: Account[] = [];
  for (let i = 0; i < size; i++) {
    const freshman = rng.chance(0.6);
    const createdMs = freshman ? localDayStart(sept + rng.int(0, 9) * DAY) + rng.int(9 * 60, 23 * 60) * MINUTE + rng.int(0, 59) * 1000 : undefined;
    const a = addPerson(world, rng, {
      createdMs: createdMs !== undefined ? Math.min(createdMs, world.takenMs - 2 * DAY) : undefined,
      regIp: freshman && rng.chance(0.8) ? campusIp : undefined,
      persona: { topics: rng.sample(['study', 'food', 'photo', 'outfit', 'travel'] as const, 2), commentRate: 3 },
    });
    world.hardNegative(a, 'campus-friends');
    liveEverydayLife(world, rng, a, rng.int(1, 10));
    group.push(a);
  }
  for (const a of group) {
    for (const b of group) {
      if (a !== b && rng.chance(0.92)) world.follow(a, b, humanMoment(rng, Math.max(a.createdMs, b.createdMs), Math.max(a.createdMs, b.createdMs) + 20 * DAY));
    }
  }
  // Group outings produce a cluster of posts on one day.
  const outings = rng.int(1, 4);
  for (let k = 0; k < outings; k++) {
    const day = localDayStart(world.takenMs - rng.int(5, 300) * DAY);
    for (const a of rng.sample(group, rng.int(2, Math.max(2, Math.ceil(group.length / 2))))) {
      if (a.createdMs < day) postEveryday(world, rng, a, day + 12 * HOUR, day + 23 * HOUR, rng.pick(['food', 'photo', 'travel']));
    }
  }
  for (const a of group) {
    for (const b of group) {
      if (a === b) continue;
      for (const n of b.notes) {
        if (!rng.chance(0.45)) continue;
        const text = localise(rng.pick(BANTER), a.persona.lang);
        const c = world.comment(a, n, n.createdMs + rng.logNormal(40 * MINUTE, 1.4), text, { client: a.persona.platform === 'ios' ? 'app-ios' : 'app-android' });
        if (c && rng.chance(0.35)) world.comment(b, n, c.createdMs + rng.logNormal(15 * MINUTE, 1.2), localise(rng.pick(BANTER), b.persona.lang), { replyTo: c });
      }
    }
  }
}
