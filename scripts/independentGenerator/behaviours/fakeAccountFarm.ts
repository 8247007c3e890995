/**
 * Fake-account farms: an operator registers accounts in bursts from a handful of
 * handsets or emulators behind a few proxy addresses, often with a registration
 * tool, names them from one template, has them follow one another and buys the
 * lead accounts a thousand followers. The batch is then put to work: left to
 * sleep, used to take paid orders, used as a comment crew, or used to bulk-post.
 */
import { DAY, HOUR, MINUTE, humanMoment } from '../clock.ts';
import type { Account } from '../model.ts';
import { deviceId, inSubnet, residentialIp, v4Subnet } from '../network.ts';
import type { Rng } from '../prng.ts';
import { makeBrief, partnerNote } from '../text/promoBriefs.ts';
import { batchBio, batchNameTemplate } from '../text/nicknames.ts';
import type { CohortWorld } from '../world.ts';
import { bulkClient, bulkPost, copyOthers } from './homogeneousMatrix.ts';
import { makePersona } from './people.ts';
import { crewClient, hijackCohortNotes, type Crew } from './waterArmyRing.ts';

const REG_TOOLS = ['RegMaster 2.1', '飞鸽注册助手', 'XHS-AutoSignup/1.4', '批量号工具Pro', 'AccountBox', '秒注v3', '云号宝'];
const WARM_UP = ['好看', '支持', '赞👍', '不错', '学习了', '真好', '喜欢', '路过', '💯', '冲'];

export function fakeAccountFarm(world: CohortWorld, rng: Rng, size: number): Account[] {
  const viaTool = rng.chance(0.6);
  const tool = rng.pick(REG_TOOLS);
  const net = rng.pickWeighted(['few-ips', 'proxy-subnet', 'rotating-proxy'], [40, 35, 25]);
  const nDevices = Math.max(1, Math.round(size / rng.int(4, 14)));
  const devices = Array.from({ length: nDevices }, () => deviceId(rng, 'android'));
  const subnet = v4Subnet(rng);
  const ips = Array.from({ length: rng.int(1, 4) }, () => `${subnet}.${rng.int(2, 253)}`);
  const { template, kind: nameKind } = batchNameTemplate(rng);
  const purpose = rng.pickWeighted(['sleeper', 'paid-orders', 'crew', 'bulk-posting'], [40, 20, 22, 18]);

  // Registration bursts: accounts minutes apart, at any hour.
  const bursts = rng.int(1, 3);
  const burstStarts = Array.from({ length: bursts }, () => world.takenMs - rng.int(25, 540) * DAY + rng.int(0, 23) * HOUR);
  const farm: Account[] = [];
  const sharedBio = batchBio(rng);
  for (let i = 0; i < size; i++) {
    const b = i % bursts;
    burstStarts[b] += rng.int(15, 420) * 1000;
    const regDevice = devices[rng.int(0, nDevices - 1)];
    const regIp = net === 'few-ips' ? rng.pick(ips) : net === 'proxy-subnet' ? inSubnet(rng, subnet) : residentialIp(rng);
    const persona = makePersona(rng, { platform: 'android', social: false, commentRate: 0, followRate: 0, replies: false, lang: 'zh' });
    const a = world.addAccount({
      createdMs: burstStarts[b],
      nickname: template(rng, i),
      bio: rng.chance(0.45) ? sharedBio : undefined,
      regIp,
      regDevice,
      regClient: viaTool ? tool : 'app-android',
      devices: rng.chance(0.3) ? [regDevice, rng.pick(devices)].filter((d, k, arr) => arr.indexOf(d) === k) : [regDevice],
      persona,
      baseFollowers: rng.int(0, 25),
      baseFollowing: rng.int(30, 400),
      pull: 0.3,
    });
    world.mark(a, 'fake-account', viaTool ? 'registration-tool' : 'app-registration', net, `names:${nameKind}`, purpose);
    farm.push(a);
  }

  // Brushed follows among the batch, in one sitting per account.
  for (const a of farm) {
    const session = a.createdMs + rng.int(1, 20) * DAY;
    const mates = rng.sample(farm, Math.min(farm.length - 1, rng.int(5, 25)));
    let t = session;
    for (const m of mates) {
      t += rng.int(3, 90) * 1000;
      world.follow(a, m, t);
    }
  }
  // Lead accounts get a bought thousand followers in one or two steps.
  const leads = purpose === 'paid-orders' ? farm : rng.sample(farm, Math.max(1, Math.floor(farm.length * 0.2)));
  for (const a of leads) {
    const steps = [];
    const k = rng.int(1, 2);
    for (let s = 0; s < k; s++) {
      const at = humanMoment(rng, Math.max(a.createdMs + 3 * DAY, world.takenMs - 28 * DAY), world.takenMs - 2 * DAY);
      const amount = rng.int(450, 900);
      steps.push({ atMs: at, amount });
      a.baseFollowers += amount;
    }
    a.curve = { kind: 'brushed', steps: steps.sort((p, q) => p.atMs - q.atMs) };
    a.truth.variants.push('bought-followers');
  }

  // Warming up: bland comments dropped by the operator in short sittings.
  world.later(() => {
    const members = new Set(farm);
    const sittings = rng.int(1, 4);
    for (let s = 0; s < sittings; s++) {
      let t = humanMoment(rng, world.takenMs - 60 * DAY, world.takenMs - HOUR);
      for (const a of rng.sample(farm, Math.ceil(farm.length * rng.float(0.2, 0.6)))) {
        const n = world.someNotes(rng, 1, (x) => x.goneMs === undefined && !members.has(x.author))[0];
        if (!n) continue;
        t += rng.int(5, 60) * 1000;
        world.comment(a, n, Math.max(t, n.createdMs + MINUTE), rng.pick(WARM_UP), { client: viaTool && rng.chance(0.5) ? tool : 'app-android' });
      }
    }
  });

  const postClient = () => (viaTool && rng.chance(0.3) ? tool : 'app-android');
  if (purpose === 'sleeper' || purpose === 'paid-orders') {
    copyOthers(world, rng, farm, postClient, [0, 3]);
  }
  if (purpose === 'paid-orders') {
    const brand = world.env.brands.fresh();
    const brief = makeBrief(rng, brand.name);
    for (const a of farm) {
      if (!rng.chance(0.7)) continue;
      const w = partnerNote(rng, brief, false);
      world.post(a, {
        createdMs: humanMoment(rng, world.takenMs - 25 * DAY, world.takenMs - HOUR),
        ...w,
        client: 'app-android',
        brandIds: [brand.id],
        sponsoredVia: 'partner-platform',
        likeCount: Math.floor(rng.logNormal(30, 1)),
      });
    }
  }
  if (purpose === 'crew') {
    for (const a of farm) world.mark(a, 'water-army', 'farm-crew');
    const crew: Crew = { members: farm, brand: world.env.brands.fresh(), client: crewClient(rng), trad: false };
    hijackCohortNotes(world, rng, crew, rng.int(4, 14));
  }
  if (purpose === 'bulk-posting') {
    for (const a of farm) world.mark(a, 'homogeneous-content', 'farm-bulk');
    bulkPost(world, rng, farm, bulkClient(rng), [12, 40]);
  }
  return farm;
}
