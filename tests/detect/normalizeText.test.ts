import { describe, expect, it } from 'vitest';
import { compactLetters, compactText, hasTraditional, normalizeText } from '#shared/detect/text/normalizeText';
import { digitRuns, scanContacts } from '#shared/detect/text/contactPatterns';

const contacts = (s: string) => scanContacts(s).contacts.map((c) => `${c.kind}:${c.value}`);

describe('normalizeText', () => {
  it('folds full-width letters and digits to half-width and lower case', () => {
    expect(normalizeText('ＶＸ：ＡＢＣ１２３')).toBe('vx:abc123');
  });
  it('removes zero-width and other invisible characters', () => {
    expect(normalizeText('微\u200b信\u200d号\ufeff')).toBe('微信号');
  });
  it('folds Cyrillic and Greek look-alikes to latin', () => {
    expect(normalizeText('vх: tеst')).toBe('vx: test'); // Cyrillic х and е
    expect(normalizeText('νx')).toBe('vx'); // Greek nu
  });
  it('folds regional-indicator and enclosed letters', () => {
    expect(normalizeText('🇻🇽')).toBe('vx');
  });
  it('converts Traditional to Simplified, and only when needed', () => {
    expect(normalizeText('聯繫我的薇信號')).toBe('联系我的薇信号');
    expect(hasTraditional('简体中文没有繁体')).toBe(false);
    expect(hasTraditional('電話')).toBe(true);
  });
  it('keeps pure ASCII on the fast path (lower case only)', () => {
    expect(normalizeText('iPhone 15 Pro')).toBe('iphone 15 pro');
  });
});

describe('compactText', () => {
  it('makes punctuation, emoji, repeats and synonyms irrelevant', () => {
    expect(compactText('太太太好用了！！！宝子们冲💥')).toBe(compactText('太好用了，姐妹们冲'));
    expect(compactText('真的超级好用👍')).toBe(compactText('非常好用!!'));
  });
  it('keeps exactly the letters and digits of Unicode, every BMP code unit asked twice (the answers are remembered)', () => {
    const letterOrDigit = /[\p{L}\p{N}]/u;
    for (let round = 0; round < 2; round++)
      for (let c = 0; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        const kept = compactLetters(`${ch}!${ch}`);
        if (kept !== (letterOrDigit.test(ch) ? ch + ch : '')) expect(kept, `U+${c.toString(16)}`).toBe(letterOrDigit.test(ch) ? ch + ch : '');
      }
    expect(compactLetters('a𝐀😀𝟙b')).toBe('a𝐀𝟙b');
  });
});

describe('digit runs and contacts', () => {
  it('reads digits through emoji and space separators', () => {
    expect(contacts('1🌸3🌸8🌸0🌸0🌸1🌸3🌸8🌸0🌸0🌸0')).toEqual(['phone:13800138000']);
    expect(contacts('电话 138 0013 8000')).toEqual(['phone:13800138000']);
    expect(contacts('1\u200b3\u200b8\u200b0\u200b0\u200b1\u200b3\u200b8\u200b0\u200b0\u200b0')).toEqual(['phone:13800138000']);
  });
  it('reads keycap and full-width digits', () => {
    expect(contacts('1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣')).toEqual(['phone:13800138000']);
    expect(contacts('１３８００１３８０００')).toEqual(['phone:13800138000']);
  });
  it('reads Chinese numerals, financial numerals and 幺/洞', () => {
    expect(contacts('幺三八 洞洞幺三 八零零零')).toEqual(['phone:13800138000']);
    expect(contacts('壹叁捌零零壹叁捌零零零')).toEqual(['phone:13800138000']);
    expect(contacts('壹參捌零零壹參捌零零零')).toEqual(['phone:13800138000']); // Traditional 參
  });
  it('reads look-alike letters inside digit runs', () => {
    expect(contacts('l38OO138OOO')).toEqual(['phone:13800138000']);
  });
  it('does not turn ordinary numbers into runs', () => {
    expect(digitRuns('iphone 15 pro 256g')).toEqual([]);
    expect(contacts('2024年11月20日 下单，价格¥1399.00')).toEqual([]);
  });
});
