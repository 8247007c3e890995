/** Ordinary users' text: titles, bodies, tags, comments, nicknames and bios, in the account's script and language. */
import {
  AUTHOR_REPLIES,
  BIO_PARTS,
  CITIES,
  CLOSERS,
  EN_DETAILS,
  EN_LIFE,
  EN_WHEN,
  EN_WHO,
  DETAIL_WHEN,
  DETAIL_WHO,
  DETAILS,
  EMOJI,
  LIFE_SENTENCES,
  SENTENCE_LEADS,
  SENTENCE_TAILS,
  EN_BIO_PARTS,
  EN_CITIES,
  EN_CLOSERS,
  EN_COMMENTS,
  EN_MONTHS,
  EN_NICKS,
  EN_OPENERS,
  EN_REPLIES,
  GENERIC_PRAISE,
  GENERIC_QUESTIONS,
  MIXED_SENTENCES,
  MONTHS,
  NICK_CORES,
  NICK_HEADS,
  NICK_TAILS,
  OPENERS,
  PERSONAL_COMMENTS,
  TOPICS,
  type Topic,
} from './corpus.ts';
import { fill, inScript, pickIn, type Lang, type Slots } from './localize.ts';
import {
  BUSINESS_FRAMES,
  BUSINESS_GOOD,
  BUSINESS_ITEMS,
  DATE_FORMATS,
  DUR_FORMATS,
  EN_FRAMES,
  EN_GOOD,
  EN_MEH,
  EN_SO_SO,
  FRAMES,
  SPOTS,
  TIME_FORMATS,
  TITLE_FRAMES,
  TOPIC_PHRASES,
  WEEKDAYS,
} from './organicPhrases.ts';
import type { Rng } from './random.ts';

const TOPIC_BY_ID = new Map(TOPICS.map((t) => [t.id, t]));
const TOPIC_IDS = TOPICS.map((t) => t.id);
const TOPIC_WEIGHTS = TOPICS.map((t) => t.weight);

export function pickTopic(rng: Rng): string {
  return rng.weighted(TOPIC_IDS, TOPIC_WEIGHTS);
}

export function topicOf(id: string): Topic {
  return TOPIC_BY_ID.get(id) ?? TOPICS[0];
}

export function pickLang(rng: Rng): Lang {
  return rng.choose<Lang>([
    ['hans', 82],
    ['hant', 7],
    ['en', 4],
    ['mixed', 7],
  ]);
}

/** Slot values for the organic templates. */
export function organicSlots(rng: Rng, lang: Lang, topic: Topic): Slots {
  const en = lang === 'en';
  return (k) => {
    switch (k) {
      case 's':
        return en ? rng.pick(topic.en.subjects) : pickIn(rng, topic.subjects, lang);
      case 'c':
        return en ? rng.pick(EN_CITIES) : pickIn(rng, CITIES, lang);
      case 'n':
        return String(rng.int(2, 9));
      case 'n2':
        return String(rng.int(1, 4));
      case 'e':
        return rng.chance(0.6) ? rng.pick(EMOJI) : '';
      case 'p':
        return en ? `¥${rng.int(3, 60) * 10}` : rng.chance(0.5) ? `${rng.int(3, 60) * 10}元` : `¥${rng.int(3, 60) * 10}`;
      case 'd':
        return en ? rng.pick(EN_MONTHS) : pickIn(rng, MONTHS, lang);
      case 'h':
        return `${rng.int(152, 172)}cm`;
    }
    return undefined;
  };
}

/** A lead-in or a different ending now and then: the same thought, worded a little differently. */
export function varySentence(rng: Rng, sentence: string, lang: Lang): string {
  let s = sentence;
  if (rng.chance(0.22)) s = pickIn(rng, SENTENCE_LEADS, lang) + s;
  if (rng.chance(0.2) && /。$/.test(s)) s = s.slice(0, -1) + pickIn(rng, SENTENCE_TAILS, lang);
  return s;
}

export function personalDetail(rng: Rng, lang: Lang): string {
  return fill(pickIn(rng, DETAILS, lang), (k) =>
    k === 'when' ? pickIn(rng, DETAIL_WHEN, lang) : k === 'who' ? pickIn(rng, DETAIL_WHO, lang) : k === 'n' ? String(rng.int(2, 12)) : k === 'm' ? String(rng.int(2, 12) * 10) : undefined,
  );
}

