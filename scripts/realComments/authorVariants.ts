/**
 * Reading aids for labels.jsonl: simple, neutral rules over an author's comments. They never change the label
 * (spam iff any comment has CLASS 1); they only say which kind of author a hit or miss was.
 *
 * - `youtube-spam`: on every spam author (the source of the label).
 * - `has-url`: some comment holds a link (`http://`, `https://`, `www.` or a bare `name.com`-style domain).
 * - `self-promo-no-url`: a spam author none of whose comments holds a link.
 * - `multi-author-template`: some comment's text (case and spacing folded) was posted by at least
 *   TEMPLATE_MIN_AUTHORS distinct authors in the whole collection (spam templates and generic praise alike).
 * - `mixed-class`: the author has both spam and ham comments.
 */
export const TEMPLATE_MIN_AUTHORS = 3;

const URL = /https?:\/\/|\bwww\.|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|info|biz|ly|be|me|tv|us|co|io|gl|uk|de|ru)\b/i;

export function hasUrl(text: string): boolean {
  return URL.test(text);
}

export function templateKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Texts (as template keys) posted by at least `minAuthors` distinct authors. */
export function sharedTemplates(comments: Iterable<{ author: string; text: string }>, minAuthors = TEMPLATE_MIN_AUTHORS): Set<string> {
  const authors = new Map<string, Set<string>>();
  for (const c of comments) {
    const key = templateKey(c.text);
    if (!key) continue;
    let set = authors.get(key);
    if (!set) authors.set(key, (set = new Set()));
    set.add(c.author);
  }
  return new Set([...authors].filter(([, set]) => set.size >= minAuthors).map(([key]) => key));
}

export function authorVariants(comments: readonly { text: string; spam: boolean }[], templates: ReadonlySet<string>): string[] {
  const spam = comments.some((c) => c.spam);
  const url = comments.some((c) => hasUrl(c.text));
  const out: string[] = [];
  if (spam) out.push('youtube-spam');
  if (url) out.push('has-url');
  else if (spam) out.push('self-promo-no-url');
  if (comments.some((c) => templates.has(templateKey(c.text)))) out.push('multi-author-template');
  if (spam && comments.some((c) => !c.spam)) out.push('mixed-class');
  return out.sort();
}
