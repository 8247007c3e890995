/**
 * How much of each black/grey-market behaviour to plant: the variant catalogue, the default mix,
 * and the per-cohort plan (how many groups of which variant, of what size).
 *
 * Mix semantics (flat record, so `Partial<ViolationMix>` overrides any key):
 *  - a code key (`'water-army'`) is the fraction of all accounts planted with that code as their main behaviour;
 *    accounts recruited from farms count here too. Secondary labels that a planted behaviour entails
 *    (a ring's closers also divert traffic, a transformed account's new ads are undisclosed promotion…) come on top.
 *  - a variant key (`'water-army/praise-ring'`) is that variant's relative weight within its code (0 switches it off).
 */
import { VIOLATION_CODES, type ViolationCode } from '#shared/contract/violationCodes';
import type { Rng } from './random.ts';

export interface VariantSpec {
  id: string;
  code: ViolationCode;
  weight: number;
  /** Accounts per group. */
  minSize: number;
  maxSize: number;
  what: string;
}

export const VARIANTS = [
  { id: 'fake-account/shared-device-farm', code: 'fake-account', weight: 0.4, minSize: 12, maxSize: 45, what: 'burst registration on a handful of shared devices, bot client, templated names' },
  { id: 'fake-account/network-burst-farm', code: 'fake-account', weight: 0.35, minSize: 15, maxSize: 55, what: 'burst registration from one cloud or proxy /24, templated names' },
  {
    id: 'fake-account/follower-brushing',
    code: 'fake-account',
    weight: 0.25,
    minSize: 10,
    maxSize: 35,
    what: 'cluster that follows itself and paying accounts: followers come from the cluster, jumps in followerHistory',
  },
  { id: 'homogeneous-content/template-matrix', code: 'homogeneous-content', weight: 0.5, minSize: 5, maxSize: 22, what: 'many accounts posting near-duplicate template notes' },
  { id: 'homogeneous-content/mass-poster', code: 'homogeneous-content', weight: 0.2, minSize: 1, maxSize: 1, what: 'one account mass-posting a template' },
  { id: 'homogeneous-content/copied-content', code: 'homogeneous-content', weight: 0.3, minSize: 1, maxSize: 3, what: "reposting other users' notes with light edits" },
  { id: 'engagement-bait/double-tap', code: 'engagement-bait', weight: 0.35, minSize: 1, maxSize: 2, what: '“双击有惊喜”-style appeals, obfuscated' },
  { id: 'engagement-bait/mutual-follow', code: 'engagement-bait', weight: 0.4, minSize: 2, maxSize: 8, what: '互关/互粉/回关 schemes with real follow-backs' },
  { id: 'engagement-bait/sensational-hook', code: 'engagement-bait', weight: 0.25, minSize: 1, maxSize: 2, what: 'sensational or bizarre hooks in titles' },
  { id: 'traffic-diversion/contact-in-note', code: 'traffic-diversion', weight: 0.35, minSize: 1, maxSize: 4, what: 'obfuscated WeChat/QQ/phone in notes' },
  { id: 'traffic-diversion/contact-in-comment', code: 'traffic-diversion', weight: 0.3, minSize: 1, maxSize: 4, what: "obfuscated contacts in comments under other users' notes" },
  { id: 'traffic-diversion/contact-in-profile', code: 'traffic-diversion', weight: 0.2, minSize: 1, maxSize: 3, what: 'contact in nickname or bio' },
  { id: 'traffic-diversion/link-or-dm', code: 'traffic-diversion', weight: 0.15, minSize: 1, maxSize: 3, what: 'links, shop passwords, “私我/看我主页/DM me”' },
  { id: 'water-army/praise-ring', code: 'water-army', weight: 0.5, minSize: 10, maxSize: 40, what: 'the same ring praising the same brand notes within minutes' },
  { id: 'water-army/qa-act', code: 'water-army', weight: 0.3, minSize: 10, maxSize: 30, what: 'scripted question-and-answer acts repeated across notes' },
  { id: 'water-army/coordinated-forwarding', code: 'water-army', weight: 0.2, minSize: 10, maxSize: 30, what: 'coordinated @-forwarding and “已转发” bursts' },
  {
    id: 'undisclosed-promotion/fake-ugc',
    code: 'undisclosed-promotion',
    weight: 0.7,
    minSize: 4,
    maxSize: 18,
    what: 'ordinary-looking accounts posting commercial notes for one brand, not via the partner platform',
  },
  {
    id: 'undisclosed-promotion/brand-unauthorised',
    code: 'undisclosed-promotion',
    weight: 0.3,
    minSize: 1,
    maxSize: 1,
    what: 'a brand account posting commercial promotions outside the partner platform',
  },
  { id: 'misleading-marketing/absolute-claims', code: 'misleading-marketing', weight: 0.4, minSize: 1, maxSize: 1, what: '最好/第一/No.1/国家级/100%/根治 claims used to sell' },
  { id: 'misleading-marketing/fabricated-experience', code: 'misleading-marketing', weight: 0.35, minSize: 1, maxSize: 1, what: 'invented before/after experiences' },
  { id: 'misleading-marketing/misleading-title', code: 'misleading-marketing', weight: 0.25, minSize: 1, maxSize: 1, what: 'false-authority or bait-and-switch titles' },
  {
    id: 'account-transformation/farm-then-advertise',
    code: 'account-transformation',
    weight: 0.6,
    minSize: 1,
    maxSize: 1,
    what: 'farmed followers with template content, deleted it, renamed, now advertises or diverts',
  },
  { id: 'account-transformation/resold', code: 'account-transformation', weight: 0.4, minSize: 1, maxSize: 1, what: 'an ordinary account sold on: history hidden, new identity, ads' },
  { id: 'ai-hosted/fully-hosted', code: 'ai-hosted', weight: 0.45, minSize: 1, maxSize: 1, what: 'registered and run by an AI hosting tool: round-the-clock machine cadence, instant replies' },
  { id: 'ai-hosted/occasional', code: 'ai-hosted', weight: 0.35, minSize: 1, maxSize: 1, what: 'a real user who sometimes lets a hosting tool post and reply' },
  { id: 'ai-hosted/comment-bot', code: 'ai-hosted', weight: 0.2, minSize: 1, maxSize: 2, what: 'hosted commenting: generated comments seconds after notes appear' },
  { id: 'false-qualification/shared-license', code: 'false-qualification', weight: 0.5, minSize: 2, maxSize: 5, what: 'one licence number used by several unrelated professional accounts' },
  { id: 'false-qualification/forged-license', code: 'false-qualification', weight: 0.25, minSize: 1, maxSize: 1, what: 'a licence number that fails its check characters' },
  {
    id: 'false-qualification/mismatched-license',
    code: 'false-qualification',
    weight: 0.25,
    minSize: 1,
    maxSize: 1,
    what: 'a qualification inconsistent with the account (verified before it existed; an individual-business licence for a clinic)',
  },
] as const satisfies readonly VariantSpec[];

