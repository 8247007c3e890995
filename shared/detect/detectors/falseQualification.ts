/**
 * false-qualification: stolen, forged or reused professional qualifications.
 *
 * - Channel `license` (key: hashed licenceId): one licence carried by several unrelated
 *   accounts. Accounts are related when they share a brandId or are one chain by name (sameChain:
 *   city and branch markers set aside); the family verified first is presumed the
 *   owner and is not flagged, every other family gets `shared-license`.
 * - AccountDetector: qualifications inconsistent with the account — verified before the
 *   account existed, verified after the snapshot, or carried by a personal account.
 */
import type { Account, AccountDetector, Channel } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { sensitiveHash } from '../text/hash.ts';
import { compactText } from '../text/normalizeText.ts';
import { capped, epochSeconds, finding, signal, thresholdsOf } from './common.ts';

const CODE = 'false-qualification' as const;
export const RULE_SHARED = 'false-qualification/shared-license';
export const RULE_INCONSISTENT = 'false-qualification/inconsistent';
export const RULE_INVALID = 'false-qualification/invalid-license';

/** Licence ids compared without case, spaces or dashes ("915001 033220 74467x" = "91500103322074467X"). */
export function licenseKey(id: string): string {
  return id.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Looks like a unified social credit code (统一社会信用代码, GB 32100-2015): registration authority, type, 6-digit area. */
const USCC_SHAPE = /^[1-9A-HY][1-59]\d{6}[0-9A-Z]{9,11}$/;

/**
 * 'valid' / 'invalid' for ids shaped like a unified social credit code (charset without I O Z S V,
 * 18 characters, mod-31 check character), 'unknown' for other formats (not judged).
 */
export function checkUscc(id: string): 'valid' | 'invalid' | 'unknown' {
  const k = licenseKey(id);
  if (!USCC_SHAPE.test(k)) return 'unknown';
  if (k.length !== 18 || !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(k)) return 'invalid';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(k[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31] === k[17] ? 'valid' : 'invalid';
}

/** Regulated medical services, which an individual business (USCC type 92, 个体工商户) may not run. */
const MEDICAL_FIELD = /医疗|医美|医院|门诊|诊所|皮肤科|口腔|齿科|牙科|整形|中医|医生|clinic|dental|hospital/;
const CHANNEL = 'license';

interface LicenseRow {
  a: string;
  ty: string;
  b: string;
  n: string;
  v: number;
}

/**
 * A leading city ("成都", "上海市") says where a shop is, not which business it is: "成都橙兮小馆" and "成都未舍花艺"
 * are unrelated, "上海美丽诊所" and "杭州美丽诊所" are one chain. Major mainland, HK/Macau/Taiwan cities.
 */
const CITIES =
  '北京|上海|天津|重庆|广州|深圳|杭州|成都|南京|苏州|武汉|西安|长沙|郑州|青岛|厦门|福州|济南|合肥|昆明|大理|丽江|三亚|海口|南宁|贵阳|南昌|太原|石家庄|沈阳|大连|长春|哈尔滨|呼和浩特|兰州|银川|西宁|乌鲁木齐|拉萨|宁波|温州|无锡|常州|东莞|佛山|珠海|中山|惠州|泉州|烟台|潍坊|徐州|洛阳|桂林|香港|澳门|台北|台中|高雄';
const CITY_PREFIX = new RegExp(`^(?:${CITIES})市?`);
/** A branch's marker after the chain's name: "旗舰店", "杭州分店", "郑州店", "连锁", a trailing city. */
const BRANCH_SUFFIX = new RegExp(`(?:(?:(?:${CITIES})市?)?(?:旗舰|分|总|直营|专卖)?店|连锁|(?:${CITIES})市?)$`);
/** A branch named in brackets: "喜茶(国贸店)". */
const BRACKETED = /[(（[【][^)）\]】]*[)）\]】]/g;

/** How a holder's name is compared: without the city in front, and (CJK names) without the branch marker. */
interface HolderName {
  /** compact name, leading city removed */
  name: string;
  latin: boolean;
  /** CJK names: the chain's name, branch markers removed */
  stem: string;
}

function holderName(nickname: string): HolderName {
  const name = compactText(nickname).replace(CITY_PREFIX, '');
  const latin = name.length > 0 && /[a-z0-9]/.test(name[0]);
  let stem = compactText(nickname.replace(BRACKETED, '')).replace(CITY_PREFIX, '');
  for (let prev = ''; prev !== stem;) stem = (prev = stem).replace(BRANCH_SUFFIX, '');
  return { name, latin, stem };
}

