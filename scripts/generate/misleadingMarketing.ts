/**
 * misleading-marketing: exaggeration, invented experiences and misleading titles used to sell. Variants:
 *  - absolute-claims: 最好/第一/No.1/国家级/100%治愈/根治 in a clinic's or brand's own or partner-placed selling;
 *  - fabricated-experience: invented before/after stories ("28天瘦了20斤", "斑全没了"); when posted as
 *    undisclosed fake UGC the account also carries undisclosed-promotion;
 *  - misleading-title: false-authority or bait-and-switch titles ("央视推荐", "免费送！" over a paid product).
 */
import type { AccountDraft, BrandInfo, Cohort } from './cohort.ts';
import { promotionNote } from './commercialText.ts';
import { EMOJI } from './corpus.ts';
import { fill, toTraditional, type Slots } from './localize.ts';
import { licenseEntity, makeLicenseId } from './businessLicense.ts';
import { makeProfessionalAccount, noteAppeal } from './organicAccounts.ts';
import type { PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, humanMoment, wholeSecond } from './time.ts';
import { someBrand } from './undisclosedPromotion.ts';
import type { GroupPlan, VariantId } from './violationMix.ts';

const PROBLEMS = ['痘痘', '色斑', '脱发', '失眠', '鼻炎', '湿疹', '肥胖', '黑眼圈', '毛孔粗大', '颈椎痛'];
const ABSOLUTE = [
  '全网最好用的{x}',
  '行业第一',
  'No.1',
  '国家级配方',
  '100%有效',
  '根治{pb}，永不复发',
  '三天见效',
  '医生都在用',
  '零副作用',
  '史上最低价',
  '销量第一',
  '效果最好',
  '全国唯一',
  '顶级工艺',
  '100%治愈{pb}',
  '第一品牌',
];
/** Claims a clinic makes about its own services. */
const SERVICE_CLAIMS = ['{sv}效果全国第一', '100%治愈{pb}', '根治{pb}，永不复发', '一次见效', '零副作用', '国家级专家坐诊', '行业第一', '全网最低价', '唯一正规{sv}机构', '无效全额退款'];
const CLAIM_TITLES = ['{claim}｜{b}{x}', '{b}{x}，{claim}', '终于找到{claim}的{x}了{e}', '{claim}！{x}认准{b}'];
const CLAIM_LINES = ['{claim}，用过的都说好。', '我们敢说：{claim}。', '{claim}，不满意全额退款。', '权威检测，{claim}。'];
const CLINIC_LINES = ['{c}最好的{sv}机构，{claim}。', '专家团队坐诊，{claim}。', '{sv}一次见效，{claim}。', '{pb}患者的福音：{claim}。', '做{sv}认准我们，{claim}。'];
const SERVICES = ['祛斑', '植发', '减重', '皮肤管理', '祛痘', '正骨', '鼻炎调理'];
const BEFORE_AFTER = [
  '用之前{pb}特别严重，用了{n}天{pb}全没了，连医生都说不可思议。',
  '{n}周瘦了{kg}斤，什么都没改，只是每天喝一包。',
  '对比图在P2！{n}天前后差别太大了。',
  '之前试了几十种方法都没用，这个{x}用了{n}天就好了。',
  '{pb}困扰我十年，用了{x}第{n}天就彻底好了。',
  '我妈用了{n}个月，{pb}完全消失，现在逢人就推荐。',
];
const MISLEADING_TITLES = [
  '【官方认证】{x}推荐',
  '央视推荐的{x}',
  '药监局认可｜这款{x}',
  '免费送！{x}',
  '皮肤科医生私藏的{x}',
  '清华学霸都在用的{x}',
  '国家队同款{x}',
  '紧急通知：{x}',
  '官方：{pb}有救了',
];

function claim(rng: Rng, brand: BrandInfo): string {
  return fill(rng.pick(ABSOLUTE), { x: rng.pick(brand.products), pb: rng.pick(PROBLEMS) });
}

