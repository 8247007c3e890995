/**
 * "One act is punished once": which findings rest only on evidence an earlier, still standing
 * enforcement already acted on. Pure.
 *
 * The evidence of a finding is the set of its evidence keys: the content it names (notes,
 * comments), the cluster it belongs to (a device, network, ring or campaign key), and for a
 * finding about the account itself with neither (a registration fact, a profile, a licence) the
 * rule that fired: an account-level fact is one act, however many sweeps see it again. An
 * enforced entry records the keys of the findings it acted on (LedgerEntry.evidenceKeys, copied
 * to the account's offenses). A finding all of whose keys are already in an offense of another
 * sweep that was not reversed is "already acted on": it adds nothing, neither a penalty nor a
 * step up the ladder. A finding with at least one new key is new evidence.
 */
import type { Finding } from '#shared/detect/finding';

/** An offense as the history gives it: the sweep, when it was decided, what it did and what it rested on. */
export interface ActedOffense {
  sweepId: string;
  effectiveAt: string;
  action: string;
  /** Absent on offenses recorded before evidence keys were: those cover nothing. */
  evidenceKeys?: readonly string[];
}

export function evidenceKeysOf(f: Finding): string[] {
  const keys = [...(f.evidence.noteIds ?? []).map((id) => `note:${id}`), ...(f.evidence.commentIds ?? []).map((id) => `comment:${id}`)];
  if (f.evidence.clusterKey) keys.push(`cluster:${f.ruleId}:${f.evidence.clusterKey}`);
  if (keys.length === 0) keys.push(`account:${f.ruleId}`);
  return [...new Set(keys)].sort();
}

/** The keys a decision rests on, sorted and distinct: what its ledger entry records. */
export function evidenceKeysOfAll(findings: readonly Finding[]): string[] {
  return [...new Set(findings.flatMap(evidenceKeysOf))].sort();
}

/**
 * Offenses that count for a sweep over a snapshot taken at `takenAt`: other sweeps' (a re-run
 * never counts itself), decided at or before it, that did something. Reversed ones are already
 * gone from the history.
 */
export function countedOffenses<T extends ActedOffense>(prior: readonly T[], sweepId: string, takenAt: string): T[] {
  return prior.filter((p) => p.sweepId !== sweepId && p.effectiveAt <= takenAt && p.action !== 'none');
}

export interface ActedSplit {
  /** Findings with at least one key no counted offense covers. */
  fresh: Finding[];
  /** Findings whose every key a counted offense already covers. */
  repeated: Finding[];
  /** The sweeps whose offenses covered the repeated findings, sorted. */
  actedIn: string[];
}

export function splitAlreadyActed(findings: readonly Finding[], offenses: readonly ActedOffense[]): ActedSplit {
  const coveredBy = new Map<string, string>();
  for (const o of offenses) for (const k of o.evidenceKeys ?? []) if (!coveredBy.has(k)) coveredBy.set(k, o.sweepId);
  const fresh: Finding[] = [];
  const repeated: Finding[] = [];
  const actedIn = new Set<string>();
  for (const f of findings) {
    const keys = evidenceKeysOf(f);
    if (keys.every((k) => coveredBy.has(k))) {
      repeated.push(f);
      for (const k of keys) actedIn.add(coveredBy.get(k)!);
    } else fresh.push(f);
  }
  return { fresh, repeated, actedIn: [...actedIn].sort() };
}
