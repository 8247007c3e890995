/**
 * The organic platform: personal, brand and professional accounts, their notes, the comments people leave
 * (skewed: a few popular notes draw most of them), follows, and the daily follower samples.
 */
import { makeLicenseId } from './businessLicense.ts';
import type { AccountDraft, AccountType, BrandInfo, Cohort, NoteDraft } from './cohort.ts';
import { brandContentNote, honestBrandMention, promotionNote } from './commercialText.ts';
import { BRAND_CATEGORIES, BRAND_HEADS, BRAND_SUFFIXES, BRAND_TAILS, BUSINESSES, CITIES } from './corpus.ts';
import { pickIn } from './localize.ts';
import { deviceIdFor, ordinaryIp } from './network.ts';
import { authorReply, businessNote, organicBio, organicComment, organicNickname, organicNote, pickLang, pickTopic, topicOf } from './organicText.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, clamp, humanMoment, iso, wholeSecond } from './time.ts';

/** Comments per account that the organic population writes; planted behaviour adds the rest (≈20 in all). */
export const ORGANIC_COMMENTS_PER_ACCOUNT = 18.5;
/** Follow records per account (a sample of the graph: recent follows, not every edge). */
export const ORGANIC_FOLLOWS_PER_ACCOUNT = 4;
/** Accounts with at least this many followers carry daily followerHistory samples. */
export const HISTORY_MIN_FOLLOWERS = 100;
export const HISTORY_DAYS = 30;

const BUSINESS_CITIES = CITIES.slice(0, 18);
const BRAND_REPLIES = ['感谢支持～', '谢谢喜欢！', '收到反馈啦', '可以看看我们的其他笔记哦', '有问题可以随时留言'];

export function pickClient(rng: Rng): string {
  return rng.choose<string>([
    ['app-ios', 47],
    ['app-android', 44],
    ['web', 9],
  ]);
}

/** An ordinary personal account; brand and professional accounts are reshaped from it. */
export function createBaseAccount(cohort: Cohort, rng: Rng, index: number, local: number): AccountDraft {
  const takenAt = cohort.takenAt;
  const lang = pickLang(rng);
  const client = pickClient(rng);
  const ageDays = clamp(rng.exp(650) + 1, 1.5, 2600);
  const createdAt = wholeSecond(humanMoment(rng, takenAt - ageDays * DAY - DAY, takenAt - ageDays * DAY));
  const deviceId = deviceIdFor(rng, client);
  const creator = rng.chance(0.03);
  const followerCount = Math.round(creator ? rng.logNormal(3500, 1.1) : rng.logNormal(30, 1.5));
  const acc: AccountDraft = {
    index,
    local,
    id: cohort.env.ids.account(index),
    createdAt,
    nickname: organicNickname(rng, lang),
    nicknameHistory: undefined,
    bio: undefined,
    accountType: 'personal',
    brandId: undefined,
    followerCount,
    followingCount: Math.round(clamp(rng.logNormal(110, 0.9), 0, 3000)),
    followerCurve: undefined,
    registration: { ip: ordinaryIp(rng), deviceId, client },
    devices: undefined,
    qualification: undefined,
    lang,
    topic: pickTopic(rng),
    client,
    activity: rng.logNormal(1, 1.0),
    organicNotes: Math.min(60, Math.floor(rng.logNormal(2.4, 1.15)) + (creator ? Math.round(rng.logNormal(14, 0.5)) : 0)),
    reserved: false,
    codes: new Set(),
    variants: new Set(),
    hardNegative: undefined,
    brand: undefined,
    business: undefined,
  };
  acc.followerCurve = { growth: rng.float(0, creator ? 0.3 : 0.12) };
  const bio = organicBio(rng, lang);
  if (bio !== undefined) acc.bio = bio;
  if (rng.chance(0.8)) {
    acc.devices = [deviceId];
    if (rng.chance(0.22)) acc.devices.push(deviceIdFor(rng, rng.chance(0.5) ? client : pickClient(rng)));
  }
  return acc;
}

export function pickAccountType(rng: Rng): AccountType {
  return rng.choose<AccountType>([
    ['personal', 963],
    ['brand', 12],
    ['professional', 25],
  ]);
}