export type VariantId = (typeof VARIANTS)[number]['id'];

/** Fractions per code plus relative weights per variant. */
export type ViolationMix = Record<ViolationCode, number> & Record<VariantId, number>;

export const DEFAULT_CODE_RATES: Record<ViolationCode, number> = {
  'fake-account': 0.03,
  'homogeneous-content': 0.012,
  'engagement-bait': 0.01,
  'traffic-diversion': 0.016,
  'water-army': 0.02,
  'undisclosed-promotion': 0.012,
  'misleading-marketing': 0.008,
  'account-transformation': 0.005,
  'ai-hosted': 0.008,
  'false-qualification': 0.003,
};

export function defaultMix(): ViolationMix {
  const mix = { ...DEFAULT_CODE_RATES } as ViolationMix;
  for (const v of VARIANTS) mix[v.id] = v.weight;
  return mix;
}

export function resolveMix(partial: Partial<ViolationMix> | undefined): ViolationMix {
  const mix = defaultMix();
  if (!partial) return mix;
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (!(key in mix)) throw new Error(`unknown mix key: ${key} (use a violation code or a variant id such as water-army/praise-ring)`);
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw new Error(`mix ${key} must be a non-negative number`);
    (mix as Record<string, number>)[key] = value;
  }
  for (const code of VIOLATION_CODES) if (mix[code] > 0.5) throw new Error(`mix ${code} = ${mix[code]}: at most 0.5 of accounts per code`);
  return mix;
}

export interface GroupPlan {
  variant: VariantSpec & { id: VariantId };
  size: number;
}

/**
 * Plans the planted groups for one cohort. `owed` carries fractional quotas between cohorts so rates hold
 * over the whole snapshot; the first cohort plants every enabled variant at least once, so even a small
 * snapshot has every code.
 */
export class GroupPlanner {
  private readonly owed = new Map<ViolationCode, number>();

  constructor(private readonly mix: ViolationMix) {
    for (const code of VIOLATION_CODES) this.owed.set(code, 0);
  }

  plan(rng: Rng, cohortSize: number, first: boolean): GroupPlan[] {
    const plans: GroupPlan[] = [];
    for (const code of VIOLATION_CODES) {
      const rate = this.mix[code];
      const variants = VARIANTS.filter((v) => v.code === code && this.mix[v.id] > 0);
      if (rate <= 0 || variants.length === 0) continue;
      let owed = (this.owed.get(code) ?? 0) + rate * cohortSize;
      if (first) {
        for (const v of variants) {
          const size = v.minSize;
          plans.push({ variant: v, size });
          owed -= size;
        }
      }
      const weights = variants.map((v) => this.mix[v.id]);
      // Groups are drawn while enough is owed for a typical group of the chosen variant.
      for (let guard = 0; guard < 10000; guard++) {
        const v = rng.weighted(variants, weights);
        const typical = (v.minSize + v.maxSize) / 2;
        if (owed < Math.min(typical, v.minSize + 0.5) || owed <= 0) break;
        const size = Math.max(v.minSize, Math.min(rng.int(v.minSize, v.maxSize), Math.round(owed)));
        plans.push({ variant: v, size });
        owed -= size;
      }
      this.owed.set(code, owed);
    }
    return plans;
  }
}
