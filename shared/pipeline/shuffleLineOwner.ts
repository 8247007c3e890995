/**
 * Which account an account-shuffle line belongs to, read from the line's text without parsing it: a step that
 * wants a few accounts of a bucket (a human review's evidence) skips the other lines before JSON.parse.
 * The lines are partition's JSON.stringify of a validated record; the owner's key occurs once in such a line
 * (no nested object of the contract has it, and inside a string value a quote is always escaped), so its first
 * occurrence is the record's own field.
 */
import type { RecordKind } from '#shared/contract/snapshotRecords';

/** The field naming a record's owning account; reports are left out (their owner depends on `targetType`). */
const OWNER_KEY: Partial<Record<RecordKind, string>> = { accounts: '"accountId":', notes: '"accountId":', comments: '"accountId":', follows: '"followeeId":' };

/** A filter for one kind's lines: true when the line's owner may be among `wanted` (always true where the owner cannot be read cheaply). */
export function ownerFilter(kind: RecordKind, wanted: ReadonlySet<string>): (line: string) => boolean {
  const key = OWNER_KEY[kind];
  if (key === undefined) return () => true;
  // compared as JSON string literals: the same escaping JSON.stringify gave the line
  const literals = new Set([...wanted].map((id) => JSON.stringify(id)));
  return (line) => {
    const at = line.indexOf(key);
    if (at < 0) return true;
    const start = at + key.length;
    if (line.charCodeAt(start) !== 34 /* " */) return true;
    let end = start + 1;
    for (; end < line.length; end++) {
      const c = line.charCodeAt(end);
      if (c === 92 /* \ */) end++;
      else if (c === 34) break;
    }
    return literals.has(line.slice(start, end + 1));
  };
}
