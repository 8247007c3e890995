/**
 * normalizeJoined must be exactly normalizeText of the joined text (decisions rest on it): checked on
 * pieces chosen to break each step's locality at the separator, joined at random, with the field cache
 * warm (the same field under other compositions' steps) and cold.
 */
import { describe, expect, it } from 'vitest';
import { normalizeJoined, normalizeText, stripTags } from '#shared/detect/text/normalizeText';

const PIECES = [
  '',
  'ABC',
  'plain ascii text',
  '你好世界',
  // Traditional: characters, and phrases opencc converts as a phrase (乾隆, 頭髮, 瞭解, 著名)
  '乾隆',
  '頭髮',
  '瞭解',
  '著名',
  '乾',
  '著',
  '髮',
  '干',
  // final sigma at either side of a separator
  'ΟΔΟΣ',
  'Σ',
  'ΑΣ',
  'σΑ',
  'ς',
  // lower case with context and special mappings
  'İstanbul',
  'ẞ',
  // combining marks at the start of a part (they follow the separator when joined)
  '\u0301e',
  'e\u0301',
  '\u0308',
  // NFKC: full-width, compatibility ideographs and radicals, Arabic presentation forms, Hangul jamo, ligatures
  'ＶＸ：ＡＢＣ１２３',
  '\uf900\uf901',
  '⼀⼆',
  'ﻼﷺ',
  'ㄱㅏ',
  'ﬁ',
  '㍿',
  // invisible, enclosed and regional-indicator letters, look-alikes
  '微\u200b信\u200d号\ufeff',
  '🇻🇽',
  '🅥🆇',
  'vх: tеst',
  'ⓥⓧ',
  // ideographic description characters: opencc skips one with its components (normalised whole)
  '⿰',
  '⿰乾',
  '⿱⿰',
  // astral, lone surrogates
  '😀👍',
  '\ud83d',
  '\ude00',
  // hashtags and mentions (for the stripTags compositions)
  '#穿搭#',
  '#ootd',
  '@someone',
  '#乾隆#',
  '加我 V：abc123',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

describe('normalizeJoined', () => {
  it('is normalizeText of the joined text, for every pair of pieces and both separators', () => {
    for (const sep of ['\n', ' '] as const) for (const a of PIECES) for (const b of PIECES) expect(normalizeJoined([a, b], sep), JSON.stringify([a, b, sep])).toBe(normalizeText([a, b].join(sep)));
  });

  it('is normalizeText of the joined text for random compositions of up to four parts, cache warm and cold', () => {
    const r = rng(17);
    const pick = () => {
      let s = '';
      const n = Math.floor(r() * 4);
      for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
      return s;
    };
    // a pool of fields reused across compositions, as a note's title and body are across detectors
    const pool = Array.from({ length: 300 }, pick);
    for (let i = 0; i < 20_000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 4) }, () => pool[Math.floor(r() * pool.length)]);
      const sep = r() < 0.5 ? '\n' : ' ';
      expect(normalizeJoined(parts, sep), JSON.stringify([parts, sep])).toBe(normalizeText(parts.join(sep)));
      const tagged = parts.map(stripTags);
      expect(normalizeJoined(tagged, sep)).toBe(normalizeText(stripTags(parts.join(sep))));
    }
  });
});
