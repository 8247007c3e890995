import { describe, expect, it } from 'vitest';
import { clauseKey, distinctiveness, noteClauses } from '#shared/detect/text/commonPhrasing';
import { fnv1a32 } from '#shared/detect/text/hash';

describe('clauses of a note', () => {
  it('splits Chinese and English text at sentence and clause punctuation and line breaks (a title or word of under four CJK units is a filler)', () => {
    expect(noteClauses('跑步日记', '晚上醒了三次，累到怀疑人生。\n练完吃了一顿火锅！').map((c) => c.substance)).toEqual([4, 6, 6, 8]);
    expect(noteClauses('Desk setup', 'Mixed feelings honestly. The lamp is too bright, sadly').map((c) => Math.round(c.substance * 3))).toEqual([20, 17]);
  });

  it('gives a clause the same key whatever its script, emoji, spacing or hashtags', () => {
    const simplified = noteClauses(undefined, '这次是自己买的，回购不回购还在犹豫 #护肤心得');
    const traditional = noteClauses(undefined, '這次是自己買的✨，回購 不回購還在猶豫');
    expect(traditional.map((c) => c.key)).toEqual(simplified.map((c) => c.key));
  });

  it('drops fillers too short to mean anything and counts a repeated clause once', () => {
    expect(noteClauses(undefined, '哈哈，ok，好吃，真的好吃到哭了，真的好吃到哭了').map((c) => c.substance)).toEqual([6]);
  });
});

describe('clause keys', () => {
  it("are a compact clause's FNV-1a hash in 8 hex digits and the low 16 bits of its second-seed hash in 4, zero-padded", () => {
    const reference = (s: string) => fnv1a32(s).toString(16).padStart(8, '0') + (fnv1a32(s, 0x01000193) & 0xffff).toString(16).padStart(4, '0');
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const texts = ['', 'a', '\ud800', '\uffff'];
    for (let i = 0; i < 5000; i++) texts.push(Array.from({ length: next() % 24 }, () => String.fromCharCode(next() % 3 === 0 ? 0x61 + (next() % 26) : next() & 0xffff)).join(''));
    for (const t of texts) expect(clauseKey(t), JSON.stringify(t)).toBe(reference(t));
    // leading zeros of both parts were covered
    expect(texts.some((t) => reference(t).startsWith('0'))).toBe(true);
    expect(texts.some((t) => reference(t)[8] === '0')).toBe(true);
  });
});

describe('distinctiveness', () => {
  const body = '晚上醒了三次累到怀疑人生，今天去了城西那家新开的面馆，牛肉面二十八一碗。';
  it('counts what the note says beyond common clauses, and how many common clauses it has', () => {
    const [first] = noteClauses(undefined, body);
    expect(distinctiveness(undefined, body, (k) => k === first.key)).toEqual({ distinctive: 13 + 8, commonClauses: 1 });
  });
  it("without a tally, everything is the note's own", () => {
    expect(distinctiveness(undefined, body, undefined)).toEqual({ distinctive: 12 + 13 + 8, commonClauses: 0 });
  });
});
