/**
 * Traffic diversion: micro-sellers, photo studios, part-time-job recruiters,
 * "free study material" pushers and local services steering people to WeChat, QQ,
 * a phone number or an outside link — in the bio, at the end of notes, in replies
 * to their own commenters, and by poaching in other people's comment sections —
 * always disguised.
 */
import { DAY, daysAgo, HOUR, humanMoment, MINUTE } from '../clock.ts';
import type { Account } from '../model.ts';
import type { Rng } from '../prng.ts';
import { contactBio, contactLine, makeContact, pointerLine, type Contact } from '../text/contactObfuscation.ts';
import type { Topic } from '../text/everydayLife.ts';
import { toTraditional } from '../text/traditional.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, clientFor, liveEverydayLife } from './people.ts';

interface Trade {
  kind: string;
  blurb: string[];
  titles: string[];
  lines: string[];
  pitch: string[];
  hunts: Topic[];
}

const TRADES: Trade[] = [
  { kind: 'micro-seller', blurb: ['正品代购', '源头工厂', '一件代发', '护肤品批发'], titles: ['今日到货｜{x}', '{x}补货了', '姐妹们要的{x}来了', '{x}清仓价'], lines: ['专柜同款，价格是专柜一半', '量大从优', '支持验货', '有需要的直接找我'], pitch: ['同款我这有，便宜一半', '姐妹要的话找我', '我家有货，比这个划算'], hunts: ['beauty', 'outfit'] },
  { kind: 'photo-studio', blurb: ['旅拍摄影', '写真约拍', '{city}跟拍'], titles: ['{city}旅拍｜客片分享', '约拍返图', '来{city}一定要拍一组'], lines: ['含妆造服装', '档期不多了', '可以出片', '具体报价私聊'], pitch: ['宝子来{city}拍照可以找我', '拍得好好看，下次来可以约我拍', '我们在{city}做旅拍的，可以了解下'], hunts: ['travel', 'photo'] },
  { kind: 'part-time-job', blurb: ['宝妈副业', '在家可做', '日结兼职'], titles: ['宝妈在家也能赚钱', '下班后的兼职，日结', '学生党暑假兼职'], lines: ['手机就能做', '不收任何费用', '每天一两个小时', '名额有限'], pitch: ['想找兼职的可以来', '在家做的兼职了解一下', '有想赚零花钱的吗'], hunts: ['study', 'parenting'] },
  { kind: 'study-material', blurb: ['考研资料', '网课资源', '资料分享'], titles: ['{x}全套资料免费领', '整理了一份{x}资料', '上岸学姐的{x}笔记'], lines: ['全部免费', '需要的留言', '资料太大发不了这里', '先到先得'], pitch: ['我这有全套资料，需要的话找我', '同备考，资料可以分享', '我整理了笔记，可以发你'], hunts: ['study'] },
  { kind: 'local-service', blurb: ['{city}同城', '上门服务', '装修设计'], titles: ['{city}装修避坑', '{city}同城搬家', '家电清洗上门'], lines: ['价格透明', '同城当天上门', '免费出方案', '报价私聊'], pitch: ['我们就在{city}，可以上门看看', '需要的话可以联系我们', '同城可以免费量房'], hunts: ['home'] },
];
const GOODS = ['大牌小样', '面膜', '防晒', '包包', '考研英语', '公务员', '四六级', '教资'];

function fillTrade(rng: Rng, s: string, city: string): string {
  return s.replace('{city}', city).replace('{x}', rng.pick(GOODS));
}

export function trafficDiversion(world: CohortWorld, rng: Rng, size: number): void {
  const trade = rng.pick(TRADES);
  const sharedContact = makeContact(rng);
  const trad = rng.chance(0.12);
  const accounts: Account[] = [];
  for (let i = 0; i < size; i++) {
    const a = addPerson(world, rng, { persona: { social: rng.chance(0.5), topics: trade.hunts, lang: trad ? 'zh-hant' : 'zh' }, createdMs: daysAgo(rng, world.takenMs, 20, 900) });
    const contact: Contact = rng.chance(0.6) ? sharedContact : makeContact(rng);
    const channels: string[] = [];
    const city = a.persona.city;
    if (rng.chance(0.55)) {
      a.bio = contactBio(rng, contact, fillTrade(rng, rng.pick(trade.blurb), city), { traditional: trad });
      channels.push('bio');
    } else if (rng.chance(0.4)) {
      a.bio = fillTrade(rng, rng.pick(trade.blurb), city) + rng.pick(['｜看置顶', ' 主页有惊喜', '']);
    }
    if (rng.chance(0.3)) liveEverydayLife(world, rng, a, rng.int(1, 4));
    const k = rng.int(2, 12);
    let inNotes = false;
    for (let j = 0; j < k; j++) {
      const body = [...rng.sample(trade.lines, rng.int(2, 3)).map((l) => fillTrade(rng, l, city))];
      if (rng.chance(0.6)) {
        body.push(contactLine(rng, contact, { traditional: trad }));
        inNotes = true;
      } else body.push(pointerLine(rng, trad));
      const title = fillTrade(rng, rng.pick(trade.titles), city);
      world.post(a, {
        createdMs: humanMoment(rng, Math.max(a.createdMs + HOUR, world.takenMs - 180 * DAY), world.takenMs - HOUR),
        title: trad ? toTraditional(title) : title,
        body: trad ? toTraditional(body.join('\n')) : body.join(rng.pick(['\n', '，'])),
        topic: trade.hunts[0],
        client: clientFor(rng, a),
        likeCount: Math.floor(rng.logNormal(12, 1.2)),
      });
    }
    if (inNotes) channels.push('note');
    const poach = rng.chance(0.6);
    if (poach) channels.push('comment-poaching');
    const replies = rng.chance(0.7);
    if (replies) channels.push('reply');
    world.mark(a, 'traffic-diversion', trade.kind, ...channels);
    accounts.push(a);

    if (poach) {
      world.later(() => {
        const m = rng.int(4, 30);
        let pool = world.someNotes(rng, m, (n) => n.author !== a && n.goneMs === undefined && n.createdMs > a.createdMs && n.topic !== undefined && trade.hunts.includes(n.topic));
        if (!pool.length) pool = world.someNotes(rng, m, (n) => n.author !== a);
        for (const n of pool) {
          let text = fillTrade(rng, rng.pick(trade.pitch), city);
          text += rng.pick(['，', ' ', '～']) + (rng.chance(0.55) ? contactLine(rng, contact, { traditional: trad }) : pointerLine(rng, trad));
          world.comment(a, n, n.createdMs + rng.logNormal(2 * HOUR, 1.5), trad ? toTraditional(text) : text, { client: clientFor(rng, a) });
        }
      });
    }
    if (replies) {
      world.atEnd(() => {
        for (const note of a.notes) {
          for (const c of world.commentsOn(note.id).slice()) {
            if (c.authorId === a.id || c.replyTo || !rng.chance(0.7)) continue;
            const text = rng.chance(0.5) ? contactLine(rng, contact, { traditional: trad }) : pointerLine(rng, trad);
            world.comment(a, note, c.createdMs + rng.logNormal(20 * MINUTE, 1.2), text, { replyTo: c, client: clientFor(rng, a) });
          }
        }
      });
    }
  }
}
