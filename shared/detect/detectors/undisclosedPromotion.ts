/**
 * undisclosed-promotion: commercial promotion not placed through the partner platform.
 *
 * - Per note (AccountDetector): a note naming a brand (brandIds) that declares a paid or
 *   gifted cooperation ("恰饭", "品牌方寄的", "#ad") without sponsoredVia = partner-platform
 *   → `paid-off-platform`, one Finding per note. An ordinary account's hard-sell note (coupon
 *   codes, final prices, product cards…) → `covert-ad`, brand tagged or not: seeding
 *   operations leave the brand untagged to dodge brand screening, the selling gives them away.
 * - Brand accounts: a brand account's own note that sells its own products (hard-sell cues;
 *   untagged notes of a brand account are about its brand), promotes another brand, or poses
 *   as a consumer ("自费购买", "不是广告") while selling, outside the partner platform
 *   → `brand-unauthorised`, one Finding per note. Each one costs the brand points
 *   (shared/policy/consequences.ts, applied when deciding).
 * - Channel `brand-notes` (key: brandId): commercial, non-partner notes about one brand posted
 *   by many ordinary accounts in a burst (above the brand's own baseline) → `coordinated-seeding`
 *   for each poster (clusterKey = the brandId).
 *   The same burst, split into campaigns (no gap over the window), goes to the brand's own
 *   account (learnt from the `accounts` rows with a brandId) → `brand-campaign`, one Finding per
 *   campaign. Seeding campaigns are how brands buy fake word of mouth (seed 003); whether the
 *   brand pays points for one is the policy's call (brandPoints.attributeCampaigns,
 *   minCampaignAccounts), since a competitor could also seed for a brand to frame it.
 *   A brief's posters who leave the brand untagged are keyed by the final price they quote
 *   (`untagged@<price>`), when the note also sends readers to the comments and claims to be self-paid;
 *   so are its posters who tag the brand and bear the same marks (one brief's posters split both ways).
 * - Channel `note-comments` (water-army's, key: the note): the author of a note a crew worked gets a host signal
 *   (waterArmy/crewHost.ts); an ordinary account whose brand notes the crew keeps working, or whose author answers the
 *   crew inside the act, ran a crew-seeded promotion → `crew-seeded`.
 */
import type { Account, AccountDetector, Channel, KeyedRow, Note, PartitionContext } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { PRICE, hardSellCues, quotedPrice } from '../text/marketingPatterns.ts';
import { noteSignature, similarity } from '../text/nearDuplicate.ts';
import { normalizeJoined } from '../text/normalizeText.ts';
import {
  campaignKey,
  RULE_BRAND_CAMPAIGN as RULE_CAMPAIGN,
  RULE_BRAND_UNAUTHORISED as RULE_BRAND,
  RULE_COORDINATED_SEEDING as RULE_SEEDING,
  RULE_COVERT_AD as RULE_COVERT,
  RULE_PAID_OFF_PLATFORM as RULE_PAID,
  RULE_SEEDED_BRIEF as RULE_BRIEF,
  RULE_CREW_SEEDED as RULE_CREW,
} from '../ruleCatalog.ts';
import { capped, epochSeconds, excerpt, finding, lexiconOf, signal, thresholdsOf } from './common.ts';
import { HOST_ANSWERED } from './waterArmy/crewHost.ts';
import { CHANNEL_NOTE_COMMENTS } from './waterArmy/rules.ts';

const CODE = 'undisclosed-promotion' as const;
const CHANNEL = 'brand-notes';

const viaPartner = (n: Note): boolean => n.sponsoredVia === 'partner-platform';

export interface NoteCues {
  paid: boolean;
  disclaimer: boolean;
  /** Sales cue or a price. */
  sales: boolean;
  /** A sales cue proper: reviews quote prices, so a price alone does not make a note selling. */
  selling: boolean;
  hardSell: string[];
  /** The hard-sell cues and the first sales cue proper ("店铺", "领券"…), as matched. */
  sellCues: string[];
}

export function noteCues(n: Note, ctx?: PartitionContext): NoteCues {
  const t = normalizeJoined([n.title, n.body, (n.tags ?? []).join(' ')], '\n');
  const disclaimers = lexiconOf(ctx, 'adDisclaimers');
  const disclaimer = disclaimers.test(t);
  const paid = lexiconOf(ctx, 'paidCooperation').test(disclaimer ? t.replace(new RegExp(disclaimers.source, 'g'), ' ') : t);
  const hardSell = hardSellCues(t);
  const sale = lexiconOf(ctx, 'salesCues').exec(t)?.[0];
  const selling = sale !== undefined || hardSell.length > 0;
  return { paid, disclaimer, sales: selling || PRICE.test(t), selling, hardSell, sellCues: [...new Set([...(sale ? [sale] : []), ...hardSell])] };
}

