/**
 * account-transformation: a farmed (or bought) account that wipes its past, changes its profile and turns
 * to advertising or diversion. Variants:
 *  - farm-then-advertise: template content for months while followers climb (often brushed), then most
 *    notes deleted or hidden on one day, a rename and new bio, and ads or contacts since. The farming
 *    itself was bulk template posting (homogeneous-content/mass-poster); the new notes are undisclosed
 *    promotion or diversion, labelled accordingly;
 *  - resold: an ordinary account with a genuine history, sold: history hidden, new name, bio and device,
 *    then ads or diversion.
 */
import type { AccountDraft, BrandInfo, Cohort } from './cohort.ts';
import { contactMention, makeContact, type Contact } from './contactObfuscation.ts';
import { campaignCore, TEMPLATE_FAMILIES, templateNote } from './homogeneousContent.ts';
import { fill } from './localize.ts';
import { noteAppeal } from './organicAccounts.ts';
import { deviceIdFor } from './network.ts';
import { organicNickname, organicNote } from './organicText.ts';
import type { PlantPhases } from './plantingKit.ts';
import type { Rng } from './random.ts';
import { DAY, HOUR, MINUTE, humanMoment, wholeSecond } from './time.ts';
import { postUndisclosed, someBrand } from './undisclosedPromotion.ts';
import type { GroupPlan, VariantId } from './violationMix.ts';

const NEW_NICKS = ['{b}好物分享', '小{x}的好物日记', '宝藏好物研究所', '{b}优选', '每日好物推荐', '精致女孩好物库', '{x}研究所', '省钱小能手'];
const NEW_BIOS = ['分享真实好用的宝藏好物', '只推荐自己用过的', '好物推荐｜合作请私', '每天一个好物', '精致生活从这里开始'];

type Mode = 'ads' | 'divert';

/** The account's new life: undisclosed ads for one brand, or notes handing out a contact. */
function newLife(cohort: Cohort, rng: Rng, acc: AccountDraft, mode: Mode, brand: BrandInfo, contact: Contact, from: number): void {
  const window: [number, number] = [from, cohort.takenAt - 10 * MINUTE];
  if (window[0] >= window[1]) return;
  let posted = 0;
  for (let i = rng.int(2, 6); i > 0; i--) {
    if (mode === 'ads') {
      if (postUndisclosed(cohort, rng, acc, brand, window, rng.chance(0.5))) posted++;
    } else {
      const t = organicNote(rng, acc.lang === 'en' ? 'hans' : acc.lang, brand.topic);
      cohort.addNote(acc, {
        createdAt: wholeSecond(humanMoment(rng, window[0], window[1])),
        title: t.title,
        body: `${t.body}\n${contactMention(rng, contact, acc.lang === 'en' ? 'hans' : acc.lang)}`,
        tags: t.tags,
        client: acc.client,
        appeal: noteAppeal(rng, acc),
      });
      posted++;
    }
  }
  if (!posted) return;
  cohort.label(acc, mode === 'ads' ? 'undisclosed-promotion/fake-ugc' : 'traffic-diversion/contact-in-note');
}

/** Deletes or hides most of the old notes around the cleanup moment. */
function wipeHistory(rng: Rng, notes: readonly { deletedAt?: number; hiddenAt?: number; createdAt: number }[], cleanupAt: number, keep: number): number {
  let wiped = 0;
  for (const n of notes) {
    const r = rng.next();
    if (r < keep) continue;
    const at = wholeSecond(Math.max(n.createdAt + MINUTE, cleanupAt + rng.float(0, 50) * MINUTE));
    if (r < keep + (1 - keep) * 0.8) n.deletedAt = at;
    else n.hiddenAt = at;
    wiped++;
  }
  return wiped;
}

/** Renames the account and rewrites its bio; true when the new bio hands out the contact. */
function rebrand(rng: Rng, acc: AccountDraft, brand: BrandInfo, renameAt: number, mode: Mode, contact: Contact): boolean {
  const history = acc.nicknameHistory ?? [];
  history.push({ nickname: acc.nickname, changedAt: wholeSecond(renameAt) });
  acc.nicknameHistory = history;
  acc.nickname = fill(rng.pick(NEW_NICKS), { b: brand.name, x: rng.pick(brand.products) });
  acc.bio = rng.pick(NEW_BIOS);
  if (mode !== 'divert' || !rng.chance(0.5)) return false;
  acc.bio += ` ${contactMention(rng, contact, 'hans')}`;
  return true;
}