/** A date, time of day or duration as people write them, in the account's script. */
function specific(rng: Rng, table: readonly string[], lang: Lang): string {
  return fill(pickIn(rng, table, lang), (k) =>
    k === 'mo' ? String(rng.int(1, 12)) : k === 'd' ? String(rng.int(1, 28)) : k === 'h' ? String(rng.int(6, 11)) : k === 'h2' ? String(rng.int(2, 9)) : k === 'n' ? String(rng.int(2, 12)) : undefined,
  );
}

/**
 * One sentence of the person's own: a frame filled with the thing they tried, how it went and their specifics
 * (when, where, with whom, how much). Unrelated people on one topic share words this way, rarely whole sentences.
 */
export function composedSentence(rng: Rng, lang: Lang, topicId: string, frames: readonly string[] = FRAMES): string {
  const ph = TOPIC_PHRASES[topicId] ?? TOPIC_PHRASES.food;
  const things = inScript(ph.things, lang);
  const t = rng.pick(things);
  let t2 = rng.pick(things);
  if (t2 === t) t2 = things[(things.indexOf(t) + 1) % things.length];
  return fill(pickIn(rng, frames, lang), (k) => {
    switch (k) {
      case 't':
        return t;
      case 't2':
        return t2;
      case 'a':
        return pickIn(rng, ph.acts, lang);
      case 'g':
        return pickIn(rng, ph.good, lang);
      case 'm':
        return pickIn(rng, ph.meh, lang);
      case 'when':
        return pickIn(rng, DETAIL_WHEN, lang);
      case 'who':
        return pickIn(rng, DETAIL_WHO, lang);
      case 'spot':
        return rng.chance(0.4) ? pickIn(rng, CITIES, lang) + pickIn(rng, SPOTS, lang) : pickIn(rng, SPOTS, lang);
      case 'c':
        return pickIn(rng, CITIES, lang);
      case 'date':
        return specific(rng, DATE_FORMATS, lang);
      case 'time':
        return specific(rng, TIME_FORMATS, lang);
      case 'dur':
        return specific(rng, DUR_FORMATS, lang);
      case 'p':
        return rng.chance(0.5) ? `${rng.int(8, 900)}元` : `¥${rng.int(8, 900)}`;
      case 'n':
        return String(rng.int(2, 9));
      case 'e':
        return rng.chance(0.5) ? rng.pick(EMOJI) : '';
    }
    return undefined;
  });
}

function composedEnglish(rng: Rng, topic: Topic): string {
  const t = rng.pick(topic.en.subjects);
  const t2 = rng.pick(topic.en.subjects);
  return fill(rng.pick(EN_FRAMES), (k) => {
    switch (k) {
      case 't':
        return `the ${t}`;
      case 't2':
        return `the ${t2}`;
      case 'g':
        return rng.pick(EN_GOOD);
      case 'm':
        return rng.pick(EN_MEH);
      case 'm2':
        return rng.pick(EN_SO_SO);
      case 'c':
        return rng.pick(EN_CITIES);
      case 'date':
        return `${rng.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])} ${rng.int(1, 28)}`;
      case 'when':
        return rng.pick(EN_WHEN);
      case 'who':
        return rng.pick(EN_WHO);
      case 'p':
        return `¥${rng.int(8, 900)}`;
      case 'time':
        return `${rng.int(6, 11)}${rng.pick(['am', 'pm'])}`;
      case 'dur':
        return `${rng.int(2, 12)} ${rng.pick(['days', 'weeks', 'hours'])}`;
    }
    return undefined;
  }).replace(/^./, (c) => c.toUpperCase());
}

export interface NoteText {
  title: string;
  body: string;
  tags: string[];
}

export function organicTags(rng: Rng, lang: Lang, topic: Topic): string[] {
  const pool = lang === 'en' ? topic.en.tags : inScript(topic.tags, lang);
  return rng.sample(pool, rng.int(1, Math.min(5, pool.length)));
}

