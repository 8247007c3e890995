/**
 * account-transformation: a farmed account that grew, purged its history, changed its
 * profile and turned to advertising (or was prepared for resale).
 *
 * AccountDetector over the account's own bundle:
 *  - grown: peak followers (followerCount or followerHistory) ≥ minFollowers;
 *  - purge: the densest `purgeWindowDays` window of deletions/hidings holds ≥ minPurged notes
 *    and ≥ minPurgedShare of the notes that existed by its end;
 *  - profile change: a nickname change within profileChangeWindowDays of the purge;
 *  - pivot: after the purge began, new notes that sell, name brands, declare cooperation or
 *    carry off-platform contacts.
 * Purge + pivot → purge-and-pivot (stronger with a rename); purge + rename → purge-and-rename.
 * The whole pattern — purge, rename and advertising — is a sale at any size (bulk buyers take
 * small, less active accounts too), so with a rename the follower floor and the purge size drop
 * to renamedMinFollowers / renamedMinPurged; the purge must still be most of the history.
 */
import type { AccountDetector, DetectContext, Note } from '../detectorPorts.ts';
import type { Finding } from '../finding.ts';
import { ownDomainTest, scanContacts, type OwnDomainTest } from '../text/contactPatterns.ts';
import { PRICE, quotedPrice } from '../text/marketingPatterns.ts';
import { normalizeJoined } from '../text/normalizeText.ts';
import { capped, contactWordsOf, epochSeconds, finding, lexiconOf, thresholdsOf } from './common.ts';

const CODE = 'account-transformation' as const;
export const RULE_PIVOT = 'account-transformation/purge-and-pivot';
export const RULE_RENAME = 'account-transformation/purge-and-rename';
const DAY = 86400;

/**
 * Others asking for the link ("同事问了好几次链接", "好多人问链接"): what a reviewer reports about readers, not the account
 * offering one. A turn to advertising offers, prices, names a brand or a contact.
 */
const ASKED_FOR_LINK = /问[^，。！？,.!?\n]{0,6}链接/g;

function isPivotNote(n: Note, isOwn: OwnDomainTest, ctx: DetectContext): boolean {
  if ((n.brandIds?.length ?? 0) > 0) return true;
  const t = normalizeJoined([n.title, n.body], '\n');
  return (
    lexiconOf(ctx, 'salesCues').test(t.replace(ASKED_FOR_LINK, '')) ||
    PRICE.test(t) ||
    quotedPrice(t) !== undefined ||
    lexiconOf(ctx, 'paidCooperation').test(t) ||
    scanContacts(t, isOwn, contactWordsOf(ctx)).contacts.length > 0
  );
}

export const accountTransformationDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE) || !bundle.account || bundle.notes.length === 0) return [];
    const a = bundle.account;
    const th = thresholdsOf(ctx, RULE_PIVOT);
    const thR = thresholdsOf(ctx, RULE_RENAME);
    const peak = Math.max(a.followerCount, ...(a.followerHistory ?? []).map((h) => h.count));
    // the full pattern (purge + rename + advertising) is a sale whatever the size: bulk buyers take small accounts too
    const fullMinFollowers = th.renamedMinFollowers ?? th.minFollowers;
    const fullMinPurged = th.renamedMinPurged ?? th.minPurged;
    if (peak < Math.min(th.minFollowers, thR.minFollowers, fullMinFollowers)) return [];

    const purged = bundle.notes
      .map((n) => ({ n, at: epochSeconds(n.deletedAt ?? n.hiddenAt) }))
      .filter((x) => x.at > 0)
      .sort((x, y) => x.at - y.at);
    if (purged.length === 0) return [];
    const window = th.purgeWindowDays * DAY;
    let best = { lo: 0, hi: 0 };
    let lo = 0;
    for (let hi = 0; hi < purged.length; hi++) {
      while (purged[hi].at - purged[lo].at > window) lo += 1;
      if (hi - lo > best.hi - best.lo) best = { lo, hi };
    }
    const inPurge = purged.slice(best.lo, best.hi + 1);
    const purgeStart = inPurge[0].at;
    const purgeEnd = inPurge[inPurge.length - 1].at;
    const existing = bundle.notes.filter((n) => epochSeconds(n.createdAt) <= purgeEnd).length;
    const share = existing ? inPurge.length / existing : 0;

    const changeWindow = th.profileChangeWindowDays * DAY;
    const renames = (a.nicknameHistory ?? []).filter((h) => {
      const t = epochSeconds(h.changedAt);
      return t >= purgeStart - changeWindow && t <= purgeEnd + changeWindow;
    });
    const isOwn = ownDomainTest(ctx.ownDomains);
    const pivot = bundle.notes
      .filter((n) => epochSeconds(n.createdAt) >= purgeStart && !n.deletedAt && !n.hiddenAt)
      .filter((n) => isPivotNote(n, isOwn, ctx))
      .map((n) => n.noteId)
      .sort();

    const out: Finding[] = [];
    const purgeSummary = `${inPurge.length} of ${existing} notes deleted/hidden within ${Math.max(1, Math.round((purgeEnd - purgeStart) / DAY))} day(s) at ${peak} followers`;
    const pivoted = share >= th.minPurgedShare && pivot.length >= th.minPivotNotes;
    const grownPurge = peak >= th.minFollowers && inPurge.length >= th.minPurged;
    const renamedPurge = renames.length > 0 && peak >= fullMinFollowers && inPurge.length >= fullMinPurged;
    if (pivoted && (grownPurge || renamedPurge)) {
      out.push(
        finding(a.accountId, CODE, RULE_PIVOT, renames.length > 0 ? 0.92 : 0.75, {
          summary: `${purgeSummary}${renames.length ? `, nickname changed (was "${renames[0].nickname}")` : ''}, then ${pivot.length} advertising note(s)`,
          // the ads first: they are the turn a reader checks; the purged history fills what room is left
          noteIds: [
            ...capped(pivot, 20),
            ...capped(
              inPurge.map((x) => x.n.noteId),
              20,
            ),
          ].slice(0, 20),
          matched: renames.length
            ? capped(
                renames.map((r) => r.nickname),
                5,
              )
            : undefined,
        }),
      );
    } else if (peak >= thR.minFollowers && inPurge.length >= thR.minPurged && share >= thR.minPurgedShare && renames.length > 0) {
      out.push(
        finding(a.accountId, CODE, RULE_RENAME, 0.6, {
          summary: `${purgeSummary}, nickname changed (was "${renames[0].nickname}")`,
          noteIds: capped(
            inPurge.map((x) => x.n.noteId),
            20,
          ),
          matched: capped(
            renames.map((r) => r.nickname),
            5,
          ),
        }),
      );
    }
    return out;
  },
};