export const brandNotesChannel: Channel = {
  name: CHANNEL,
  codes: [CODE],
  keys(kind, record, ctx) {
    if (kind === 'accounts') {
      const a = record as Account;
      return a.accountType === 'brand' && a.brandId ? [{ key: a.brandId, row: { ba: a.accountId } }] : [];
    }
    if (kind !== 'notes') return [];
    const n = record as Note;
    if (viaPartner(n)) return [];
    if (!n.brandIds || n.brandIds.length === 0) return untaggedBriefKeys(n, ctx);
    // a brief's posters tag the brand or not, each as they like: the tagged ones bearing its three marks join the price key too
    const byPrice = untaggedBriefKeys(n, ctx);
    const cues = noteCues(n, ctx);
    const t = normalizeJoined([n.title, n.body], '\n');
    // for seeded briefs: the price quoted and whether readers are sent to the comments for the link
    const price = quotedPrice(t);
    const redirect = lexiconOf(ctx, 'commentRedirects').test(t);
    const brief = { ...(price ? { p: price } : {}), ...(redirect ? { r: 1 } : {}), ...(price && redirect ? textSig(n) : {}) };
    if (!cues.selling && !cues.disclaimer && !cues.paid) {
      // a mention without any commercial cue (a price alone is a review's) still counts for the brand's baseline
      return [...[...new Set(n.brandIds)].map((b): KeyedRow => ({ key: b, row: { a: n.accountId, n: n.noteId, t: epochSeconds(n.createdAt), ...brief } })), ...byPrice];
    }
    return [...[...new Set(n.brandIds)].map((b): KeyedRow => ({ key: b, row: { a: n.accountId, n: n.noteId, t: epochSeconds(n.createdAt), c: 1, ...brief } })), ...byPrice];
  },
  group(key, rows, ctx) {
    if (!ctx.enabled(CODE)) return [];
    if (key.startsWith(UNTAGGED)) return briefSignals(key, rows, thresholdsOf(ctx, RULE_BRIEF));
    return [...seedingSignals(key, rows, ctx), ...briefSignals(key, rows, thresholdsOf(ctx, RULE_BRIEF))];
  },
};

/**
 * Key prefix of brief notes grouped by the price they quote alone (no brand id starts with it): the untagged ones, and
 * the tagged ones bearing the same three marks, since one brief's posters split between tagging the brand and not.
 */
export const UNTAGGED = 'untagged@';

/**
 * A brief's posters often leave the brand untagged, to pass brand screening. What they cannot leave out is the brief
 * itself: the final price every poster quotes, the link placed in the comments, and the claim of paying themselves
 * (自费, 无广, 不是广告). A note with all three is keyed by its price, whether it tags the brand or not; an honest
 * reviewer hands out no link.
 */
function untaggedBriefKeys(n: Note, ctx?: PartitionContext): KeyedRow[] {
  const t = normalizeJoined([n.title, n.body], '\n');
  if (!lexiconOf(ctx, 'commentRedirects').test(t) || !lexiconOf(ctx, 'adDisclaimers').test(t)) return [];
  const price = quotedPrice(t);
  return price ? [{ key: `${UNTAGGED}${price}`, row: { a: n.accountId, n: n.noteId, t: epochSeconds(n.createdAt), p: price, r: 1, ...textSig(n) } }] : [];
}

/** A brief note's text signature (a short MinHash), to tell a poster's own write-up from a copy of another's. */
const SIG_SIZE = 32;
function textSig(n: Note): { s?: number[] } {
  const sig = noteSignature(n.title, n.body, 20, SIG_SIZE);
  return sig ? { s: [...sig] } : {};
}

/**
 * Copies of another account's brief note: a brief hands every poster the same points and price, and each writes them
 * up in their own words; a note nearly identical to an earlier one by another account (minhash similarity ≥
 * copySimilarity) was copied from it, by an account farming content to look alive: that copying is
 * homogeneous-content's or fake-account's act, and the copier is no poster of the brief.
 */
