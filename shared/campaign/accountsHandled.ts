/**
 * A campaign's accounts handled, each counted once however many days acted on it: under every code it was
 * acted on for, under its strongest action, and under the highest follower tier it had when acted on. The
 * announcement's "N accounts, including X with over 100,000 followers" is this, not a count of actions (an
 * account escalated on a later day is one account). Pure.
 */
import { ACTION_RANK, type Action } from '#shared/contract/decisionExport';
import { followerTier } from '#shared/review/followerTier';

/** One act on an account: an enforce entry the report counts, or a shadow campaign's would-have entry. */
export interface HandledAct {
  accountId: string;
  codes: readonly string[];
  action: Action;
  followerCount?: number;
}

type Counts = Record<string, number>;

export interface AccountsHandled {
  accounts: number;
  actions: number;
  byCode: Counts;
  byAction: Counts;
  byFollowerTier: Counts;
  over10k: number;
  over100k: number;
}

const inc = (m: Counts, k: string) => (m[k] = (m[k] ?? 0) + 1);

export function countAccountsHandled(acts: Iterable<HandledAct>): AccountsHandled {
  const per = new Map<string, { codes: Set<string>; action: Action; followers?: number }>();
  let actions = 0;
  for (const a of acts) {
    actions += 1;
    const seen = per.get(a.accountId);
    if (!seen) {
      per.set(a.accountId, { codes: new Set(a.codes), action: a.action, followers: a.followerCount });
      continue;
    }
    for (const c of a.codes) seen.codes.add(c);
    if (ACTION_RANK[a.action] > ACTION_RANK[seen.action]) seen.action = a.action;
    if (a.followerCount !== undefined) seen.followers = Math.max(seen.followers ?? 0, a.followerCount);
  }
  const out: AccountsHandled = { accounts: per.size, actions, byCode: {}, byAction: {}, byFollowerTier: {}, over10k: 0, over100k: 0 };
  for (const a of per.values()) {
    for (const c of a.codes) inc(out.byCode, c);
    inc(out.byAction, a.action);
    inc(out.byFollowerTier, a.followers === undefined ? 'unknown' : followerTier(a.followers));
    if ((a.followers ?? 0) >= 10_000) out.over10k += 1;
    if ((a.followers ?? 0) >= 100_000) out.over100k += 1;
  }
  return out;
}

/** Each account's codes over the acts (what a comparison of two campaigns sets side by side). */
export function codesByAccount(acts: Iterable<HandledAct>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of acts) {
    const s = out.get(a.accountId) ?? new Set<string>();
    for (const c of a.codes) s.add(c);
    out.set(a.accountId, s);
  }
  return out;
}
