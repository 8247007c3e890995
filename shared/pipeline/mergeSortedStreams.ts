/**
 * One ascending stream from several ascending ones (a k-way merge): each bucket's decisions are sorted by account
 * id, and a sweep-wide export sorted the same way then holds one item per bucket, not the sweep.
 */

/** Merges streams each ascending by `keyOf` into one ascending stream; equal keys come in source order. */
export async function* mergeSortedStreams<T>(sources: AsyncIterable<T>[], keyOf: (item: T) => string): AsyncGenerator<T> {
  type Head = { key: string; item: T; source: number; rest: AsyncIterator<T> };
  const heap: Head[] = [];
  const before = (a: Head, b: Head) => a.key < b.key || (a.key === b.key && a.source < b.source);
  const push = (h: Head) => {
    let i = heap.push(h) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): Head => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  const advance = async (source: number, rest: AsyncIterator<T>, previous?: string) => {
    const next = await rest.next();
    if (next.done) return;
    const key = keyOf(next.value);
    // a source out of order would make the output silently unsorted
    if (previous !== undefined && key < previous) throw new Error(`mergeSortedStreams: source ${source} is not ascending (${JSON.stringify(key)} after ${JSON.stringify(previous)})`);
    push({ key, item: next.value, source, rest });
  };
  for (let s = 0; s < sources.length; s++) await advance(s, sources[s][Symbol.asyncIterator]());
  while (heap.length > 0) {
    const { key, item, source, rest } = pop();
    yield item;
    await advance(source, rest, key);
  }
}