/** Turns an account into a brand's official account with its own brand id. */
export function makeBrandAccount(cohort: Cohort, rng: Rng, acc: AccountDraft): BrandInfo {
  const category = rng.pick(BRAND_CATEGORIES);
  const name = rng.pick(BRAND_HEADS) + rng.pick(BRAND_TAILS) + rng.pick(BRAND_SUFFIXES);
  const brand: BrandInfo = {
    brandId: `brand-${cohort.token()}`,
    name,
    category: category.id,
    categoryName: category.name,
    products: category.products,
    topic: category.topic,
  };
  acc.accountType = 'brand';
  acc.brand = brand;
  acc.brandId = brand.brandId;
  acc.lang = rng.chance(0.9) ? 'hans' : 'hant';
  acc.topic = category.topic;
  acc.nickname = name + rng.pick(['', '官方账号', '旗舰店', ' Official', '官方']);
  acc.bio = `${name}官方账号｜${category.name}${rng.pick(['', '｜新品上市中', '｜认真做好每一件产品', '｜品牌合作请通过平台'])}`;
  acc.followerCount = Math.round(rng.logNormal(8000, 1.3));
  acc.followingCount = rng.int(0, 80);
  acc.client = 'web';
  acc.organicNotes = rng.int(8, 28);
  acc.activity = 0.3;
  acc.createdAt = Math.min(acc.createdAt, cohort.takenAt - rng.int(200, 2000) * DAY);
  acc.followerCurve = { growth: rng.float(0.01, 0.1) };
  return brand;
}

/** Turns an account into a verified professional (business) account with a genuine licence. */
export function makeProfessionalAccount(cohort: Cohort, rng: Rng, acc: AccountDraft): void {
  const biz = rng.pick(BUSINESSES);
  const city = pickIn(rng, BUSINESS_CITIES, acc.lang === 'hant' ? 'hant' : 'hans');
  acc.accountType = 'professional';
  acc.business = { kind: biz.kind, topic: biz.topic, posts: biz.posts };
  acc.topic = biz.topic;
  if (acc.lang === 'en' || acc.lang === 'mixed') acc.lang = 'hans';
  acc.nickname = `${rng.chance(0.6) ? city : ''}${rng.pick(BRAND_HEADS)}${rng.pick(BRAND_TAILS)}${rng.pick(biz.names)}`;
  acc.bio = `${biz.kind}｜${city}${rng.pick(['', '｜营业时间10:00-21:00', '｜欢迎预约', '｜认证商家'])}`;
  acc.followerCount = Math.round(rng.logNormal(900, 1.1));
  acc.organicNotes = rng.int(3, 18);
  acc.createdAt = Math.min(acc.createdAt, cohort.takenAt - rng.int(60, 1500) * DAY);
  // Medical businesses must be enterprises; shops and studios are often individual businesses (个体工商户).
  const medical = /医|诊所|口腔|齿科/.test(biz.kind);
  acc.qualification = { licenseId: makeLicenseId(rng, medical || rng.chance(0.75) ? 'enterprise' : 'individual'), verifiedAt: wholeSecond(acc.createdAt + rng.float(0.2, 30) * DAY) };
}

/** The accounts of a cohort before any behaviour is planted. */
export function createCohortAccounts(cohort: Cohort, rng: Rng, firstIndex: number, size: number): void {
  for (let local = 0; local < size; local++) {
    const acc = createBaseAccount(cohort, rng, firstIndex + local, local);
    const type = pickAccountType(rng);
    if (type === 'brand') makeBrandAccount(cohort, rng, acc);
    else if (type === 'professional') makeProfessionalAccount(cohort, rng, acc);
    cohort.accounts.push(acc);
  }
  // A cohort needs a few brands for organic mentions, partner cooperations and the brands planted behaviour serves.
  const brands = cohort.accounts.filter((a) => a.accountType === 'brand').length;
  for (let i = brands; i < 3 && i < size / 20; i++) {
    const acc = cohort.accounts[rng.int(0, size - 1)];
    if (acc.accountType === 'personal') makeBrandAccount(cohort, rng, acc);
  }
  cohort.sealAccounts();
}

export function brandsOf(cohort: Cohort): AccountDraft[] {
  return cohort.accounts.filter((a) => a.accountType === 'brand' && a.brand);
}

/** Appeal of a note for organic commenters: grows with the author's audience, with a heavy tail. */
export function noteAppeal(rng: Rng, author: AccountDraft): number {
  return Math.sqrt(author.followerCount + 20) * rng.logNormal(1, 1.1);
}