function withoutCopies<T extends { a: string; s?: number[] }>(list: T[], minSimilarity: number): T[] {
  const kept: T[] = [];
  for (const x of list) {
    const sx = x.s ? Uint32Array.from(x.s) : undefined;
    if (sx && kept.some((y) => y.a !== x.a && y.s && similarity(sx, Uint32Array.from(y.s)) >= minSimilarity)) continue;
    kept.push(x);
  }
  return kept;
}

/**
 * A paid brief posted by ordinary accounts: within windowDays, ≥ minAccounts accounts quote the brand's product at
 * one and the same price, and most of them send readers to the comments for the link. Honest reviewers quote what
 * they paid (sales, coupons, when) and hand out no links; a brief gives every poster the same final price and a
 * link placed under the note. Each poster's claim to be a self-paying consumer does not change it.
 */
function briefSignals(brandId: string, rows: Record<string, unknown>[], th: Record<string, number>): Signal[] {
  const untagged = brandId.startsWith(UNTAGGED);
  const brandAccounts = new Set(rows.filter((r) => r.ba !== undefined).map((r) => String(r.ba)));
  const byPrice = new Map<string, { a: string; n: string; t: number; r: boolean; s?: number[] }[]>();
  for (const r of rows) {
    if (r.p === undefined || brandAccounts.has(String(r.a))) continue;
    let list = byPrice.get(String(r.p));
    if (!list) byPrice.set(String(r.p), (list = []));
    list.push({ a: String(r.a), n: String(r.n), t: Number(r.t), r: r.r === 1, ...(Array.isArray(r.s) ? { s: r.s as number[] } : {}) });
  }
  const window = th.windowDays * 86400;
  const out: Signal[] = [];
  for (const [price, all] of [...byPrice].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (new Set(all.map((x) => x.a)).size < th.minAccounts) continue;
    all.sort((x, y) => x.t - y.t || (x.n < y.n ? -1 : 1));
    const list = withoutCopies(all, th.copySimilarity);
    const members = new Set<number>();
    for (let lo = 0, hi = 0; hi < list.length; hi++) {
      while (list[hi].t - list[lo].t > window) lo += 1;
      const span = list.slice(lo, hi + 1);
      const accounts = new Set(span.map((x) => x.a));
      const redirecting = new Set(span.filter((x) => x.r).map((x) => x.a));
      if (accounts.size >= th.minAccounts && redirecting.size >= th.minRedirectShare * accounts.size) for (let i = lo; i <= hi; i++) members.add(i);
    }
    const hits = [...members].map((i) => list[i]);
    const accounts = [...new Set(hits.map((x) => x.a))].sort();
    for (const a of accounts) {
      out.push(
        signal(a, CHANNEL, CODE, RULE_BRIEF, brandId, Math.min(0.9, 0.55 + 0.03 * accounts.length), {
          summary: untagged
            ? `one of ${accounts.length} accounts quoting the same final price (${price}) within ${th.windowDays} days, each claiming to have paid themselves and sending readers to the comments for the link, no brand tagged, outside the partner platform`
            : `one of ${accounts.length} accounts quoting brand ${brandId} at the same price (${price}) within ${th.windowDays} days, most sending readers to the comments for the link, outside the partner platform`,
          noteIds: capped(
            hits.filter((x) => x.a === a).map((x) => x.n),
            20,
          ),
          relatedAccountIds: capped(
            accounts.filter((x) => x !== a),
            20,
          ),
          clusterKey: untagged ? brandId : `${brandId}@${price}`,
        }),
      );
    }
  }
  return out;
}