function slots(rng: Rng, brand: BrandInfo, services: readonly string[] = SERVICES): Slots {
  return (k) => {
    switch (k) {
      case 'b':
        return brand.name;
      case 'x':
        return rng.pick(brand.products);
      case 'pb':
        return rng.pick(PROBLEMS);
      case 'n':
        return String(rng.int(3, 28));
      case 'kg':
        return String(rng.int(10, 30));
      case 'e':
        return rng.chance(0.6) ? rng.pick(EMOJI) : '';
      case 'claim':
        return services === SERVICES ? claim(rng, brand) : fill(rng.pick(SERVICE_CLAIMS), { sv: rng.pick(services), pb: rng.pick(PROBLEMS) });
      case 'c':
        return rng.pick(['上海', '北京', '成都', '杭州', '深圳']);
      case 'sv':
        return rng.pick(services);
    }
    return undefined;
  };
}

type Placement = 'own' | 'partner' | 'undisclosed';

/** Businesses that sell their own services with claims: what an 'own' seller turns into. */
const SERVICE_BUSINESSES = [
  { kind: '医美机构', names: ['医美', '医疗美容', '皮肤管理中心'], service: ['祛斑', '皮肤管理', '祛痘'] },
  { kind: '植发中心', names: ['植发', '毛发管理'], service: ['植发'] },
  { kind: '减重中心', names: ['体重管理', '轻体中心'], service: ['减重'] },
  { kind: '调理馆', names: ['调理馆', '养生馆'], service: ['正骨', '鼻炎调理'] },
];
const SERVICE_POSTS = ['{sv}项目本月活动，欢迎到店咨询。', '预约{sv}请提前一天。', '{sv}前后注意事项。', '新客{sv}体验名额开放。'];
const SERVICE_TITLES = ['【官方认证】{c}{sv}', '央视推荐的{sv}机构', '药监局认可｜{sv}新技术', '免费送！{sv}体验名额', '{c}人都在做的{sv}', '官方：{pb}有救了'];

/** Turns a professional account into a service business (with an enterprise licence, as clinics must have). */
function becomeServiceBusiness(rng: Rng, acc: AccountDraft): string[] {
  const biz = rng.pick(SERVICE_BUSINESSES);
  const city = rng.pick(['上海', '北京', '成都', '杭州', '深圳', '广州']);
  acc.business = { kind: biz.kind, topic: 'beauty', posts: SERVICE_POSTS.map((p) => fill(p, { sv: rng.pick(biz.service) })) };
  acc.topic = 'beauty';
  acc.nickname = `${city}${rng.pick(['悦', '清', '美', '康', '颜', '瑞'])}${rng.pick(['颜', '禾', '然', '格', '之'])}${rng.pick(biz.names)}`;
  acc.bio = `${biz.kind}｜${city}｜${rng.pick(['欢迎预约', '专业团队', '到店咨询'])}`;
  if (acc.qualification && licenseEntity(acc.qualification.licenseId) !== 'enterprise') acc.qualification.licenseId = makeLicenseId(rng, 'enterprise');
  return biz.service;
}

/** Who sells how: a clinic or brand selling its own, a partner-platform cooperation, or undisclosed fake UGC. */
function seller(cohort: Cohort, rng: Rng, allowUndisclosed: boolean): { acc: AccountDraft; placement: Placement; brand: BrandInfo; services?: string[] } | undefined {
  const r = rng.next();
  if (r < 0.4) {
    let [acc] = cohort.takeFree(1, 'professional');
    if (!acc) [acc] = cohort.takeFree(1);
    if (!acc) return undefined;
    if (acc.accountType !== 'professional') makeProfessionalAccount(cohort, rng, acc);
    return { acc, placement: 'own', brand: someBrand(cohort, rng), services: becomeServiceBusiness(rng, acc) };
  }
  const [acc] = cohort.takeFree(1);
  if (!acc) return undefined;
  acc.followerCount = Math.max(acc.followerCount, Math.round(rng.logNormal(2500, 0.8)));
  return { acc, placement: allowUndisclosed && r > 0.55 ? 'undisclosed' : 'partner', brand: someBrand(cohort, rng) };
}