/** The window in which an account can post: from registration (or a year back) to just before the snapshot. */
export function postingWindow(cohort: Cohort, acc: AccountDraft, maxDays = 400): [number, number] {
  const from = Math.max(acc.createdAt + HOUR, cohort.takenAt - maxDays * DAY);
  return [from, cohort.takenAt - 10 * MINUTE];
}

export function noteClient(rng: Rng, acc: AccountDraft): string {
  return rng.chance(0.9) ? acc.client : pickClient(rng);
}

/** Ordinary notes for every account, as many as each account's `organicNotes`. */
export function createOrganicNotes(cohort: Cohort, rng: Rng): void {
  const brands = brandsOf(cohort);
  for (const acc of cohort.accounts) {
    const [from, to] = postingWindow(cohort, acc);
    for (let i = 0; i < acc.organicNotes; i++) {
      const createdAt = wholeSecond(humanMoment(rng, from, to));
      const client = noteClient(rng, acc);
      if (acc.accountType === 'brand' && acc.brand) {
        if (rng.chance(0.5)) {
          const t = promotionNote(rng, acc.brand, acc.lang);
          cohort.addNote(acc, { createdAt, ...t, client, brandIds: [acc.brand.brandId], sponsoredVia: 'partner-platform', appeal: noteAppeal(rng, acc) });
        } else {
          const t = brandContentNote(rng, acc.brand, acc.lang);
          cohort.addNote(acc, { createdAt, ...t, client, ...(rng.chance(0.6) ? { brandIds: [acc.brand.brandId] } : {}), appeal: noteAppeal(rng, acc) });
        }
        continue;
      }
      if (acc.accountType === 'professional' && acc.business) {
        const t = businessNote(rng, acc.lang, acc.business);
        cohort.addNote(acc, { createdAt, ...t, client, appeal: noteAppeal(rng, acc) });
        continue;
      }
      const topic = rng.chance(0.8) ? acc.topic : pickTopic(rng);
      const t = organicNote(rng, acc.lang, topic);
      const note: Parameters<Cohort['addNote']>[1] = { createdAt, ...t, client, appeal: noteAppeal(rng, acc) };
      if (brands.length && acc.lang !== 'en' && rng.chance(0.06)) {
        const brand = rng.pick(brands).brand!;
        note.body += '\n' + honestBrandMention(rng, brand, acc.lang);
        if (rng.chance(0.7)) note.brandIds = [brand.brandId];
      }
      cohort.addNote(acc, note);
    }
  }
}

/** Cumulative weights for fast weighted picks. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let acc = 0;
    for (let i = 0; i < items.length; i++) {
      acc += Math.max(0, weight(items[i]));
      this.cumulative[i] = acc;
    }
    this.total = acc;
  }
  get empty(): boolean {
    return this.total <= 0;
  }
  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** When an ordinary reader comments: mostly soon after the note appears, with a long tail. */
export function organicCommentTime(rng: Rng, cohort: Cohort, note: NoteDraft, author: AccountDraft): number | undefined {
  const from = Math.max(note.createdAt + 30_000, author.createdAt + HOUR);
  const until = cohort.noteOpenUntil(note);
  if (until <= from) return undefined;
  const r = rng.next();
  let t = r < 0.55 ? note.createdAt + rng.exp(3 * HOUR) : r < 0.88 ? note.createdAt + rng.exp(2.5 * DAY) : from + rng.next() * (until - from);
  if (t < from || t > until) t = from + rng.next() * (until - from);
  return wholeSecond(t);
}

/** Comments from ordinary users, plus replies from note authors. */
export function createOrganicComments(cohort: Cohort, rng: Rng): void {
  const authors = new WeightedPicker(cohort.accounts, (a) => a.activity);
  const notes = new WeightedPicker(cohort.notes, (n) => n.appeal);
  if (authors.empty || notes.empty) return;
  const budget = Math.round(ORGANIC_COMMENTS_PER_ACCOUNT * cohort.accounts.length);
  for (let i = 0; i < budget; i++) {
    const author = authors.pick(rng);
    let note = notes.pick(rng);
    if (note.author === author) note = notes.pick(rng);
    if (note.author === author) continue;
    const t = organicCommentTime(rng, cohort, note, author);
    if (t === undefined) continue;
    const client = rng.chance(0.7) ? noteClient(rng, author) : undefined;
    const c = cohort.addComment(note, author, t, organicComment(rng, author.lang, note.author.topic), { client });
    const owner = note.author;
    if (owner.activity > 0 && rng.chance(owner.accountType === 'brand' ? 0.25 : 0.18)) {
      const rt = wholeSecond(t + 60_000 + rng.exp(5 * HOUR));
      if (rt < cohort.noteOpenUntil(note)) {
        const text = owner.accountType === 'brand' ? pickIn(rng, BRAND_REPLIES, owner.lang) : authorReply(rng, owner.lang);
        cohort.addComment(note, owner, rt, text, { replyTo: c.id, client: rng.chance(0.7) ? noteClient(rng, owner) : undefined });
      }
    }
  }
}

