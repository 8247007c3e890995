import { describe, expect, it } from 'vitest';
import { noteSignature, similarity } from '#shared/detect/text/nearDuplicate';
import { businessNote, organicNote } from '#scripts/generate/organicText';
import { BUSINESSES } from '#scripts/generate/corpus';
import { Rng } from '#scripts/generate/random';

/** For each signature, the similarity to its nearest other one. */
function nearest(sigs: Uint32Array[]): number[] {
  return sigs.map((a, i) => Math.max(...sigs.map((b, j) => (i === j ? 0 : similarity(a, b)))));
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];

describe("organic text is written in people's own words", () => {
  it('unrelated people on one topic share words, not whole notes; a light edit of a note stays close', () => {
    const notes = Array.from({ length: 150 }, (_, i) => organicNote(Rng.derive(11, 'variety', i), 'hans', 'food'));
    const sigs = notes.map((n) => noteSignature(n.title, n.body)!).filter(Boolean);
    const near = nearest(sigs);
    // a realistic background: the nearest unrelated note is far from a copy
    expect(quantile(near, 0.5)).toBeLessThan(0.3);
    expect(quantile(near, 0.95)).toBeLessThan(0.45);
    // a light edit (one sentence dropped, punctuation swapped, a credit line) stays well above that
    const edits = notes.slice(0, 30).map((n) => {
      const sentences = n.body.split(/(?<=[。！～\n])/);
      const kept = sentences.length > 3 ? sentences.filter((_, k) => k !== 1) : sentences;
      return similarity(noteSignature(n.title, n.body)!, noteSignature(n.title, kept.join('').replace(/。/g, '！') + '\n侵删')!);
    });
    expect(quantile(edits, 0.5)).toBeGreaterThan(0.6);
  });

  it('businesses of one kind announce their own dishes, dates and works, not one shared text', () => {
    const cafe = BUSINESSES.find((b) => b.kind === '餐厅')!;
    const notes = Array.from({ length: 60 }, (_, i) => businessNote(Rng.derive(11, 'shop', i), 'hans', cafe));
    const distinct = new Set(notes.map((n) => n.body));
    expect(distinct.size).toBeGreaterThan(55);
  });

  it('is deterministic for a seed', () => {
    expect(organicNote(Rng.derive(5, 'same'), 'hant', 'travel')).toEqual(organicNote(Rng.derive(5, 'same'), 'hant', 'travel'));
  });
});
