/**
 * An account's signals in one order whatever the shuffle's layout. Which signal file a group's signals land in, and
 * so the order resolve reads them, follows the bucket count (a key's channel bucket is its hash modulo the count);
 * a detector that keeps the first of several signals for a note would then decide differently on the same snapshot
 * split another way (3 of 20,240 decisions differed between 7 and 40 buckets at 200k accounts, issue 17).
 */
import type { Signal } from '#shared/detect/finding';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts in place by channel, rule, group key, then score and evidence (serialised only to break ties). */
export function sortSignalsCanonically(signals: Signal[]): Signal[] {
  if (signals.length < 2) return signals;
  const tieText = new Map<Signal, string>();
  const tie = (s: Signal) => {
    let t = tieText.get(s);
    if (t === undefined) tieText.set(s, (t = `${s.score}\u0000${s.code}\u0000${JSON.stringify(s.detail)}`));
    return t;
  };
  return signals.sort((a, b) => cmp(a.channel, b.channel) || cmp(a.ruleId, b.ruleId) || cmp(a.key, b.key) || cmp(tie(a), tie(b)));
}
