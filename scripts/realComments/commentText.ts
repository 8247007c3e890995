/**
 * YouTube's HTML rendering of a comment → the plain text its author typed: `<br />` (and CRLF) becomes a line break, the inline
 * markup YouTube adds (links, hashtags, +mentions, italics) is dropped and its visible text kept, character
 * references (&#39; &quot; &amp; &lt; &gt; …) are decoded once, byte-order marks (U+FEFF, which the collection leaves at
 * the end of most comments) are removed, and the ends are trimmed. Inner spacing is left as it is.
 */
const BREAK = /<br\s*\/?>/gi;
const INLINE_TAG = /<\/?(?:a|b|i|u|s|em|strong|span|wbr)\b[^>]*>/gi;
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeReference(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

export function plainCommentText(html: string): string {
  // Markup first, references second: `&lt;3` is text, never a tag.
  return html
    .replace(/\r\n?/g, '\n')
    .replace(BREAK, '\n')
    .replace(INLINE_TAG, '')
    .replace(REFERENCE, decodeReference)
    .replace(/\ufeff/g, '')
    .trim();
}