function seedingSignals(brandId: string, rows: Record<string, unknown>[], ctx: Parameters<Channel['group']>[2]): Signal[] {
  const th = thresholdsOf(ctx, RULE_SEEDING);
  const brandAccounts = new Set<string>();
  const notes: { a: string; n: string; t: number; c: boolean }[] = [];
  for (const r of rows) {
    if (r.ba !== undefined) brandAccounts.add(String(r.ba));
    else notes.push({ a: String(r.a), n: String(r.n), t: Number(r.t), c: r.c === 1 });
  }
  const others = notes.filter((x) => !brandAccounts.has(x.a)).sort((x, y) => x.t - y.t || (x.n < y.n ? -1 : 1));
  if (others.length < th.minAccounts) return [];
  // a burst must be a real share of everyone who ever mentioned the brand: a popular brand's organic surges (a
  // launch, a season) gather many honest reviewers in a few days, more the larger the population
  const minBurstAccounts = (th.minBurstShare ?? 0) * new Set(others.map((x) => x.a)).size;
  const window = th.windowHours * 3600;
  const span = others[others.length - 1].t - others[0].t;
  // baseline: notes expected in one window if mentions were spread evenly over the span
  const expected = span > 3 * window ? (others.length * window) / span : 0;
  const inBurst = new Uint8Array(others.length);
  let lo = 0;
  const counts = new Map<string, number>();
  let commercial = 0;
  for (let hi = 0; hi < others.length; hi++) {
    counts.set(others[hi].a, (counts.get(others[hi].a) ?? 0) + 1);
    if (others[hi].c) commercial += 1;
    while (others[hi].t - others[lo].t > window) {
      const a = others[lo].a;
      const k = counts.get(a)! - 1;
      if (k === 0) counts.delete(a);
      else counts.set(a, k);
      if (others[lo].c) commercial -= 1;
      lo += 1;
    }
    const size = hi - lo + 1;
    if (counts.size >= th.minAccounts && counts.size >= minBurstAccounts && commercial >= th.minCommercialShare * size && (expected === 0 || size >= th.burstRatio * expected)) {
      for (let i = lo; i <= hi; i++) if (others[i].c) inBurst[i] = 1;
    }
  }
  const burst = others.filter((_, i) => inBurst[i] === 1);
  if (burst.length === 0) return [];
  const accounts = [...new Set(burst.map((x) => x.a))].sort();
  if (accounts.length < th.minAccounts) return [];
  const out: Signal[] = [];
  if (brandAccounts.size > 0) out.push(...campaignSignals(brandId, [...brandAccounts].sort(), burst, window, thresholdsOf(ctx, RULE_CAMPAIGN).maxFindings, th.minAccounts));
  for (const a of accounts) {
    out.push(
      signal(a, CHANNEL, CODE, RULE_SEEDING, brandId, Math.min(0.9, 0.55 + 0.03 * accounts.length), {
        summary: `one of ${accounts.length} accounts posting commercial notes for brand ${brandId} in a burst, outside the partner platform`,
        noteIds: capped(
          burst.filter((x) => x.a === a).map((x) => x.n),
          20,
        ),
        relatedAccountIds: capped(
          accounts.filter((x) => x !== a),
          20,
        ),
        clusterKey: brandId,
      }),
    );
  }
  return out;
}

/**
 * The brand's side of a seeding burst: the burst notes split into campaigns where no note follows
 * the previous one within the window, each campaign with >= minAccounts posters is one signal to
 * the brand's own account(s), keyed by its first note (campaignKey). Whether the brand pays for
 * it is the policy's call (brandPoints.attributeCampaigns), not the detector's.
 */
function campaignSignals(brandId: string, brandAccounts: string[], burst: { a: string; n: string; t: number }[], window: number, maxCampaigns: number, minAccounts: number): Signal[] {
  const campaigns: (typeof burst)[] = [];
  for (const x of burst) {
    const cur = campaigns[campaigns.length - 1];
    if (cur && x.t - cur[cur.length - 1].t <= window) cur.push(x);
    else campaigns.push([x]);
  }
  const out: Signal[] = [];
  for (const c of campaigns.slice(-maxCampaigns)) {
    const accounts = [...new Set(c.map((x) => x.a))].sort();
    if (accounts.length < minAccounts) continue;
    const key = campaignKey(brandId, c[0].n);
    const from = new Date(c[0].t * 1000).toISOString();
    const to = new Date(c[c.length - 1].t * 1000).toISOString();
    for (const ba of brandAccounts) {
      out.push(
        signal(ba, CHANNEL, CODE, RULE_CAMPAIGN, brandId, Math.min(0.9, 0.55 + 0.03 * accounts.length), {
          summary: `seeding campaign for brand ${brandId}: ${c.length} commercial notes by ${accounts.length} ordinary accounts outside the partner platform, ${from} – ${to}`,
          // first note first: it names the campaign across sweeps
          noteIds: [
            c[0].n,
            ...capped(
              c.slice(1).map((x) => x.n),
              49,
            ),
          ],
          relatedAccountIds: capped(accounts, 50),
          clusterKey: key,
        }),
      );
    }
  }
  return out;
}

