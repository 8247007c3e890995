/**
 * fake-account: accounts registered in bulk.
 *
 * Channels (all keys hashed; evidence never holds a raw device id or IP):
 *  - `reg-device`: registration device and devices seen in the last 30 days. Many accounts
 *    on one device (phone farm), or a burst of registrations on one device.
 *  - `reg-network`: IPv4 /24 or IPv6 /48 + a 6-hour bucket (two half-shifted bucketings so a
 *    burst on a bucket edge is still seen whole). A burst of registrations within minutes,
 *    corroborated by templated nicknames, automation clients or sheer size; templated
 *    nicknames alone (shared prefix + near-sequential digits) also count.
 *  - `reg-client`: non-official registration clients + a day bucket (registration tools).
 * AccountDetector: turns those signals into findings and looks for brushed followers
 * (follower-history jumps, follow bursts) in the account's own bundle.
 */
import type { Account, AccountBundle, AccountDetector, Channel, KeyedRow } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { sensitiveHash } from '../text/hash.ts';
import { normalizeText } from '../text/normalizeText.ts';
import { capped, epochSeconds, finding, isOfficialClient, namesAiHosting, signal, thresholdsOf } from './common.ts';

const CODE = 'fake-account' as const;
export const RULE_DEVICE = 'fake-account/device-farm';
export const RULE_BURST = 'fake-account/registration-burst';
export const RULE_CLIENT = 'fake-account/bot-client';
export const RULE_TEMPLATE = 'fake-account/templated-nicknames';
export const RULE_FOLLOWERS = 'fake-account/brushed-followers';

const BUCKET_SECONDS = 6 * 3600;
const DAY = 86400;

type RegRow = {
  a: string;
  t: number;
  c: string;
  n: string;
  r?: number;
};

function regRow(a: Account, registrationDevice = false): RegRow {
  const row: RegRow = { a: a.accountId, t: epochSeconds(a.createdAt), c: a.registration.client.slice(0, 24), n: a.nickname.slice(0, 24) };
  if (registrationDevice) row.r = 1;
  return row;
}