/** Followers that real people gave the account (brushed followers attract nobody). */
export function organicAudience(acc: AccountDraft): number {
  let brushed = 0;
  for (const j of acc.followerCurve?.jumps ?? []) brushed += j.add;
  return Math.max(0, acc.followerCount - brushed);
}

/** A sample of who follows whom: recent follows, weighted toward accounts with big audiences. */
export function createOrganicFollows(cohort: Cohort, rng: Rng): void {
  const followees = new WeightedPicker(cohort.accounts, (a) => Math.pow(organicAudience(a) + 5, 0.7));
  for (const acc of cohort.accounts) {
    if (acc.activity <= 0) continue;
    const k = Math.min(acc.followingCount, Math.floor(rng.exp(ORGANIC_FOLLOWS_PER_ACCOUNT)));
    for (let i = 0; i < k; i++) {
      const followee = followees.pick(rng);
      if (followee === acc) continue;
      const from = Math.max(acc.createdAt, followee.createdAt) + MINUTE;
      if (from >= cohort.takenAt - MINUTE) continue;
      cohort.addFollow(acc, followee, wholeSecond(humanMoment(rng, from, cohort.takenAt - MINUTE)));
    }
  }
}

/** Daily follower samples (UTC midnight, oldest first) for accounts with an audience, from their curve. */
export function followerHistory(cohort: Cohort, rng: Rng, acc: AccountDraft): { at: string; count: number }[] | undefined {
  const curve = acc.followerCurve;
  if (!curve || (acc.followerCount < HISTORY_MIN_FOLLOWERS && !curve.jumps?.length)) return undefined;
  const lastDay = Math.floor(cohort.takenAt / DAY) * DAY;
  const jumps = curve.jumps ?? [];
  const jumpTotal = jumps.reduce((s, j) => s + j.add, 0);
  const decline = curve.declineFrom;
  const keep = decline ? 1 - decline.fraction : 1;
  const base = Math.max(0, acc.followerCount / keep - jumpTotal);
  const out: { at: string; count: number }[] = [];
  // the curve is drawn over the last HISTORY_DAYS (jumps and declines are placed there); a longer window (a run of daily
  // snapshots) extends it back, so that each day's cut still holds a month of samples
  const extra = Math.max(0, (cohort.env.historyDays ?? HISTORY_DAYS) - HISTORY_DAYS);
  for (let day = -extra; day < HISTORY_DAYS; day++) {
    const at = lastDay - (HISTORY_DAYS - 1 - day) * DAY;
    if (at < acc.createdAt) continue;
    // before the drawn month the audience grew as it does in it (the same daily gain, down to none): a flat stretch
    // turning into growth would be a step in the daily gains, which brushed-followers rightly reads as bought followers
    let v = base * (1 - curve.growth * ((HISTORY_DAYS - 1 - day) / (HISTORY_DAYS - 1)));
    v *= 1 + (rng.next() - 0.5) * 0.01;
    for (const j of jumps) if (j.day <= day) v += j.add;
    if (decline && day > decline.day) v *= 1 - decline.fraction * ((day - decline.day) / (HISTORY_DAYS - 1 - decline.day));
    out.push({ at: iso(at), count: day === HISTORY_DAYS - 1 ? acc.followerCount : Math.max(0, Math.round(v)) });
  }
  return out.length ? out : undefined;
}

/** Counts that depend on everything else: comment counts, likes and collects. */
export function finaliseNotes(cohort: Cohort, rng: Rng): void {
  for (const c of cohort.comments) c.note.commentCount++;
  for (const n of cohort.notes) {
    if (n.likeCount < 0) n.likeCount = Math.max(n.commentCount, Math.round(n.appeal * rng.logNormal(5, 0.8)));
    if (n.collectCount < 0) n.collectCount = Math.round(n.likeCount * rng.float(0.05, 0.6));
  }
}

export { topicOf };