/**
 * crew-seeded: an ordinary account's notes for one brand worked by a hired crew. Crews comment on untagged notes of
 * popular creators for cover; a brand's promotion names the brand, comes back to the crew note after note, or has its
 * author answer the crew's "where to buy" inside the act. The author's lines in the acts' threads are cited as
 * this promotion's, not a second, traffic-diversion, code: traffic-diversion leaves out the author's comments on notes its
 * crew-host signals name, and withoutExplained (detectAccount.ts) a line exported twice whose kept copy is on another note.
 */
function crewSeeded(accountId: string, notes: readonly Note[], signals: readonly Signal[], th: Record<string, number>): Finding[] {
  const hosted = signals.filter((s) => s.ruleId === RULE_CREW && s.channel === CHANNEL_NOTE_COMMENTS);
  if (hosted.length === 0) return [];
  const byId = new Map(notes.map((n) => [n.noteId, n]));
  const byBrand = new Map<string, { notes: Set<string>; answered: Set<string> }>();
  for (const s of hosted) {
    const n = byId.get(s.key);
    if (!n || viaPartner(n) || !n.brandIds || n.brandIds.length === 0) continue;
    for (const b of new Set(n.brandIds)) {
      let x = byBrand.get(b);
      if (!x) byBrand.set(b, (x = { notes: new Set(), answered: new Set() }));
      x.notes.add(n.noteId);
      if (s.detail.clusterKey === HOST_ANSWERED) x.answered.add(n.noteId);
    }
  }
  const brands = [...byBrand].filter(([, x]) => x.notes.size >= th.minNotes || x.answered.size >= th.minAnsweredNotes).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  if (brands.length === 0) return [];
  const noteIds = [...new Set(brands.flatMap(([, x]) => [...x.notes]))].sort();
  return [
    finding(accountId, CODE, RULE_CREW, Math.min(0.9, 0.6 + 0.05 * noteIds.length), {
      summary: `notes for ${brands.map(([b]) => b).join(', ')} worked by a hired crew (${noteIds.length} note(s)), outside the partner platform`,
      noteIds: capped(noteIds, 20),
      // the account's lines inside every act on its notes
      commentIds: capped([...new Set(hosted.flatMap((s) => s.detail.commentIds ?? []))].sort(), 50),
      relatedAccountIds: capped([...new Set(hosted.flatMap((s) => s.detail.relatedAccountIds ?? []))].sort(), 20),
      clusterKey: brands[0][0],
    }),
  ];
}

