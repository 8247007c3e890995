/** The comment fingerprint hashes a sorted bag of characters without building it as strings (issue 17). */
import { describe, expect, it } from 'vitest';
import { commentFingerprint, sortedCharsHash } from '#shared/detect/detectors/waterArmy/commentRow';
import { fnv1a32 } from '#shared/detect/text/hash';

const definition = (s: string) => fnv1a32([...new Set(s)].sort().join(''));

describe('comment fingerprint', () => {
  it('is the FNV-1a hash of the distinct characters sorted as strings, surrogate pairs and lone halves included', () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const alphabet = ['好', '用', '了', 'a', 'Z', '9', '😀', '😁', '\ud83d', '\ude00', '\uffff', '\u0000', 'é', '𝐀'];
    const texts = ['', '好', '好好好', '😀', '\ud83d', 'ba', 'ab'];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: next() % 40 }, () => (next() % 4 === 0 ? String.fromCharCode(next() & 0xffff) : alphabet[next() % alphabet.length])).join(''));
    for (const t of texts) expect(sortedCharsHash(t), JSON.stringify(t)).toBe(definition(t));
  });

  it('gives comments made of the same characters in any order and repetition the same fingerprint', () => {
    expect(commentFingerprint('真的好用，回购三次！').h).toBe(commentFingerprint('回购三次真的好用好用').h);
    expect(commentFingerprint('真的好用').h).not.toBe(commentFingerprint('真的好看').h);
  });
});
