/**
 * Account transformation: an account farmed for months on cheap secondary content
 * until it has followers, then — within an evening — its history is deleted or
 * hidden, its name and bio are changed, and it starts advertising; often it has
 * been sold and is now used from someone else's phone.
 */
import { DAY, daysAgo, HOUR, humanMoment, humanMomentOnDay, localDayStart, minutes } from '../clock.ts';
import type { Account } from '../model.ts';
import { deviceId } from '../network.ts';
import type { Rng } from '../prng.ts';
import { bulkBase, nearCopy } from '../text/bulkTemplates.ts';
import { contactBio, contactLine, makeContact } from '../text/contactObfuscation.ts';
import { makeBrief } from '../text/promoBriefs.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson } from './people.ts';

const SHOP_NAMES = ['{b}好物铺', '{c}医美顾问小雅', '资料分享站', '{b}严选', '宝妈副业日记', '{c}探店达人', '好物种草机', '{b}小店'];
const AD_BIOS = ['好物推荐｜{b}', '专注{p}十年', '新店开业，关注有福利', '合作请私信'];

export function accountTransformation(world: CohortWorld, rng: Rng, size: number): void {
  const resold = rng.chance(0.6);
  const buyerPhone = deviceId(rng, rng.chance(0.5) ? 'ios' : 'android');
  const switchDay = localDayStart(world.takenMs - rng.int(4, 70) * DAY);
  const brand = world.env.brands.fresh();
  const brief = makeBrief(rng, brand.name);
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, {
      createdMs: daysAgo(rng, world.takenMs, 240, 900),
      platform: 'android',
      persona: { social: false, commentRate: 0, replies: false },
      baseFollowers: Math.floor(rng.logNormal(4000, 1)),
      pull: 2,
    });
    const bulk = rng.chance(0.4);
    world.mark(a, 'account-transformation', resold ? 'resold' : 'same-owner');
    if (bulk) world.mark(a, 'homogeneous-content', 'farming-phase-bulk');
    const farmedUntil = switchDay - rng.int(1, 20) * DAY;
    const total = bulk ? rng.int(25, 60) : rng.int(8, 24);
    const base = bulkBase(rng);
    const farmed = [];
    for (let j = 0; j < total; j++) {
      const w = bulk ? nearCopy(rng, base, j + 1) : nearCopy(rng, bulkBase(rng), rng.int(1, 300));
      const lo = a.createdMs + 3 * DAY;
      const t = bulk ? humanMomentOnDay(rng, localDayStart(lo + rng.next() * (farmedUntil - lo))) : humanMoment(rng, lo, farmedUntil);
      farmed.push(world.post(a, { createdMs: t, ...w, client: 'app-android', likeCount: Math.floor(rng.logNormal(300, 1.1)) }));
    }
    // The switch: one sitting of deletions / hiding, then the new identity.
    let t = switchDay + rng.int(10, 23) * HOUR + minutes(rng, 0, 59);
    const how = rng.chance(0.6) ? 'deleted' : 'hidden';
    const share = rng.float(0.7, 1);
    for (const n of farmed) {
      if (!rng.chance(share)) continue;
      t += rng.int(5, 90) * 1000;
      world.remove(n, rng.chance(0.85) ? how : how === 'deleted' ? 'hidden' : 'deleted', t);
    }
    a.history.push({ nickname: a.nickname, changedMs: t + minutes(rng, 1, 30) });
    a.nickname = rng.pick(SHOP_NAMES).replace('{b}', brand.name).replace('{c}', a.persona.city);
    const diverts = !bulk && rng.chance(0.4);
    const contact = makeContact(rng);
    const blurb = rng.pick(AD_BIOS).replace('{b}', brand.name).replace('{p}', brief.product);
    a.bio = diverts ? contactBio(rng, contact, blurb) : blurb;
    if (diverts) world.mark(a, 'traffic-diversion', 'after-transformation', 'bio');
    a.curve = { kind: 'plateau', atMs: switchDay };
    if (resold) a.devices = rng.chance(0.7) ? [buyerPhone] : [buyerPhone, deviceId(rng, 'ios')];
    const ads = rng.int(2, 10);
    const adClient = resold ? (a.devices[0] === buyerPhone && buyerPhone.includes('-') ? 'app-ios' : 'app-android') : 'app-android';
    for (let j = 0; j < ads; j++) {
      const lines = [
        rng.pick([`${brief.product}上新啦`, `回馈粉丝，${brief.product}特价`, `最近在用的${brief.product}`, `${brand.name}${brief.product}，姐妹们冲`]),
        ...brief.points,
        `${rng.pick(['活动价', '到手', '粉丝价'])}${brief.price}`,
        diverts ? contactLine(rng, contact) : rng.pick(['点主页店铺', '评论区见', '有需要的扣1']),
      ];
      world.post(a, {
        createdMs: humanMoment(rng, switchDay + DAY, world.takenMs - HOUR),
        title: rng.pick([`${brief.product}分享`, `被问爆的${brief.product}`, `粉丝福利｜${brief.product}`]),
        body: lines.join('\n'),
        tags: [brief.product],
        client: adClient,
        likeCount: Math.floor(rng.logNormal(25, 1)),
      });
    }
  }
}

