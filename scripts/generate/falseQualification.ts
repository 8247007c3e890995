/**
 * false-qualification: professional accounts whose business qualification is stolen, forged or reused. Variants:
 *  - shared-license: one licence number (often retyped: lower case, spaces) used by several unrelated
 *    professional accounts. When the genuine holder is on the platform too, it is NOT a violator: it is a
 *    hard negative (`license-original-holder`), verified first. When it is not, the copier verified first
 *    looks exactly like a holder and is left unlabelled (its theft is not in the data);
 *  - forged-license: a number that fails the unified social credit code's check characters or shape;
 *  - mismatched-license: a qualification that cannot belong to the account: verified before the account
 *    existed (copied from elsewhere), or an individual-business licence for a medical clinic.
 */
import { forgeLicenseId, makeLicenseId, retypeLicenseId } from './businessLicense.ts';
import type { AccountDraft, Cohort } from './cohort.ts';
import { makeProfessionalAccount } from './organicAccounts.ts';
import type { PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, wholeSecond } from './time.ts';
import type { GroupPlan } from './violationMix.ts';

const CLINICS = [
  { kind: '医疗美容诊所', names: ['医美', '医疗美容', '皮肤科'], topic: 'beauty', posts: ['水光针本月活动说明。', '医生面诊时间更新。', '术后护理注意事项。', '光子嫩肤适合哪些人？'] },
  { kind: '口腔医院', names: ['口腔医院', '齿科中心'], topic: 'beauty', posts: ['隐形矫正案例分享。', '种植牙常见问题解答。', '儿童早矫预约开放。'] },
  { kind: '专科门诊', names: ['中医馆', '专科门诊', '调理中心'], topic: 'fitness', posts: ['冬季养生建议。', '专家出诊时间表。', '针灸调理案例。'] },
];

/** A professional account from a free personal one (new business, new genuine licence, later overwritten). */
function professional(cohort: Cohort, rng: Rng): AccountDraft | undefined {
  const [acc] = cohort.takeFree(1);
  if (!acc) return undefined;
  makeProfessionalAccount(cohort, rng, acc);
  return acc;
}

export function shapeSharedLicense(cohort: Cohort, rng: Rng, plan: GroupPlan): PlantPhases {
  // The genuine holder, when on the platform, is an existing organic professional account.
  const [holder] = rng.chance(0.6) ? cohort.takeFree(1, 'professional') : [];
  const license = holder?.qualification?.licenseId ?? makeLicenseId(rng);
  const holderVerified = holder?.qualification?.verifiedAt ?? cohort.takenAt - rng.float(400, 1500) * DAY;
  if (holder) holder.hardNegative = 'license-original-holder';
  const copiers: AccountDraft[] = [];
  for (let i = 0; i < Math.max(2, plan.size); i++) {
    const acc = professional(cohort, rng);
    if (!acc) break;
    acc.createdAt = Math.max(acc.createdAt, wholeSecond(holderVerified + rng.float(10, 300) * DAY));
    if (acc.createdAt >= cohort.takenAt - 2 * DAY) acc.createdAt = wholeSecond(cohort.takenAt - rng.float(3, 30) * DAY);
    const verifiedAt = Math.min(cohort.takenAt - DAY, acc.createdAt + rng.float(0.5, 20) * DAY);
    acc.qualification = { licenseId: rng.chance(0.5) ? retypeLicenseId(rng, license) : license, verifiedAt: wholeSecond(verifiedAt) };
    copiers.push(acc);
  }
  // Without the holder on the platform, the copier verified first is, in the snapshot, indistinguishable from a
  // genuine holder whose licence others copied (a qualification is only {licenseId, verifiedAt}): its theft never
  // shows, so it is not labelled. Every later copier shares a licence someone verified before it.
  const verified = (a: AccountDraft) => a.qualification?.verifiedAt ?? 0;
  const first = holder ? undefined : copiers.reduce<AccountDraft | undefined>((a, b) => (a && verified(a) <= verified(b) ? a : b), undefined);
  for (const acc of copiers) if (acc !== first) cohort.label(acc, 'false-qualification/shared-license');
  return {};
}

export function shapeForgedLicense(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const acc = professional(cohort, rng);
  if (!acc || !acc.qualification) return {};
  acc.qualification.licenseId = forgeLicenseId(rng);
  cohort.label(acc, 'false-qualification/forged-license');
  return {};
}

export function shapeMismatchedLicense(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const acc = professional(cohort, rng);
  if (!acc || !acc.qualification) return {};
  if (rng.chance(0.6)) {
    // Copied from a business verified long before this account was registered.
    acc.qualification.verifiedAt = wholeSecond(acc.createdAt - rng.float(20, 600) * DAY);
  } else {
    const clinic = rng.pick(CLINICS);
    acc.business = { kind: clinic.kind, topic: clinic.topic, posts: clinic.posts };
    acc.topic = clinic.topic;
    acc.nickname = `${acc.nickname.replace(/(小馆|私房菜|食堂|面馆|咖啡馆|咖啡|Coffee|造型|发艺|Hair Studio|影像|摄影|Photo|健身|普拉提|运动馆|花艺|花坊|Flower|宠物医院|动物诊所|民宿|小院|山居|教育|学堂|英语|口腔|齿科)$/, '')}${rng.pick(clinic.names)}`;
    acc.bio = `${clinic.kind}｜${rng.pick(['专业团队', '正规资质', '欢迎预约面诊'])}`;
    acc.qualification.licenseId = makeLicenseId(rng, 'individual');
  }
  cohort.label(acc, 'false-qualification/mismatched-license');
  return {};
}