/** An ordinary note about the topic. */
export function organicNote(rng: Rng, lang: Lang, topicId: string): NoteText {
  const topic = topicOf(topicId);
  const slots = organicSlots(rng, lang, topic);
  if (lang === 'en') {
    const title = fill(rng.pick(topic.en.titles), slots).trim();
    const sentences = rng.sample(topic.en.sentences, rng.int(0, Math.min(2, topic.en.sentences.length))).map((s) => fill(s, slots));
    for (let i = rng.int(2, 4); i > 0; i--) sentences.splice(rng.int(0, sentences.length), 0, composedEnglish(rng, topic));
    if (rng.chance(0.7))
      sentences.splice(
        rng.int(0, sentences.length),
        0,
        fill(rng.pick(EN_DETAILS), (k) =>
          k === 'who' ? rng.pick(EN_WHO) : k === 'when' ? rng.pick(EN_WHEN) : k === 'n' ? String(rng.int(2, 9)) : k === 'm' ? String(rng.int(2, 12) * 10) : undefined,
        ),
      );
    if (rng.chance(0.4)) sentences.splice(rng.int(0, sentences.length), 0, rng.pick(EN_LIFE));
    const body = [rng.pick(EN_OPENERS), ...sentences, rng.pick(EN_CLOSERS)].filter(Boolean).join(' ');
    return { title, body, tags: rng.chance(0.8) ? organicTags(rng, lang, topic) : [] };
  }
  const title = (rng.chance(0.5) ? composedSentence(rng, lang, topic.id, TITLE_FRAMES) : fill(pickIn(rng, topic.titles, lang), slots)).trim();
  const pool = inScript(topic.sentences, lang);
  // a stock remark or two, the rest in the person's own words
  const picked = rng.sample(pool, rng.int(0, 2)).map((s) => varySentence(rng, fill(s, slots), lang));
  for (let i = rng.int(2, 6); i > 0; i--) picked.splice(rng.int(0, picked.length), 0, varySentence(rng, composedSentence(rng, lang, topic.id), lang));
  if (rng.chance(0.55)) picked.splice(rng.int(0, picked.length), 0, personalDetail(rng, lang));
  if (rng.chance(0.35)) picked.splice(rng.int(0, picked.length), 0, pickIn(rng, LIFE_SENTENCES, lang));
  if (lang === 'mixed') picked.splice(rng.int(0, picked.length), 0, rng.pick(MIXED_SENTENCES));
  const opener = pickIn(rng, OPENERS, lang);
  const closer = pickIn(rng, CLOSERS, lang);
  const sep = rng.chance(0.5) ? '\n' : '';
  let body = [opener, ...picked, closer].filter(Boolean).join(sep);
  if (rng.chance(0.35)) body += rng.pick(EMOJI);
  const tags = rng.chance(0.85) ? organicTags(rng, lang, topic) : [];
  if (tags.length && rng.chance(0.4)) body += '\n' + tags.map((t) => `#${t}`).join(' ');
  return { title, body, tags };
}

const BUSINESS_CLOSERS = ['欢迎到店。', '欢迎预约。', '期待您的光临。', '有问题可以留言。', '', ''];
/** Topic sentences a business can say about itself (no first-person diary lines). */
const IMPERSONAL = new Map(TOPICS.map((t) => [t.id, t.sentences.filter((s) => !/我|我们|宝宝|它/.test(s))]));

/** Slot values of a business's own notes: its dishes or works, weekdays, dates. */
function businessSlots(rng: Rng, lang: Lang, items: readonly string[], item: string): Slots {
  return (k) => {
    switch (k) {
      case 'item':
        return item;
      case 'item2':
        return rng.pick(items);
      case 'g':
        return pickIn(rng, BUSINESS_GOOD, lang);
      case 'wd':
        return pickIn(rng, WEEKDAYS, lang);
      case 'date':
        return specific(rng, DATE_FORMATS, lang);
      case 'mo':
        return String(rng.int(1, 12));
      case 'h':
        return String(rng.int(5, 10));
      case 'n':
        return String(rng.int(3, 40));
    }
    return undefined;
  };
}