export function shapeFarmThenAdvertise(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const [acc] = cohort.takeFree(1);
  if (!acc) return {};
  const mode: Mode = rng.chance(0.6) ? 'ads' : 'divert';
  const brand = someBrand(cohort, rng);
  const contact = makeContact(rng);
  const takenAt = cohort.takenAt;
  acc.createdAt = wholeSecond(takenAt - rng.float(90, 400) * DAY);
  if (acc.lang === 'en') acc.lang = 'hans';
  acc.nickname = rng.chance(0.5) ? organicNickname(rng, 'hans') : `${rng.pick(['每日塔罗', '游戏高光', '壁纸控', '快乐源泉', '省钱小站'])}${rng.int(1, 99)}`;
  acc.nicknameHistory = undefined;
  const daysSinceRename = rng.int(2, 14);
  const renameAt = takenAt - daysSinceRename * DAY - rng.float(0, 20) * HOUR;
  acc.followerCount = Math.round(rng.logNormal(6000, 0.7));
  acc.followerCurve = { growth: rng.float(0.55, 0.85), declineFrom: { day: 29 - daysSinceRename, fraction: rng.float(0.01, 0.08) } };
  acc.organicNotes = 0;
  acc.activity = 0.1;
  cohort.brushingCustomers.push(acc);
  cohort.label(acc, 'account-transformation/farm-then-advertise');
  if (rebrand(rng, acc, brand, renameAt, mode, contact)) cohort.label(acc, 'traffic-diversion/contact-in-profile');
  return {
    act: () => {
      const family = rng.pick(TEMPLATE_FAMILIES);
      const core = campaignCore(rng, family);
      const cleanupAt = renameAt - rng.float(0, 3) * DAY;
      const from = Math.max(acc.createdAt + DAY, takenAt - 150 * DAY);
      const to = cleanupAt - rng.float(0.5, 4) * DAY;
      const old = [];
      for (let i = rng.int(15, 40); i > 0 && from < to; i--) {
        const t = templateNote(rng, family, 'hans', core, 0.4);
        old.push(cohort.addNote(acc, { createdAt: wholeSecond(humanMoment(rng, from, to)), ...t, client: acc.client, appeal: rng.float(1, 6) }));
      }
      if (old.length) cohort.label(acc, 'homogeneous-content/mass-poster');
      wipeHistory(rng, old, cleanupAt, rng.float(0.03, 0.2));
      newLife(cohort, rng, acc, mode, brand, contact, renameAt + HOUR);
    },
  };
}

export function shapeResold(cohort: Cohort, rng: Rng, _plan: GroupPlan): PlantPhases {
  const [acc] = cohort.takeFree(1);
  if (!acc) return {};
  const variant: VariantId = 'account-transformation/resold';
  const mode: Mode = rng.chance(0.5) ? 'ads' : 'divert';
  const brand = someBrand(cohort, rng);
  const contact = makeContact(rng);
  const takenAt = cohort.takenAt;
  acc.createdAt = Math.min(acc.createdAt, wholeSecond(takenAt - rng.float(300, 1500) * DAY));
  if (acc.lang === 'en') acc.lang = 'hans';
  acc.organicNotes = Math.max(acc.organicNotes, rng.int(6, 25));
  acc.followerCount = Math.round(rng.logNormal(2500, 0.8));
  const daysSinceSale = rng.int(3, 25);
  const saleAt = takenAt - daysSinceSale * DAY - rng.float(0, 20) * HOUR;
  acc.followerCurve = { growth: rng.float(0, 0.05), declineFrom: { day: 29 - daysSinceSale, fraction: rng.float(0.02, 0.12) } };
  if (rng.chance(0.3)) acc.nicknameHistory = [{ nickname: organicNickname(rng, acc.lang), changedAt: wholeSecond(acc.createdAt + rng.float(30, 200) * DAY) }];
  const contactInBio = rebrand(rng, acc, brand, saleAt + rng.float(0, 6) * HOUR, mode, contact);
  // The buyer logs in from a different device.
  const newClient = rng.pick(['app-android', 'app-ios']);
  acc.devices = [deviceIdFor(rng, newClient)];
  acc.client = newClient;
  acc.activity = 0.1;
  cohort.label(acc, variant);
  if (contactInBio) cohort.label(acc, 'traffic-diversion/contact-in-profile');
  return {
    act: () => {
      const own = cohort.notesBy(acc);
      const from = acc.createdAt + HOUR;
      for (const n of own) if (n.createdAt >= saleAt) n.createdAt = wholeSecond(from + rng.next() * (saleAt - DAY - from));
      wipeHistory(rng, own, saleAt + rng.float(0, 2) * HOUR, rng.float(0, 0.15));
      newLife(cohort, rng, acc, mode, brand, contact, saleAt + 6 * HOUR);
    },
  };
}
