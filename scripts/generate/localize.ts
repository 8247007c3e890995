/**
 * Script and language of generated text. Traditional Chinese comes from OpenCC (Simplified → Taiwan standard),
 * applied once per phrase table and cached, never per record; a few planted texts are converted on the fly.
 * Also a tiny `{slot}` template engine, compiled once per template string.
 */
import * as OpenCC from 'opencc-js/cn2t';
import type { Rng } from './random.ts';

/** hans: Simplified; hant: Traditional; en: English; mixed: Simplified with English words. */
export type Lang = 'hans' | 'hant' | 'en' | 'mixed';

let converter: ((text: string) => string) | undefined;

/** Simplified → Traditional (Taiwan) conversion. */
export function toTraditional(text: string): string {
  converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return converter(text);
}

const tableCache = new WeakMap<readonly string[], readonly string[]>();

/** The table in the account's script: converted (and cached) for Traditional, as is otherwise. */
export function inScript(table: readonly string[], lang: Lang): readonly string[] {
  if (lang !== 'hant') return table;
  let converted = tableCache.get(table);
  if (!converted) {
    converted = table.map(toTraditional);
    tableCache.set(table, converted);
  }
  return converted;
}

/** Picks a phrase from the table, in the account's script. */
export function pickIn(rng: Rng, table: readonly string[], lang: Lang): string {
  return rng.pick(inScript(table, lang));
}

type Part = string | { slot: string };
const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  const re = /\{([a-zA-Z0-9_]+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ slot: m[1] });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  compiled.set(template, parts);
  return parts;
}

/**
 * Slot values: fixed strings, or a resolver called once per occurrence (so repeated slots can differ).
 * Resolvers are written as anonymous arrows on purpose: tsx compiles with esbuild's keepNames, which wraps every
 * *named* closure (an arrow in an object literal or a `const`) in a costly `__name()` call each time it is created.
 */
export type Slots = Readonly<Record<string, string>> | ((name: string) => string | undefined);

/** Fills `{name}` slots; unknown slots are left out. */
export function fill(template: string, slots: Slots): string {
  const parts = compile(template);
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else {
      const v = typeof slots === 'function' ? slots(p.slot) : slots[p.slot];
      if (v !== undefined) out += v;
    }
  }
  return out;
}