/**
 * Two holders are one chain when their names match once city and branch are set aside ("悦颜大药房郑州店" and
 * "悦颜大药房旗舰店"), or share a 4-character beginning ("德信口腔", "德信口腔连锁"; Latin names: 4 letters). Two
 * characters in common are not a chain: "德信口腔" and "德信大药房", "营养师小林" and "营养师阿敏" share a common
 * name word or a profession, and among a licence's holders such collisions grow with the population.
 */
function sameChain(x: HolderName, y: HolderName): boolean {
  if (x.latin || y.latin) return x.latin && y.latin && x.name.length >= 2 && x.name.slice(0, 4) === y.name.slice(0, 4);
  if (x.stem.length >= 2 && x.stem === y.stem) return true;
  return x.name.length >= 4 && x.name.slice(0, 4) === y.name.slice(0, 4);
}

export const licenseChannel: Channel = {
  name: CHANNEL,
  codes: [CODE],
  keys(kind, record) {
    if (kind !== 'accounts') return [];
    const a = record as Account;
    if (!a.qualification?.licenseId) return [];
    return [
      {
        key: `l:${sensitiveHash('license', licenseKey(a.qualification.licenseId))}`,
        row: { a: a.accountId, ty: a.accountType, b: a.brandId ?? '', n: a.nickname.slice(0, 24), v: epochSeconds(a.qualification.verifiedAt) },
      },
    ];
  },
  group(key, raw, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const th = thresholdsOf(ctx, RULE_SHARED);
    const byAccount = new Map<string, LicenseRow>();
    for (const r of raw as unknown as LicenseRow[]) if (!byAccount.has(r.a)) byAccount.set(r.a, r);
    const rows = [...byAccount.values()].sort((x, y) => x.v - y.v || (x.a < y.a ? -1 : 1));
    if (rows.length < th.minAccounts) return [];
    // families of related accounts (same brand, or one chain by name)
    const parent = rows.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const names = rows.map((r) => holderName(r.n));
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const related = (rows[i].b && rows[i].b === rows[j].b) || sameChain(names[i], names[j]);
        if (related) parent[find(j)] = find(i);
      }
    }
    const owner = find(0); // the family verified first
    const families = new Set(rows.map((_, i) => find(i)));
    if (families.size < 2) return [];
    const out: Signal[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (find(i) === owner) continue;
      const others = rows.filter((_, j) => find(j) !== find(i)).map((r) => r.a);
      out.push(
        signal(rows[i].a, CHANNEL, CODE, RULE_SHARED, key, Math.min(0.95, 0.75 + 0.05 * families.size), {
          summary: `the account's licence is also used by ${others.length} unrelated account(s) (${families.size} unrelated holders)`,
          relatedAccountIds: capped(others, 20),
          clusterKey: key,
        }),
      );
    }
    return out;
  },
};

export const falseQualificationDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const out: Finding[] = [];
    const shared = bundle.signals.filter((s) => s.code === CODE && s.ruleId === RULE_SHARED);
    if (shared.length > 0) {
      const best = [...shared].sort((x, y) => y.score - x.score)[0];
      out.push(
        finding(bundle.accountId, CODE, RULE_SHARED, best.score, {
          summary: best.detail.summary,
          relatedAccountIds: capped(
            shared.flatMap((s) => s.detail.relatedAccountIds ?? []),
            20,
          ),
          clusterKey: best.key,
        }),
      );
    }
    const a = bundle.account;
    const q = a?.qualification;
    if (a && q) {
      const th = thresholdsOf(ctx, RULE_INCONSISTENT);
      const tol = th.toleranceHours * 3600;
      const verified = epochSeconds(q.verifiedAt);
      const created = epochSeconds(a.createdAt);
      const now = Math.floor(ctx.takenAt.getTime() / 1000);
      const reasons: string[] = [];
      if (verified + tol < created) reasons.push(`qualification verified ${Math.round((created - verified) / 86400)} day(s) before the account was created`);
      if (verified > now + tol) reasons.push('qualification verified after the snapshot was taken');
      if (a.accountType === 'personal') reasons.push('a personal account carries a professional qualification');
      const k = licenseKey(q.licenseId);
      if (k.startsWith('92') && MEDICAL_FIELD.test(compactText(`${a.nickname} ${a.bio ?? ''}`))) {
        reasons.push('a medical service qualified with an individual-business licence');
      }
      if (reasons.length > 0) {
        out.push(finding(a.accountId, CODE, RULE_INCONSISTENT, Math.min(0.95, 0.7 + 0.1 * reasons.length), { summary: reasons.join('; ') }));
      }
      if (checkUscc(q.licenseId) === 'invalid') {
        out.push(
          finding(a.accountId, CODE, RULE_INVALID, 0.9, {
            summary: 'the licence number is not a valid unified social credit code (bad characters, length or check character)',
          }),
        );
      }
    }
    return out;
  },
};