export const undisclosedPromotionDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const out: Finding[] = [];
    const account = bundle.account;
    const isBrand = account?.accountType === 'brand';
    const thPaid = thresholdsOf(ctx, RULE_PAID);
    const thBrand = thresholdsOf(ctx, RULE_BRAND);
    const brandNotes = new Set<string>();
    let paidCount = 0;
    let covertCount = 0;
    const thCovert = thresholdsOf(ctx, RULE_COVERT);
    const ordinary = !account || account.accountType === 'personal';
    const notes = [...bundle.notes].sort((x, y) => (x.noteId < y.noteId ? -1 : 1));
    for (const n of notes) {
      if (viaPartner(n)) continue;
      const tagged = !!n.brandIds && n.brandIds.length > 0;
      const cues = noteCues(n, ctx);
      if (isBrand) {
        // A brand account speaks for its brand: an untagged note of its own is about that brand.
        const otherBrand = !!account?.brandId && tagged && n.brandIds!.some((b) => b !== account.brandId);
        const posing = tagged && cues.disclaimer && cues.sales;
        // For a brand every commercial note outside the partner platform is one (contract): pointing readers to its shop or
        // a coupon is selling, whether or not the note also hard-sells.
        const selling = (!tagged || n.brandIds!.includes(account!.brandId ?? '')) && cues.sellCues.length >= thBrand.minSellCues;
        if (otherBrand || posing || selling) {
          if (brandNotes.size < thBrand.maxFindings) {
            brandNotes.add(n.noteId);
            out.push(
              finding(bundle.accountId, CODE, RULE_BRAND, 0.8, {
                summary: otherBrand
                  ? `brand account promotes ${n.brandIds!.filter((b) => b !== account?.brandId).join(', ')} outside the partner platform: "${excerpt(n.title, 30)}"`
                  : posing
                    ? `brand account poses as a consumer while selling: "${excerpt(n.title, 30)}"`
                    : `brand account sells its own products outside the partner platform: "${excerpt(n.title, 30)}"`,
                noteIds: [n.noteId],
                ...(selling && !otherBrand && !posing ? { matched: cues.sellCues.slice(0, 5) } : {}),
              }),
            );
          }
          continue;
        }
      }
      if (!tagged) {
        // Seeding operations leave the brand untagged to dodge brand screening; the hard sell still gives them away.
        if (ordinary && !cues.paid && cues.hardSell.length >= thCovert.minCuesUntagged && covertCount < thCovert.maxFindings) {
          covertCount += 1;
          out.push(
            finding(bundle.accountId, CODE, RULE_COVERT, Math.min(0.9, 0.55 + 0.05 * cues.hardSell.length), {
              summary: `an ordinary account runs a hard-sell ad without tagging the brand, outside the partner platform: "${excerpt(n.title, 30)}"`,
              noteIds: [n.noteId],
              matched: cues.hardSell.slice(0, 5),
            }),
          );
        }
        continue;
      }
      if (!cues.paid && ordinary && cues.hardSell.length >= thCovert.minCues && covertCount < thCovert.maxFindings) {
        covertCount += 1;
        out.push(
          finding(bundle.accountId, CODE, RULE_COVERT, Math.min(0.9, 0.6 + 0.05 * cues.hardSell.length), {
            summary: `an ordinary account runs a hard-sell ad for ${n.brandIds!.join(', ')} outside the partner platform: "${excerpt(n.title, 30)}"`,
            noteIds: [n.noteId],
            matched: cues.hardSell.slice(0, 5),
          }),
        );
        continue;
      }
      if (cues.paid && paidCount < thPaid.maxFindings) {
        paidCount += 1;
        out.push(
          finding(bundle.accountId, CODE, RULE_PAID, 0.85, {
            summary: `paid cooperation for ${n.brandIds!.join(', ')} not placed through the partner platform: "${excerpt(n.title, 30)}"`,
            noteIds: [n.noteId],
          }),
        );
      }
    }
    if (ordinary) out.push(...crewSeeded(bundle.accountId, bundle.notes, bundle.signals, thresholdsOf(ctx, RULE_CREW)));
    // Campaigns others ran for this brand: one finding per campaign (charged, or not, by the brand points policy).
    if (isBrand && account?.brandId) {
      const campaigns = bundle.signals.filter((x) => x.ruleId === RULE_CAMPAIGN && x.key === account.brandId).sort((x, y) => (x.detail.clusterKey! < y.detail.clusterKey! ? -1 : 1));
      for (const c of campaigns.slice(0, thresholdsOf(ctx, RULE_CAMPAIGN).maxFindings)) out.push(finding(bundle.accountId, CODE, RULE_CAMPAIGN, c.score, c.detail));
    }
    // an untagged brief names no brand: a brand or business account quoting its own price is the brand rules' business
    const briefs = bundle.signals.filter((x) => x.code === CODE && x.ruleId === RULE_BRIEF && (!x.key.startsWith(UNTAGGED) || (account?.accountType ?? 'personal') === 'personal'));
    if (briefs.length > 0) {
      out.push(
        finding(bundle.accountId, CODE, RULE_BRIEF, Math.max(...briefs.map((s) => s.score)), {
          summary: briefs.length > 1 ? `${briefs[0].detail.summary} (+${briefs.length - 1} more)` : briefs[0].detail.summary,
          noteIds: capped(
            briefs.flatMap((s) => s.detail.noteIds ?? []),
            20,
          ),
          relatedAccountIds: capped(
            briefs.flatMap((s) => s.detail.relatedAccountIds ?? []),
            20,
          ),
          clusterKey: briefs.map((s) => s.detail.clusterKey!).sort()[0],
        }),
      );
    }
    const seeding = bundle.signals.filter((x) => x.code === CODE && x.ruleId === RULE_SEEDING);
    if (seeding.length > 0) {
      out.push(
        finding(bundle.accountId, CODE, RULE_SEEDING, Math.max(...seeding.map((s) => s.score)), {
          summary: `commercial notes in coordinated seeding bursts for ${capped(
            seeding.map((s) => s.key),
            5,
          ).join(', ')}`,
          noteIds: capped(
            seeding.flatMap((s) => s.detail.noteIds ?? []),
            20,
          ),
          relatedAccountIds: capped(
            seeding.flatMap((s) => s.detail.relatedAccountIds ?? []),
            20,
          ),
          clusterKey: seeding.map((s) => s.key).sort()[0],
        }),
      );
    }
    return out;
  },
};
