/** Tiny template filler: `{slot}` is replaced by a value drawn from the slot's list. */
import type { Rng } from '../prng.ts';

export type Slots = Record<string, readonly string[] | ((rng: Rng) => string)>;

export function fill(rng: Rng, template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = slots[name];
    if (!v) return whole;
    return typeof v === 'function' ? v(rng) : rng.pick(v);
  });
}

export const EMOJI = ['😂', '🥹', '😭', '🤣', '😋', '🥰', '✨', '💗', '👍', '🙌', '🌸', '🍀', '☀️', '🌙', '🔥', '💯', '🤔', '😮‍💨', '🫶', '👀', '🎉', '🧡', '😊', '🙈', '🐱', '🌈', '☕️', '📍', '💡', '❤️'];

export function sprinkle(rng: Rng, text: string, p = 0.35): string {
  if (!rng.chance(p)) return text;
  const e = rng.pick(EMOJI) + (rng.chance(0.3) ? rng.pick(EMOJI) : '');
  return rng.chance(0.7) ? text + e : e + text;
}

/** Joins sentences the way people type on a phone: mixed punctuation, line breaks, sometimes none. */
export function joinSentences(rng: Rng, sentences: string[]): string {
  const style = rng.int(0, 3);
  let out = '';
  sentences.forEach((s, i) => {
    if (i === 0) {
      out = s;
      return;
    }
    const sep = style === 0 ? '，' : style === 1 ? '。' : style === 2 ? '\n' : rng.pick(['，', '。', '！', '～', ' ', '\n']);
    out += sep + s;
  });
  if (style !== 2 && rng.chance(0.5)) out += rng.pick(['。', '！', '～', '', '~', '!']);
  return out;
}
