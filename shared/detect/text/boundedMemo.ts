/**
 * A bounded memo for pure text functions. Every channel at partition and every detector at resolve normalises
 * the same note and comment texts again (issue 17: normalisation was the top frame of resolve); the memo makes
 * each distinct text cost once while it is recent. Two generations of at most `size` entries each: when the
 * young one fills, the old one is dropped, so memory stays bounded whatever the sweep's size.
 */
export function boundedMemo(fn: (s: string) => string, size = 4096): (s: string) => string {
  let young = new Map<string, string>();
  let old = new Map<string, string>();
  // the same text asked for twice in a row (one comment's channels) skips hashing it
  let lastIn: string | undefined;
  let lastOut = '';
  return (s) => {
    if (s === lastIn) return lastOut;
    let out = young.get(s);
    if (out === undefined) {
      out = old.get(s);
      if (out === undefined) out = fn(s);
      if (young.size >= size) {
        old = young;
        young = new Map();
      }
      young.set(s, out);
    }
    lastIn = s;
    lastOut = out;
    return out;
  };
}
