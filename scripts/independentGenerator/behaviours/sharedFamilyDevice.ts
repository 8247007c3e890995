/**
 * A household: several people registered on the family tablet over the years, all
 * on the home broadband, each also using their own phone. Clean.
 */
import { DAY, HOUR, humanMoment } from '../clock.ts';
import { deviceId, residentialIp } from '../network.ts';
import type { Rng } from '../prng.ts';
import { everydayComment } from '../text/everydayLife.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, humanAge, liveEverydayLife, localise } from './people.ts';

export function sharedFamilyDevice(world: CohortWorld, rng: Rng, size: number): void {
  const tablet = deviceId(rng, rng.chance(0.7) ? 'ios' : 'android');
  const homeIp = residentialIp(rng);
  const first = world.takenMs - humanAge(rng) - 30 * DAY;
  const members = [];
  for (let i = 0; i < size; i++) {
    const createdMs =
      i > 0 && rng.chance(0.25) ? members[0].createdMs + rng.int(5, 300) * 60_000 : humanMoment(rng, first, world.takenMs - 3 * DAY);
    const onTablet = i === 0 || rng.chance(0.75);
    const own = deviceId(rng, rng.chance(0.5) ? 'ios' : 'android');
    const a = addPerson(world, rng, {
      createdMs,
      regDevice: onTablet ? tablet : own,
      regIp: rng.chance(0.85) ? homeIp : undefined,
      extraDevices: onTablet ? [own] : [tablet],
    });
    if (!a.devices.includes(tablet)) a.devices.push(tablet);
    world.hardNegative(a, 'shared-family-device');
    liveEverydayLife(world, rng, a);
    members.push(a);
  }
  for (const a of members) {
    for (const b of members) {
      if (a !== b && rng.chance(0.6)) world.follow(a, b, humanMoment(rng, Math.max(a.createdMs, b.createdMs), world.takenMs - HOUR));
    }
  }
  for (const a of members) {
    for (const b of members) {
      if (a === b) continue;
      for (const n of b.notes) {
        if (rng.chance(0.3)) {
          const text = rng.chance(0.4) ? rng.pick(['宝贝真棒', '拍得好', '什么时候去的', '回家吃饭', '妈妈也想去', '哈哈哈哈哈', '👍👍']) : everydayComment(rng, n.topic);
          world.comment(a, n, n.createdMs + rng.logNormal(3 * HOUR, 1.2), localise(text, a.persona.lang), { client: 'app-ios' });
        }
      }
    }
  }
}