function post(cohort: Cohort, rng: Rng, s: NonNullable<ReturnType<typeof seller>>, variant: VariantId, make: () => { title: string; body: string; tags: string[] }): void {
  const { acc, placement, brand } = s;
  const from = Math.max(acc.createdAt + HOUR, cohort.takenAt - 150 * DAY);
  const to = cohort.takenAt - 10 * MINUTE;
  if (from >= to) return;
  let posted = 0;
  for (let i = rng.int(2, 6); i > 0; i--) {
    const t = make();
    const hant = acc.lang === 'hant';
    cohort.addNote(acc, {
      createdAt: wholeSecond(humanMoment(rng, from, to)),
      title: hant ? toTraditional(t.title) : t.title,
      body: hant ? toTraditional(t.body) : t.body,
      tags: t.tags,
      client: acc.client,
      ...(placement === 'own' ? {} : { brandIds: [brand.brandId] }),
      ...(placement === 'partner' ? { sponsoredVia: 'partner-platform' } : placement === 'undisclosed' && rng.chance(0.5) ? { sponsoredVia: null } : {}),
      appeal: noteAppeal(rng, acc),
    });
    posted++;
  }
  if (!posted) return;
  cohort.label(acc, variant);
  if (placement === 'undisclosed') cohort.label(acc, 'undisclosed-promotion/fake-ugc');
}

export function shapeAbsoluteClaims(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const s = seller(cohort, rng, false);
  if (!s) return {};
  s.acc.organicNotes = Math.min(s.acc.organicNotes, 4);
  return {
    act: () =>
      post(cohort, rng, s, 'misleading-marketing/absolute-claims', () => {
        const sl = slots(rng, s.brand, s.services);
        if (s.placement === 'own') {
          const title = fill(rng.pick(['{c}{sv}｜{claim}', '{sv}认准我们，{claim}', '{claim}｜专业{sv}']), sl);
          return { title, body: [fill(rng.pick(CLINIC_LINES), sl), fill(rng.pick(CLINIC_LINES), sl), '欢迎到店咨询。'].join(''), tags: [fill('{sv}', sl)] };
        }
        const base = promotionNote(rng, s.brand, 'hans');
        return { title: fill(rng.pick(CLAIM_TITLES), sl), body: `${fill(rng.pick(CLAIM_LINES), sl)}\n${base.body}`, tags: base.tags };
      }),
  };
}

export function shapeFabricatedExperience(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const s = seller(cohort, rng, true);
  if (!s) return {};
  if (s.placement === 'own') s.placement = 'partner';
  return {
    act: () =>
      post(cohort, rng, s, 'misleading-marketing/fabricated-experience', () => {
        const sl = slots(rng, s.brand);
        const base = promotionNote(rng, s.brand, 'hans', { disguised: s.placement === 'undisclosed' });
        return {
          title: fill(rng.pick(['{n}天亲身经历｜{pb}真的好了', '真实反馈：{x}用了{n}天', '逆袭！{pb}终于没了{e}', '前后对比太震撼了']), sl),
          body: `${fill(rng.pick(BEFORE_AFTER), sl)}\n${base.body}`,
          tags: base.tags,
        };
      }),
  };
}

export function shapeMisleadingTitle(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const s = seller(cohort, rng, false);
  if (!s) return {};
  return {
    act: () =>
      post(cohort, rng, s, 'misleading-marketing/misleading-title', () => {
        const sl = slots(rng, s.brand, s.services);
        if (s.placement === 'own')
          return { title: fill(rng.pick(SERVICE_TITLES), sl), body: [fill(rng.pick(SERVICE_POSTS), sl), fill(rng.pick(SERVICE_POSTS), sl), '名额有限，预约从速。'].join(''), tags: [fill('{sv}', sl)] };
        const base = promotionNote(rng, s.brand, 'hans');
        return { title: fill(rng.pick(MISLEADING_TITLES), sl), body: base.body, tags: base.tags };
      }),
  };
}
