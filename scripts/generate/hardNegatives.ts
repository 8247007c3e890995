/**
 * Hard negatives: ordinary accounts (codes []) that look like a violation to a careless rule.
 * Each gets one `hardNegative` tag in labels.jsonl, so precision can be measured where it is hardest.
 */
import { aiNoteText } from './aiHosted.ts';
import type { AccountDraft, Cohort } from './cohort.ts';
import { promotionNote } from './commercialText.ts';
import { CITIES, EMOJI } from './corpus.ts';
import { fill, pickIn, toTraditional, type Lang, type Slots } from './localize.ts';
import { broadbandNetwork, hostIn } from './network.ts';
import { brandsOf, noteAppeal, postingWindow } from './organicAccounts.ts';
import { genericPraise, organicNickname, organicNote } from './organicText.ts';
import type { PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import type { HardNegative } from './hardNegativeKinds.ts';
import { DAY, HOUR, MINUTE, beijingMidnight, humanMoment, wholeSecond } from './time.ts';

export { HARD_NEGATIVES, type HardNegative } from './hardNegativeKinds.ts';

/** Fraction of a cohort's accounts given each hard negative (groups count every member). */
const RATES: Partial<Record<HardNegative, number>> = {
  'generic-praise': 0.01,
  'family-shared-device': 0.008,
  'shared-campus-network': 0.01,
  'partner-sponsored-creator': 0.005,
  'timer-creator': 0.005,
  'renamed-once': 0.01,
  'deleted-a-few-notes': 0.01,
  'payment-mention': 0.006,
  'phone-like-numbers': 0.008,
  'declared-aigc': 0.005,
  'honest-superlative': 0.005,
  'night-owl': 0.004,
};

function howMany(rng: Rng, kind: HardNegative, size: number): number {
  const x = (RATES[kind] ?? 0) * size;
  return Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
}

function tag(accounts: AccountDraft[], kind: HardNegative): AccountDraft[] {
  for (const a of accounts) a.hardNegative = kind;
  return accounts;
}

const PAYMENT_LINES = [
  '结账的时候用微信支付还有随机立减。',
  '店里支持支付宝和微信付款，很方便。',
  '用支付宝扫码点单，不用排队。',
  '现在很多地方都可以用Apple Pay了。',
  '出国前记得开通支付宝的境外支付。',
  '微信支付的乘车码真的方便。',
  '这家只收现金，不能用微信支付，大家注意。',
  '云闪付今天有满减活动，买咖啡便宜了几块。',
  '付款的时候提示微信支付限额，换了张卡才行。',
];
const EN_PAYMENT_LINES = ['WeChat Pay works almost everywhere here.', 'They take Alipay and cards, no cash needed.'];
const NUMBER_LINES = [
  '订单号 {order}，等了三天终于发货了。',
  '顺丰单号SF{sf}，第二天就到了。',
  '价格¥{price}，比上个月便宜了一点。',
  '型号是{model}，买之前一定看清楚。',
  '航班{flight}，早上七点起飞。',
  '高铁{train}次，二等座。',
  '我们住在{room}室，视野很好。',
  '会员卡号{card}，积分可以换咖啡。',
  '{date}那天人特别多。',
  '工单编号{card}，客服说三个工作日内处理。',
  'ISBN {isbn}，图书馆可以借到。',
  '快递柜取件码{pick}，差点忘了取。',
];
const MODELS = ['iPhone 15 Pro Max 256G', '小米14 Ultra', 'RTX 4070', 'EOS R6 Mark II', 'KFR-35GW/BpR3', 'MacBook Air M3', 'AirPods Pro 2', 'Mate 60 Pro', 'A7C2', 'WH-1000XM5'];
const SUPERLATIVES = [
  '这是我吃过最好吃的{s}，没有之一。',
  '人生第一次看到这么美的日落。',
  '今年最喜欢的一本书。',
  '这家是我心里{c}第一的咖啡店，纯个人口味。',
  '第一次来就爱上了这座城市。',
  '目前为止最舒服的一次旅行。',
  '我家猫是全世界最可爱的猫（不接受反驳）。',
];

function digits(rng: Rng, n: number): string {
  return rng.chars('0123456789', n);
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function numberSlots(rng: Rng): Slots {
  return (k) => {
    switch (k) {
      case 'order':
        return `2026${twoDigits(rng.int(1, 11))}${twoDigits(rng.int(1, 28))}${digits(rng, 8)}`;
      case 'sf':
        return digits(rng, 13);
      case 'price':
        return String(rng.int(100, 9999));
      case 'model':
        return rng.pick(MODELS);
      case 'flight':
        return `${rng.pick(['MU', 'CA', 'CZ', 'HO', 'FM'])}${rng.int(1000, 9999)}`;
      case 'train':
        return `${rng.pick(['G', 'D'])}${rng.int(100, 9999)}`;
      case 'room':
        return String(rng.int(101, 3302));
      case 'card':
        // 11 digits starting with 1: looks like a mobile number, is a card or ticket number.
        return `1${rng.pick(['3', '5', '8', '9'])}${digits(rng, 9)}`;
      case 'date':
        return rng.chance(0.5) ? `2026.${rng.int(1, 11)}.${rng.int(1, 28)}` : `2026${twoDigits(rng.int(1, 11))}${twoDigits(rng.int(1, 28))}`;
      case 'isbn':
        return `978-7-${rng.int(100, 999)}-${digits(rng, 5)}-${rng.int(0, 9)}`;
      case 'pick':
        return `${rng.int(1, 9)}-${rng.int(1, 9)}-${digits(rng, 4)}`;
    }
    return undefined;
  };
}

/** An ordinary note with one extra line mixed in. */
function noteWithLine(cohort: Cohort, rng: Rng, acc: AccountDraft, line: string, window: [number, number]): void {
  const t = organicNote(rng, acc.lang, acc.topic);
  const body = rng.chance(0.5) ? `${t.body}\n${line}` : `${line}${t.body}`;
  cohort.addNote(acc, { createdAt: wholeSecond(humanMoment(rng, window[0], window[1])), title: t.title, body, tags: t.tags, client: acc.client, appeal: noteAppeal(rng, acc) });
}

function inLang(text: string, lang: Lang): string {
  return lang === 'hant' ? toTraditional(text) : text;
}

/** Picks the cohort's hard negatives and returns the work to do once organic notes and comments exist. */
export function shapeHardNegatives(cohort: Cohort, rng: Rng): PlantPhases {
  const size = cohort.accounts.length;
  const acts: (() => void)[] = [];
  const lates: (() => void)[] = [];

  // Short generic praise: unrelated users, unrelated times; their comments are rewritten once they exist.
  const praisers = tag(cohort.takeFree(howMany(rng, 'generic-praise', size)), 'generic-praise');
  for (const p of praisers) p.activity = Math.max(p.activity, 1) * 3;
  lates.push(() => {
    const set = new Set(praisers);
    for (const c of cohort.comments) if (set.has(c.author) && !c.replyTo && rng.chance(0.9)) c.text = genericPraise(rng, c.author.lang);
  });

  // Families: 2–4 accounts on one device, at home, registered months apart with the normal app.
  for (let left = howMany(rng, 'family-shared-device', size); left >= 2;) {
    const n = Math.min(left, rng.int(2, 4));
    const family = tag(cohort.takeFree(n), 'family-shared-device');
    if (family.length < 2) break;
    left -= family.length;
    const home = broadbandNetwork(rng);
    const shared = family[0].registration.deviceId;
    const ip = hostIn(rng, home);
    family.forEach((m, i) => {
      const client = family[0].registration.client.startsWith('app-') ? family[0].registration.client : 'app-android';
      const sameDevice = i === 0 || rng.chance(0.7);
      m.registration = { ip: rng.chance(0.6) ? ip : hostIn(rng, home), deviceId: sameDevice ? shared : m.registration.deviceId, client: sameDevice ? client : m.registration.client };
      m.devices = sameDevice ? [shared] : [m.registration.deviceId, shared];
      if (i > 0) {
        const later = family[0].createdAt + rng.float(20, 700) * DAY;
        m.createdAt = wholeSecond(later < cohort.takenAt - 2 * DAY ? later : humanMoment(rng, family[0].createdAt + DAY, cohort.takenAt - 2 * DAY));
      }
    });
    acts.push(() => {
      for (const a of family)
        for (const b of family) if (a !== b && rng.chance(0.8)) cohort.addFollow(a, b, wholeSecond(humanMoment(rng, Math.max(a.createdAt, b.createdAt) + HOUR, cohort.takenAt - HOUR)));
    });
  }

  // A campus or office network: one /24, registrations spread over years.
  for (let left = howMany(rng, 'shared-campus-network', size); left >= 4;) {
    const n = Math.min(left, rng.int(5, 25));
    const group = tag(cohort.takeFree(n), 'shared-campus-network');
    if (group.length < 2) break;
    left -= group.length;
    const net = `${rng.pick(['202.120', '202.112', '166.111', '219.228', '210.32', '222.195'])}.${rng.int(0, 255)}`;
    for (const m of group) m.registration = { ...m.registration, ip: hostIn(rng, net) };
  }

  // Brand accounts that place their commercial notes through the partner platform (their organic notes do).
  tag(
    cohort.accounts.filter((a) => a.accountType === 'brand' && !a.reserved),
    'partner-sponsored-brand',
  ).forEach((a) => (a.reserved = true));

  const creators = tag(cohort.takeFree(howMany(rng, 'partner-sponsored-creator', size)), 'partner-sponsored-creator');
  for (const c of creators) c.followerCount = Math.max(c.followerCount, Math.round(rng.logNormal(9000, 0.9)));
  acts.push(() => {
    const brands = brandsOf(cohort);
    if (!brands.length) return;
    for (const c of creators) {
      const [from, to] = postingWindow(cohort, c, 200);
      if (from >= to) continue;
      for (let i = rng.int(2, 5); i > 0; i--) {
        const brand = rng.pick(brands).brand!;
        const t = promotionNote(rng, brand, c.lang === 'en' ? 'hans' : c.lang);
        cohort.addNote(c, { createdAt: wholeSecond(humanMoment(rng, from, to)), ...t, client: c.client, brandIds: [brand.brandId], sponsoredVia: 'partner-platform', appeal: noteAppeal(rng, c) });
      }
    }
  });

  // Creators on a timer: the same hour every day (or every few days), human text, the ordinary app.
  const timers = tag(cohort.takeFree(howMany(rng, 'timer-creator', size)), 'timer-creator');
  for (const t of timers) {
    t.organicNotes = 0;
    if (!t.client.startsWith('app-')) t.client = 'app-ios';
  }
  acts.push(() => {
    for (const acc of timers) {
      const every = rng.pick([1, 1, 2, 3, 7]) * DAY;
      const minuteOfDay = rng.pick([7 * 60 + 30, 12 * 60, 18 * 60, 20 * 60, 21 * 60 + 30]);
      const count = rng.int(15, 60);
      let day = beijingMidnight(cohort.takenAt) - count * every;
      for (let i = 0; i < count; i++, day += every) {
        const at = wholeSecond(day + minuteOfDay * MINUTE + rng.int(-150, 150) * 1000);
        if (at <= acc.createdAt + HOUR || at >= cohort.takenAt - MINUTE) continue;
        const t = organicNote(rng, acc.lang, acc.topic);
        cohort.addNote(acc, { createdAt: at, ...t, client: acc.client, appeal: noteAppeal(rng, acc) });
      }
    }
  });

  // Renamed once, some of them recently.
  for (const acc of tag(cohort.takeFree(howMany(rng, 'renamed-once', size)), 'renamed-once')) {
    const recent = rng.chance(0.3);
    const lo = recent ? Math.max(acc.createdAt + DAY, cohort.takenAt - 30 * DAY) : acc.createdAt + DAY;
    if (lo >= cohort.takenAt - HOUR) continue;
    acc.nicknameHistory = [{ nickname: organicNickname(rng, acc.lang), changedAt: wholeSecond(humanMoment(rng, lo, cohort.takenAt - HOUR)) }];
  }

  // Deleted or hid a few of many notes, at different times.
  const pruners = tag(cohort.takeFree(howMany(rng, 'deleted-a-few-notes', size)), 'deleted-a-few-notes');
  for (const p of pruners) p.organicNotes = Math.max(p.organicNotes, rng.int(6, 20));
  acts.push(() => {
    const set = new Set(pruners);
    const byAuthor = new Map<AccountDraft, typeof cohort.notes>();
    for (const n of cohort.notes) if (set.has(n.author)) byAuthor.set(n.author, [...(byAuthor.get(n.author) ?? []), n]);
    for (const notes of byAuthor.values()) {
      for (const n of rng.sample(notes, rng.int(1, Math.min(3, notes.length - 1)))) {
        const at = wholeSecond(n.createdAt + rng.float(0.01, 1) * (cohort.takenAt - n.createdAt));
        if (rng.chance(0.7)) n.deletedAt = at;
        else n.hiddenAt = at;
      }
    }
  });

  const payers = tag(cohort.takeFree(howMany(rng, 'payment-mention', size)), 'payment-mention');
  const numbers = tag(cohort.takeFree(howMany(rng, 'phone-like-numbers', size)), 'phone-like-numbers');
  const superlatives = tag(cohort.takeFree(howMany(rng, 'honest-superlative', size)), 'honest-superlative');
  acts.push(() => {
    for (const acc of payers) {
      const w = postingWindow(cohort, acc);
      for (let i = rng.int(1, 3); i > 0 && w[0] < w[1]; i--) noteWithLine(cohort, rng, acc, acc.lang === 'en' ? rng.pick(EN_PAYMENT_LINES) : inLang(rng.pick(PAYMENT_LINES), acc.lang), w);
    }
    for (const acc of numbers) {
      const w = postingWindow(cohort, acc);
      for (let i = rng.int(1, 4); i > 0 && w[0] < w[1]; i--) noteWithLine(cohort, rng, acc, inLang(fill(rng.pick(NUMBER_LINES), numberSlots(rng)), acc.lang === 'hant' ? 'hant' : 'hans'), w);
    }
    for (const acc of superlatives) {
      const w = postingWindow(cohort, acc);
      const lang = acc.lang === 'en' ? 'hans' : acc.lang;
      for (let i = rng.int(1, 3); i > 0 && w[0] < w[1]; i--)
        noteWithLine(cohort, rng, acc, fill(pickIn(rng, SUPERLATIVES, lang), { s: rng.pick(['火锅', '烤肉', '蛋糕', '小笼包']), c: pickIn(rng, CITIES, lang) }), w);
    }
  });

  // Declared AI-assisted creators: labelled notes, human cadence, the ordinary app.
  const aigc = tag(cohort.takeFree(howMany(rng, 'declared-aigc', size)), 'declared-aigc');
  for (const a of aigc) if (!a.client.startsWith('app-')) a.client = 'app-android';
  acts.push(() => {
    for (const acc of aigc) {
      const w = postingWindow(cohort, acc, 200);
      if (w[0] >= w[1]) continue;
      for (let i = rng.int(3, 12); i > 0; i--) {
        const generated = rng.chance(0.6);
        const t = generated ? aiNoteText(rng, acc.topic, acc.lang === 'hant' ? 'hant' : 'hans') : organicNote(rng, acc.lang, acc.topic);
        const body = rng.chance(0.5) ? `${t.body}\n${rng.pick(['（本文由AI辅助创作）', '内容由AI辅助生成，图片为本人拍摄', '#AI辅助创作', ''])}` : t.body;
        cohort.addNote(acc, { createdAt: wholeSecond(humanMoment(rng, w[0], w[1])), title: t.title, body, tags: t.tags, client: acc.client, aigcDeclared: true, appeal: noteAppeal(rng, acc) });
      }
    }
  });

  // Night owls: people (night shifts, students) posting between 1 and 5 a.m. Beijing time, irregularly.
  const owls = tag(cohort.takeFree(howMany(rng, 'night-owl', size)), 'night-owl');
  for (const o of owls) o.organicNotes = 0;
  acts.push(() => {
    for (const acc of owls) {
      const [from, to] = postingWindow(cohort, acc, 120);
      for (let i = rng.int(4, 15); i > 0 && from < to - 2 * DAY; i--) {
        const day = beijingMidnight(from + rng.next() * (to - from - DAY));
        const at = wholeSecond(day + rng.float(1, 5) * HOUR);
        if (at <= from || at >= to) continue;
        const t = organicNote(rng, acc.lang, acc.topic);
        cohort.addNote(acc, {
          createdAt: at,
          ...t,
          body: t.body + (rng.chance(0.3) ? rng.pick(['\n又是失眠的一天', '\n夜班结束', '\n熬夜党报道' + rng.pick(EMOJI)]) : ''),
          client: acc.client,
          appeal: noteAppeal(rng, acc),
        });
      }
    }
  });

  return {
    act: () => acts.forEach((f) => f()),
    late: () => {
      lates.forEach((f) => f());
      // Users who kept the platform's default name (小红薯 + hex) look templated but are not farms.
      for (const a of cohort.accounts) if (!a.reserved && !a.hardNegative && a.nickname.startsWith('小红薯')) a.hardNegative = 'default-nickname';
    },
  };
}
