/**
 * Real fans: they follow one creator closely, turn up minutes after each new post
 * and comment a lot, in their own words and at their own hours. Clean.
 */
import { HOUR, MINUTE, wakeUp } from '../clock.ts';
import type { Account } from '../model.ts';
import type { Rng } from '../prng.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife, localise } from './people.ts';

const FAN = ['沙发！', '来了来了', '每天都在等更新', '太好看了吧我哭', '今天也是爱你的一天', '第一！', '终于更新了', '又是被你治愈的一天', '这期好用心', '啊啊啊啊啊', '一直支持你', '看了三遍', '你是我的快乐源泉', '好喜欢这期', '什么时候出下一期', '蹲到了！', '好想见你', '你的每条我都看'];

export function enthusiasticFans(world: CohortWorld, rng: Rng, size: number): void {
  const fans: Account[] = [];
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { persona: { commentRate: rng.pick([8, 15, 25]) } });
    world.hardNegative(a, 'enthusiastic-fan');
    liveEverydayLife(world, rng, a, rng.int(0, 6));
    fans.push(a);
  }
  world.later(() => {
    const idols = world.accounts.filter((x) => x.notes.length >= 5 && x.truth.codes.size === 0 && !fans.includes(x));
    if (!idols.length) return;
    idols.sort((p, q) => q.pull - p.pull);
    for (const fan of fans) {
      const idol = idols[rng.int(0, Math.min(idols.length, 6) - 1)];
      world.follow(fan, idol, idol.createdMs + rng.int(1, 200) * HOUR);
      for (const n of idol.notes) {
        if (n.createdMs < fan.createdMs || !rng.chance(0.75)) continue;
        const quick = rng.chance(0.5);
        const delay = quick ? rng.logNormal(6 * MINUTE, 0.8) : rng.logNormal(5 * HOUR, 1.2);
        const k = rng.chance(0.25) ? 2 : 1;
        let t = wakeUp(rng, n.createdMs + delay);
        for (let j = 0; j < k; j++) {
          world.comment(fan, n, t, localise(rng.pick(FAN), fan.persona.lang), { client: fan.persona.platform === 'ios' ? 'app-ios' : 'app-android' });
          t += rng.logNormal(20 * MINUTE, 1);
        }
      }
    }
  });
}