/** IPv4 /24 or IPv6 /48, or undefined when unparsable. */
export function networkPrefix(ip: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip.trim());
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    const mapped = /::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$/i.exec(ip);
    if (mapped) return `${mapped[1]}.0/24`;
    const [head, tail] = ip.toLowerCase().split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail !== undefined && tail ? tail.split(':') : [];
    const groups = tail !== undefined ? [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts] : headParts;
    if (groups.length < 3) return undefined;
    return `${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return undefined;
}

/** Nickname → template skeleton: prefix and trailing number (e.g. "小美_0123" → ["小美_", 123]). */
export function nicknameTemplate(nick: string): { prefix: string; num: number } | undefined {
  const m = /^(.*?)(\d{2,9})$/.exec(normalizeText(nick).trim());
  if (!m || m[1].length === 0) return undefined;
  return { prefix: m[1], num: Number(m[2]) };
}

/** The platform's default nicknames ("小红薯2E00120B", "用户1234567") are shared by millions of real users. */
const DEFAULT_NICKNAME = /^(?:小红薯|小红书用户|用户|user|xhs)[-_]?[0-9a-f]{4,12}$/;

/** Skeleton of a nickname with its numbering replaced: "快乐星球x268同学" → "快乐星球#同学". */
export function nicknameSkeleton(nick: string): string | undefined {
  const n = normalizeText(nick).trim();
  if (DEFAULT_NICKNAME.test(n) || !/\d/.test(n)) return undefined;
  const skeleton = n.replace(/[a-z]?\d+[a-z]?/g, '#');
  return skeleton.replace(/#/g, '').length >= 2 ? skeleton : undefined;
}

/**
 * The largest family of templated nicknames among the rows: the same skeleton with near-sequential
 * numbers, or (inside one registration cluster) the same skeleton with any numbers.
 */
export function templatedMembers(rows: { a: string; n: string }[], maxGap: number): string[] {
  const bySkeleton = new Map<string, string[]>();
  const byPrefix = new Map<string, { a: string; num: number }[]>();
  for (const r of rows) {
    const sk = nicknameSkeleton(r.n);
    if (sk) {
      let list = bySkeleton.get(sk);
      if (!list) bySkeleton.set(sk, (list = []));
      list.push(r.a);
    }
    const t = nicknameTemplate(r.n);
    if (!t || DEFAULT_NICKNAME.test(normalizeText(r.n).trim())) continue;
    let list = byPrefix.get(t.prefix);
    if (!list) byPrefix.set(t.prefix, (list = []));
    list.push({ a: r.a, num: t.num });
  }
  let best: string[] = [];
  for (const list of bySkeleton.values()) {
    const uniq = [...new Set(list)];
    if (uniq.length > best.length) best = uniq;
  }
  for (const list of byPrefix.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => x.num - y.num);
    // chains of numbers no more than maxGap apart
    let chain: string[] = [list[0].a];
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i].num - list[i - 1].num <= maxGap) chain.push(list[i].a);
      else {
        const uniq = [...new Set(chain)];
        if (uniq.length > best.length) best = uniq;
        if (i < list.length) chain = [list[i].a];
      }
    }
  }
  return [...best].sort();
}

function dedupeByAccount<T extends { a: string }>(rows: T[]): T[] {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(r.a)) m.set(r.a, r);
  return [...m.values()];
}

/** Accounts in any time window of `windowSeconds` holding ≥ `need` accounts, split into separate bursts. */
function burstMembers(rows: RegRow[], windowSeconds: number, need: number): RegRow[][] {
  if (rows.length < need) return [];
  const sorted = [...rows].sort((x, y) => x.t - y.t || (x.a < y.a ? -1 : 1));
  const mark = new Uint8Array(sorted.length);
  let lo = 0;
  let marked = -1;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi].t - sorted[lo].t > windowSeconds) lo += 1;
    if (hi - lo + 1 >= need) {
      for (let i = Math.max(lo, marked + 1); i <= hi; i++) mark[i] = 1;
      marked = hi;
    }
  }
  const bursts: RegRow[][] = [];
  let cur: RegRow[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (!mark[i]) continue;
    if (cur.length > 0 && sorted[i].t - cur[cur.length - 1].t > windowSeconds) {
      bursts.push(cur);
      cur = [];
    }
    cur.push(sorted[i]);
  }
  if (cur.length > 0) bursts.push(cur);
  return bursts;
}

function clusterSignals(rule: string, channel: string, key: string, members: string[], score: number, summary: string): Signal[] {
  const ids = [...new Set(members)].sort();
  return ids.map((a) =>
    signal(a, channel, CODE, rule, key, score, {
      summary,
      relatedAccountIds: capped(
        ids.filter((x) => x !== a),
        20,
      ),
      clusterKey: key,
    }),
  );
}

/**
 * Whether accounts sharing a device were made in bulk: two of them registered on it within
 * bulkPairMinutes, a registration tool, or templated names. A studio or a family that signs up
 * one account at a time over weeks and then runs them from one phone shares a device, but was not
 * registered in bulk (what it posts is other codes' evidence).
 */
function registeredInBulk(rows: RegRow[], th: Record<string, number>, maxDigitGap: number): boolean {
  if (rows.some((r) => !isOfficialClient(r.c))) return true;
  if (templatedMembers(rows, maxDigitGap).length >= 2) return true;
  const times = rows
    .filter((r) => r.r === 1)
    .map((r) => r.t)
    .sort((x, y) => x - y);
  for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] <= th.bulkPairMinutes * 60) return true;
  return false;
}

export const deviceChannel: Channel = {
  name: 'reg-device',
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'accounts') return [];
    const a = record as Account;
    const out: KeyedRow[] = [];
    const reg = a.registration.deviceId;
    if (reg) out.push({ key: `d:${sensitiveHash('device', reg)}`, row: regRow(a, true) });
    for (const d of new Set(a.devices ?? [])) if (d && d !== reg) out.push({ key: `d:${sensitiveHash('device', d)}`, row: regRow(a) });
    return out;
  },
  group(key, raw, ctx) {
    if (!ctx.enabled(CODE) || raw.length < 2) return [];
    const th = thresholdsOf(ctx, RULE_DEVICE);
    const rows = dedupeByAccount(raw as unknown as RegRow[]);
    if (rows.length >= th.minAccounts && registeredInBulk(rows, th, thresholdsOf(ctx, RULE_TEMPLATE).maxDigitGap)) {
      return clusterSignals(
        RULE_DEVICE,
        'reg-device',
        key,
        rows.map((r) => r.a),
        Math.min(0.99, 0.8 + 0.01 * rows.length),
        `${rows.length} accounts registered on or using one device`,
      );
    }
    const registered = (raw as unknown as RegRow[]).filter((r) => r.r === 1);
    const out: Signal[] = [];
    for (const burst of burstMembers(dedupeByAccount(registered), th.burstWindowMinutes * 60, th.burstAccounts)) {
      const templated = templatedMembers(burst, thresholdsOf(ctx, RULE_TEMPLATE).maxDigitGap).length;
      const tools = burst.filter((r) => !isOfficialClient(r.c)).length;
      if (burst.length >= th.burstAccounts + 1 || templated >= 2 || tools > 0) {
        out.push(
          ...clusterSignals(
            RULE_DEVICE,
            'reg-device',
            key,
            burst.map((r) => r.a),
            0.85,
            `${burst.length} accounts registered on one device within ${th.burstWindowMinutes} minutes`,
          ),
        );
      }
    }
    return out;
  },
};

export const networkChannel: Channel = {
  name: 'reg-network',
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'accounts') return [];
    const a = record as Account;
    const prefix = networkPrefix(a.registration.ip);
    if (!prefix) return [];
    const h = sensitiveHash('network', prefix);
    const t = epochSeconds(a.createdAt);
    const row = regRow(a);
    return [
      { key: `n:${h}:a${Math.floor(t / BUCKET_SECONDS)}`, row },
      { key: `n:${h}:b${Math.floor((t + BUCKET_SECONDS / 2) / BUCKET_SECONDS)}`, row },
    ];
  },
  group(key, raw, ctx) {
    if (!ctx.enabled(CODE) || raw.length < 3) return [];
    const clusterKey = key.replace(/:[ab]\d+$/, '');
    const rows = dedupeByAccount(raw as unknown as RegRow[]);
    const out: Signal[] = [];
    const th = thresholdsOf(ctx, RULE_BURST);
    const thT = thresholdsOf(ctx, RULE_TEMPLATE);
    for (const burst of burstMembers(rows, th.windowMinutes * 60, th.minAccounts)) {
      const templated = templatedMembers(burst, thT.maxDigitGap);
      const tools = burst.filter((r) => !isOfficialClient(r.c)).length;
      const corroborated = templated.length >= th.minTemplated || tools * 2 >= burst.length || burst.length >= th.largeBurst;
      if (!corroborated) continue;
      const why = [templated.length >= th.minTemplated ? `${templated.length} templated names` : '', tools * 2 >= burst.length ? `${tools} via non-official clients` : ''].filter(Boolean).join(', ');
      out.push(
        ...clusterSignals(
          RULE_BURST,
          'reg-network',
          clusterKey,
          burst.map((r) => r.a),
          Math.min(0.99, 0.8 + 0.01 * burst.length),
          `${burst.length} accounts registered from one network within ${th.windowMinutes} minutes${why ? ` (${why})` : ''}`,
        ),
      );
    }
    const templated = templatedMembers(rows, thT.maxDigitGap);
    if (templated.length >= thT.minTemplated) {
      out.push(...clusterSignals(RULE_TEMPLATE, 'reg-network', clusterKey, templated, 0.8, `${templated.length} accounts from one network with templated nicknames`));
    }
    return out;
  },
};

/** The cluster key of a registration client's sign-ups (`bot-client` findings carry it): one form for every reader. */
export function clientClusterKey(client: string): string {
  return `c:${client.toLowerCase().slice(0, 40)}`;
}

export const clientChannel: Channel = {
  name: 'reg-client',
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'accounts') return [];
    const a = record as Account;
    const client = a.registration.client;
    // An AI hosting tool is a service many real people sign up through: at platform scale its sign-ups
    // bunch up by chance. Hosting is ai-hosted's evidence; farms still show in device, network and nicknames.
    if (isOfficialClient(client) || namesAiHosting(client)) return [];
    const t = epochSeconds(a.createdAt);
    const c = clientClusterKey(client);
    const row = regRow(a);
    return [
      { key: `${c}:a${Math.floor(t / DAY)}`, row },
      { key: `${c}:b${Math.floor((t + DAY / 2) / DAY)}`, row },
    ];
  },
  group(key, raw, ctx) {
    if (!ctx.enabled(CODE) || raw.length < 2) return [];
    const th = thresholdsOf(ctx, RULE_CLIENT);
    const clusterKey = key.replace(/:[ab]\d+$/, '');
    const rows = dedupeByAccount(raw as unknown as RegRow[]);
    const out: Signal[] = [];
    for (const burst of burstMembers(rows, th.windowMinutes * 60, th.minAccounts)) {
      out.push(
        ...clusterSignals(
          RULE_CLIENT,
          'reg-client',
          clusterKey,
          burst.map((r) => r.a),
          Math.min(0.95, 0.7 + 0.02 * burst.length),
          `${burst.length} accounts registered by the same non-official client "${clusterKey.slice(2)}"`,
        ),
      );
    }
    const thT = thresholdsOf(ctx, RULE_TEMPLATE);
    const templated = templatedMembers(rows, thT.maxDigitGap);
    if (templated.length >= thT.minTemplated) {
      out.push(...clusterSignals(RULE_TEMPLATE, 'reg-client', clusterKey, templated, 0.85, `${templated.length} accounts from one registration tool with templated nicknames`));
    }
    return out;
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The largest step in a daily follower history, measured against the account's own day-to-day
 * noise (median absolute deviation of the daily changes). Bought followers arrive as a step that
 * stays; a big account's ordinary ±0.5 % wobble, or the bump after a campaign that ebbs away
 * again, does not stand out against its own noise. Exported for tests.
 */
export function followerStep(hist: { at: string; count: number }[]): { jump: number; z: number; at: string; kept: number } | undefined {
  if (hist.length < 4) return undefined;
  const deltas: number[] = [];
  for (let i = 1; i < hist.length; i++) deltas.push(hist[i].count - hist[i - 1].count);
  const med = median(deltas);
  // robust scale; floors keep a flat history (MAD 0) from turning every small step into a huge z
  const scale = Math.max(1.4826 * median(deltas.map((d) => Math.abs(d - med))), 0.002 * hist[hist.length - 1].count, 2);
  let best: { jump: number; z: number; at: string; kept: number } | undefined;
  for (let i = 0; i < deltas.length; i++) {
    const jump = deltas[i] - med;
    if (jump <= 0 || (best && jump <= best.jump)) continue;
    // how much of the step is still there over the next three days
    const before = hist[i].count;
    let after = Infinity;
    for (let j = i + 2; j < Math.min(hist.length, i + 5); j++) after = Math.min(after, hist[j].count);
    const kept = after === Infinity ? 1 : (after - before) / deltas[i];
    best = { jump, z: jump / scale, at: hist[i + 1].at, kept };
  }
  return best;
}

const engagement = (n: { likeCount: number; collectCount: number }): number => n.likeCount + n.collectCount;

/**
 * Followers that arrive because people saw something: a note posted in the days before the surge that
 * drew far more attention than the account's usual note, and at least as much as the followers gained.
 * A creator's viral note brings followers in a step that stays; bought followers arrive without one.
 */
export function attentionExplains(notes: AccountBundle['notes'], surgeAt: string, gained: number, th: Record<string, number>): boolean {
  if (notes.length === 0) return false;
  const end = epochSeconds(surgeAt);
  const start = end - th.viralWindowDays * 86400;
  const usual = median(notes.map(engagement));
  return notes.some((n) => {
    const t = epochSeconds(n.createdAt);
    const e = engagement(n);
    return t >= start && t <= end && e >= th.viralMultiple * Math.max(usual, 1) && e >= th.viralPerFollower * gained;
  });
}

function brushedFollowers(bundle: AccountBundle, th: Record<string, number>): Finding | undefined {
  const reasons: string[] = [];
  let score = 0;
  // a step is measured against the account's own day-to-day noise: a few days of history (a new account, or one the
  // export began to sample lately) say too little about that noise to call any change a step
  const history = bundle.account?.followerHistory ?? [];
  const step = history.length > th.minHistoryDays ? followerStep(history) : undefined;
  if (step && step.jump >= th.minJump && step.z >= th.minRobustZ && step.kept >= th.minKept && !attentionExplains(bundle.notes, step.at, step.jump, th)) {
    reasons.push(`followers jumped by ${Math.round(step.jump)} on ${step.at.slice(0, 10)} and stayed (${step.z.toFixed(1)}× the account's day-to-day noise)`);
    score = Math.max(score, Math.min(0.9, 0.6 + step.z / 200));
  }
  if (bundle.followers.length >= th.burstFollows) {
    const times = bundle.followers.map((f) => epochSeconds(f.createdAt)).sort((x, y) => x - y);
    const w = th.burstWindowMinutes * 60;
    let best = 0;
    let bestAt = 0;
    let lo = 0;
    for (let hi = 0; hi < times.length; hi++) {
      while (times[hi] - times[lo] > w) lo += 1;
      if (hi - lo + 1 > best) [best, bestAt] = [hi - lo + 1, times[hi]];
    }
    if (best >= th.burstFollows && best >= th.burstShare * times.length && !attentionExplains(bundle.notes, new Date(bestAt * 1000).toISOString(), best, th)) {
      reasons.push(`${best} of ${times.length} followers arrived within ${th.burstWindowMinutes} minutes`);
      score = Math.max(score, Math.min(0.9, 0.55 + best / (times.length * 4)));
    }
  }
  if (reasons.length === 0) return undefined;
  return finding(bundle.accountId, CODE, RULE_FOLLOWERS, score, { summary: reasons.join('; ') });
}

export const fakeAccountDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const out: Finding[] = [];
    const mine = bundle.signals.filter((s) => s.code === CODE);
    const rules = [...new Set(mine.map((s) => s.ruleId))].sort();
    for (const rule of rules) {
      const sigs = mine.filter((s) => s.ruleId === rule).sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
      const best = sigs[0];
      const related = capped(
        sigs.flatMap((s) => s.detail.relatedAccountIds ?? []),
        20,
      );
      out.push(
        finding(bundle.accountId, CODE, rule, best.score, {
          summary: sigs.length > 1 ? `${best.detail.summary} (+${sigs.length - 1} more cluster(s))` : best.detail.summary,
          relatedAccountIds: related,
          clusterKey: best.detail.clusterKey ?? best.key,
        }),
      );
    }
    const brushed = brushedFollowers(bundle, thresholdsOf(ctx, RULE_FOLLOWERS));
    if (brushed) out.push(brushed);
    return out;
  },
};
