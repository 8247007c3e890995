/** The text memo shared by channels and detectors (issue 17): each recent text computed once, memory bounded. */
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '#shared/detect/text/boundedMemo';

describe('boundedMemo', () => {
  it('computes a repeated recent text once and gives the same answer', () => {
    const seen: string[] = [];
    const upper = boundedMemo((s) => (seen.push(s), s.toUpperCase()), 4);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('forgets texts older than two generations, and computes them again correctly', () => {
    const seen: string[] = [];
    const upper = boundedMemo((s) => (seen.push(s), s.toUpperCase()), 2);
    for (const s of ['a', 'b', 'c', 'd', 'e']) upper(s);
    expect(upper('a')).toBe('A');
    expect(seen.filter((s) => s === 'a')).toHaveLength(2);
    // still within the old generation: no recomputation
    expect(upper('e')).toBe('E');
    expect(seen.filter((s) => s === 'e')).toHaveLength(1);
  });

  it('computes the empty text like any other', () => {
    const marked = boundedMemo((s) => `[${s}]`);
    expect(marked('')).toBe('[]');
    expect(marked('')).toBe('[]');
  });
});