/** A business's own note: the announcement, a little context from its field, no personal diary. */
export function businessNote(rng: Rng, lang: Lang, business: { kind?: string; topic: string; posts: string[] }): NoteText {
  const topic = topicOf(business.topic);
  const items = inScript(BUSINESS_ITEMS[business.kind ?? ''] ?? TOPIC_PHRASES[topic.id]?.things ?? ['新品'], lang);
  const item = rng.pick(items);
  const bizSlots = businessSlots(rng, lang, items, item);
  // the business's own announcement, with its own dishes, dates and works; a little context now and then
  const post = fill(pickIn(rng, business.posts, lang), bizSlots);
  const context = rng.chance(0.4) ? rng.sample(inScript(IMPERSONAL.get(topic.id) ?? [], lang), 1) : [];
  for (let i = rng.int(1, 3); i > 0; i--) context.push(fill(pickIn(rng, BUSINESS_FRAMES, lang), bizSlots));
  const body = [post, ...context, pickIn(rng, BUSINESS_CLOSERS, lang)].filter(Boolean).join(rng.chance(0.5) ? '\n' : '');
  return { title: post.replace(/[。！]$/, ''), body, tags: rng.chance(0.7) ? organicTags(rng, lang, topic) : [] };
}

/** A comment by an ordinary user on someone else's note. */
export function organicComment(rng: Rng, lang: Lang, noteTopic: string): string {
  if (lang === 'en') return rng.pick(EN_COMMENTS);
  const topic = topicOf(noteTopic);
  const kind = rng.choose<string>([
    ['praise', 34],
    ['topic', 26],
    ['question', 14],
    ['personal', 20],
    ['long', 6],
  ]);
  let text: string;
  switch (kind) {
    case 'praise':
      text = pickIn(rng, GENERIC_PRAISE, lang);
      break;
    case 'topic':
      text = pickIn(rng, topic.comments, lang);
      break;
    case 'question':
      text = pickIn(rng, GENERIC_QUESTIONS, lang);
      break;
    case 'personal':
      text = pickIn(rng, PERSONAL_COMMENTS, lang);
      break;
    default: {
      const slots = organicSlots(rng, lang, topic);
      text = pickIn(rng, PERSONAL_COMMENTS, lang) + '，' + fill(pickIn(rng, topic.sentences, lang), slots);
    }
  }
  if (lang === 'mixed' && rng.chance(0.2)) text += ' ' + rng.pick(['lol', 'omg', 'nice', 'yyds', 'so cute']);
  if (rng.chance(0.15)) text += rng.pick(EMOJI);
  return text;
}

export function authorReply(rng: Rng, lang: Lang): string {
  if (lang === 'en') return fill(rng.pick(EN_REPLIES), { c: rng.pick(EN_CITIES) });
  return fill(pickIn(rng, AUTHOR_REPLIES, lang), { c: pickIn(rng, CITIES, lang) });
}

/** Short generic praise only. */
export function genericPraise(rng: Rng, lang: Lang): string {
  if (lang === 'en') return rng.pick(['so pretty', 'love it', 'wow', 'cute!']);
  return pickIn(rng, GENERIC_PRAISE, lang);
}

/** The platform's default name for users who never set one: 小红薯 plus hex. Looks templated, is not. */
export function defaultNickname(rng: Rng): string {
  return `小红薯${rng.hex(8).toUpperCase()}`;
}

export function organicNickname(rng: Rng, lang: Lang): string {
  if (lang === 'en') return rng.pick(EN_NICKS) + (rng.chance(0.4) ? String(rng.int(1, 99)) : '');
  if (rng.chance(0.05)) return defaultNickname(rng);
  let nick = pickIn(rng, NICK_HEADS, lang) + pickIn(rng, NICK_CORES, lang) + pickIn(rng, NICK_TAILS, lang);
  if (rng.chance(0.18)) nick += rng.chance(0.5) ? String(rng.int(1988, 2006)) : String(rng.int(1, 12)).padStart(2, '0') + String(rng.int(1, 28)).padStart(2, '0');
  return nick;
}

export function organicBio(rng: Rng, lang: Lang): string | undefined {
  if (rng.chance(0.3)) return undefined;
  if (rng.chance(0.1)) return '';
  if (lang === 'en')
    return rng
      .sample(EN_BIO_PARTS, rng.int(1, 3))
      .map((p) => fill(p, { c: rng.pick(EN_CITIES) }))
      .join(' | ');
  const parts = rng.sample(inScript(BIO_PARTS, lang), rng.int(1, 4)).map((p) => fill(p, { c: pickIn(rng, CITIES, lang) }));
  return parts.join(rng.pick(['｜', ' | ', ' ', '\n', ' · '])) + (rng.chance(0.3) ? rng.pick(EMOJI) : '');
}
