/**
 * fake-account: accounts registered in bulk. Variants:
 *  - shared-device-farm: dozens of accounts registered within minutes on a handful of devices;
 *  - network-burst-farm: each account its own device id, all from one cloud/proxy /24, in a burst;
 *  - follower-brushing: a cluster registered over hours that follows itself and its customers, so their
 *    followers come from the cluster and their follower history jumps.
 * Farms share templated nicknames and often a bot client; their accounts are later recruited as water army,
 * template posters or fake UGC (keeping the fake-account code).
 */
import type { AccountDraft, Cohort, GenEnv } from './cohort.ts';
import { androidDeviceId, cloudNetwork, deviceIdFor, hostIn, iosDeviceId, mobileNetwork, ordinaryIp } from './network.ts';
import { organicAudience } from './organicAccounts.ts';
import { defaultNickname, pickTopic } from './organicText.ts';
import { BOT_CLIENTS, silence, type PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, SECOND, humanMoment, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

const NICK_PREFIXES = [
  '甜心宝贝',
  '柠檬精',
  '小仙女',
  '快乐星球',
  '追光少女',
  '元气满满',
  '奶茶不加糖',
  '晚风',
  '橘子汽水',
  '星河',
  '温柔本柔',
  '可爱多',
  '喵喵酱',
  '好运连连',
  '小鹿乱撞',
  '清风徐来',
];
const NICK_EN = ['lucky_', 'sweet', 'user', 'girl', 'daily_', 'sunny'];
const FARM_BIOS = ['分享美好生活', '热爱生活热爱美', '记录每一天', '一起变美呀', '每天都要开心', ''];

/** A nickname factory for one farm: the operator's template with a sequence or random digits. */
export function nicknameTemplate(rng: Rng): (i: number) => string {
  const style = rng.int(0, 5);
  const prefix = rng.pick(NICK_PREFIXES);
  const start = rng.int(1, 80);
  const width = rng.int(2, 4);
  switch (style) {
    case 0:
      return (i) => `${prefix}${String(start + i).padStart(width, '0')}`;
    case 1:
      return () => `${prefix}${rng.chars('0123456789', 4)}`;
    case 2:
      return () => defaultNickname(rng);
    case 3: {
      const en = rng.pick(NICK_EN);
      return () => `${en}${rng.chars('0123456789', rng.int(4, 6))}`;
    }
    case 4: {
      const e = rng.pick(['🌸', '✨', '🍓', '🌙', '🎀']);
      return (i) => `${prefix}${e}${start + i}`;
    }
    default: {
      const tail = rng.pick(['', '呀', '酱', '同学']);
      return () => `${prefix}${rng.pick(['a', 'b', 'c', 'x', 'y'])}${rng.int(10, 999)}${tail}`;
    }
  }
}

function farmClient(rng: Rng): string {
  return rng.chance(0.6) ? rng.pick(BOT_CLIENTS) : rng.pick(['app-android', 'app-android', 'web', 'app-ios']);
}

/** Common farm account traits: brand new, few followers, template name, barely any own content. */
function farmProfile(rng: Rng, acc: AccountDraft, createdAt: number, nick: string, bio: string | undefined): void {
  acc.createdAt = createdAt;
  acc.nickname = nick;
  acc.bio = bio;
  acc.nicknameHistory = undefined;
  acc.lang = 'hans';
  acc.topic = pickTopic(rng);
  acc.followerCount = rng.int(0, 18);
  acc.followingCount = rng.int(15, 260);
  acc.followerCurve = { growth: 0 };
  acc.organicNotes = rng.chance(0.5) ? 0 : rng.int(1, 2);
  acc.activity = 0.05;
}

/** Registration times: a burst of one account every few seconds to a couple of minutes, sometimes in two sittings. */
function burstTimes(rng: Rng, env: GenEnv, n: number): number[] {
  const takenAt = env.takenAt;
  let t = wholeSecond(takenAt - rng.float(3, 240) * DAY);
  const out: number[] = [];
  const pace = rng.int(8, 75);
  let split = rng.chance(0.3) ? rng.int(Math.floor(n / 3), Math.floor((2 * n) / 3)) : -1;
  // An arriving farm registers in one sitting after `from`, and is done (≤ 130 s per account) an hour before takenAt.
  const arrivals = env.farmArrivals;
  if (arrivals && rng.chance(arrivals.share)) {
    const latest = takenAt - HOUR - n * 130 * SECOND;
    t = wholeSecond(latest > arrivals.from ? arrivals.from + rng.next() * (latest - arrivals.from) : arrivals.from) + SECOND;
    split = -1;
  }
  for (let i = 0; i < n; i++) {
    if (i === split) t += rng.float(0.5, 2) * DAY;
    t += Math.round(rng.float(0.4, 1.6) * pace) * SECOND;
    out.push(t);
  }
  return out;
}

/** After registering, farm accounts follow the same few accounts within minutes of each other. */
function coordinatedFollows(cohort: Cohort, rng: Rng, members: AccountDraft[]): void {
  const inFarm = new Set(members);
  const targets = rng.sampleWhere(cohort.accounts, rng.int(1, 4), (a) => !inFarm.has(a) && organicAudience(a) > 500);
  for (const target of targets) {
    const t0 = wholeSecond(humanMoment(rng, Math.max(...members.map((m) => m.createdAt), target.createdAt) + HOUR, cohort.takenAt - HOUR));
    for (const m of members) if (rng.chance(0.7)) cohort.addFollow(m, target, t0 + rng.int(0, 15 * 60) * SECOND);
  }
}

export function shapeSharedDeviceFarm(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = cohort.takeFree(plan.size);
  if (!members.length) return {};
  const times = burstTimes(rng, cohort.env, members.length);
  const devices = Array.from({ length: Math.max(2, Math.round(members.length / rng.int(5, 12))) }, () => androidDeviceId(rng));
  const sameNet = rng.chance(0.5) ? (rng.chance(0.5) ? cloudNetwork(rng) : mobileNetwork(rng)) : undefined;
  const client = farmClient(rng);
  const nick = nicknameTemplate(rng);
  const bio = rng.chance(0.5) ? rng.pick(FARM_BIOS) : undefined;
  members.forEach((acc, i) => {
    farmProfile(rng, acc, times[i], nick(i), bio);
    const device = devices[rng.chance(0.8) ? i % devices.length : rng.int(0, devices.length - 1)];
    acc.registration = { ip: sameNet ? hostIn(rng, sameNet) : ordinaryIp(rng), deviceId: device, client };
    acc.client = client.startsWith('app-') || client === 'web' ? client : 'app-android';
    acc.devices = rng.chance(0.3) ? [device, rng.pick(devices)].filter((d, j, a) => a.indexOf(d) === j) : [device];
    cohort.label(acc, 'fake-account/shared-device-farm');
    cohort.farmPool.push(acc);
  });
  return { act: () => coordinatedFollows(cohort, rng, members) };
}

export function shapeNetworkBurstFarm(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = cohort.takeFree(plan.size);
  if (!members.length) return {};
  const times = burstTimes(rng, cohort.env, members.length);
  const net = rng.chance(0.7) ? cloudNetwork(rng) : mobileNetwork(rng);
  const client = farmClient(rng);
  const nick = nicknameTemplate(rng);
  const bio = rng.chance(0.4) ? rng.pick(FARM_BIOS) : undefined;
  members.forEach((acc, i) => {
    farmProfile(rng, acc, times[i], nick(i), bio);
    const c = client.startsWith('app-') || client === 'web' ? client : rng.pick(['app-android', 'app-ios']);
    const device = deviceIdFor(rng, c);
    acc.registration = { ip: hostIn(rng, net), deviceId: device, client };
    acc.client = c;
    acc.devices = [device];
    cohort.label(acc, 'fake-account/network-burst-farm');
    cohort.farmPool.push(acc);
  });
  return { act: () => coordinatedFollows(cohort, rng, members) };
}

/**
 * A brushing cluster: registered over hours with ordinary-looking clients, then on a few days all members
 * follow each other and the cluster's customers within minutes. Customers are accounts being farmed for
 * resale (see accountTransformation); they carry the variant too, since their followers were brushed.
 */
export function shapeFollowerBrushing(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  const members = cohort.takeFree(plan.size);
  if (!members.length) return {};
  const start = cohort.takenAt - rng.float(35, 200) * DAY;
  const nets = [mobileNetwork(rng), mobileNetwork(rng), cloudNetwork(rng)];
  const nick = nicknameTemplate(rng);
  members.forEach((acc, i) => {
    const client = rng.pick(['app-android', 'app-ios', 'app-android']);
    farmProfile(rng, acc, wholeSecond(start + rng.float(0, 30) * HOUR), nick(i), rng.chance(0.5) ? rng.pick(FARM_BIOS) : undefined);
    const device = client === 'app-ios' ? iosDeviceId(rng) : androidDeviceId(rng);
    acc.registration = { ip: hostIn(rng, rng.pick(nets)), deviceId: device, client };
    acc.client = client;
    acc.devices = [device];
    acc.followingCount = rng.int(members.length, members.length + 400);
    cohort.label(acc, 'fake-account/follower-brushing');
    cohort.farmPool.push(acc);
  });
  return {
    act: () => {
      const customers = cohort.brushingCustomers.slice();
      const jumpDays = rng.sample([3, 5, 8, 10, 12, 14, 17, 19], rng.int(1, 3)).sort((a, b) => a - b);
      const lastDay = Math.floor(cohort.takenAt / DAY) * DAY;
      const targets = [...members, ...customers];
      for (const target of targets) {
        const jumps = jumpDays.map((day) => ({ day, add: rng.int(150, 1800) }));
        const brushed = jumps.reduce((s, j) => s + j.add, 0);
        target.followerCount += brushed;
        target.followerCurve = { ...(target.followerCurve ?? { growth: 0 }), jumps: [...(target.followerCurve?.jumps ?? []), ...jumps] };
        if (target.accountType === 'personal' && !members.includes(target)) cohort.label(target, 'fake-account/follower-brushing');
      }
      // The follows the snapshot can see: on jump days, members follow each other and the customers within minutes.
      for (const day of jumpDays) {
        const t0 = lastDay - (29 - day) * DAY - rng.float(2, 20) * HOUR;
        for (const target of targets) {
          for (const m of members) {
            if (m === target || m.createdAt >= t0 || !rng.chance(0.8)) continue;
            cohort.addFollow(m, target, wholeSecond(t0 + rng.float(0, 40) * MINUTE));
          }
        }
      }
      for (const m of members) silence(m);
    },
  };
}
