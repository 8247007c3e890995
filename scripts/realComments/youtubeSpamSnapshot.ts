/**
 * The UCI YouTube Spam Collection → contract records (CONTRACT §1) and author-level labels, in memory.
 *
 * - one note per CSV file (the video), authored by a neutral channel account labelled clean (`video-owner`);
 * - one account per distinct AUTHOR string (the same name under several videos is one account);
 * - one comment per row, its DATE as UTC (rows without a DATE get the note's time plus their row number in minutes);
 * - labels: an author is spam (`traffic-diversion`) iff any of their comments has CLASS 1.
 *
 * Pure and deterministic: the same CSV text gives the same records in the same order.
 */
import type { Account, Comment, Manifest, Note } from '#shared/contract/snapshotRecords';
import type { Label } from '#shared/evaluation/labels';
import { authorVariants, sharedTemplates } from './authorVariants.ts';
import { plainCommentText } from './commentText.ts';
import { NeutralRegistrations, opaqueAccountId } from './neutralRegistration.ts';
import { parseYoutubeCsv, type YoutubeRow } from './youtubeCsv.ts';
import { youtubeDateToIso } from './youtubeDate.ts';

export const DEFAULT_SNAPSHOT_ID = 'youtube-spam-dev';
/** Used for a video none of whose comments has a DATE. */
export const FALLBACK_NOTE_TIME = '2013-01-01T00:00:00.000Z';
const MINUTE = 60_000;
const DAY = 86_400_000;
const ACCOUNT_AGE_AT_FIRST_COMMENT = 30 * DAY;

export interface CsvSource {
  /** File name, e.g. `Youtube01-Psy.csv`. */
  name: string;
  text: string;
}

export interface ConversionStats {
  videos: number;
  comments: number;
  spamComments: number;
  authors: number;
  spamAuthors: number;
  /** Authors with both spam and ham comments (labelled spam). */
  mixedAuthors: number;
  /** Authors who commented under more than one video. */
  multiVideoAuthors: number;
  /** Comments whose DATE was empty (given the fallback time). */
  missingDates: number;
  /** Comments whose text was empty once the markup was removed. */
  emptyTexts: number;
  /** Author labels per variant. */
  variants: Record<string, number>;
}

export interface Conversion {
  manifest: Omit<Manifest, 'parts'>;
  accounts: Account[];
  notes: Note[];
  comments: Comment[];
  labels: Label[];
  stats: ConversionStats;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `Youtube01-Psy.csv` → `youtube01-psy`; the part after the first dash names the artist (`Psy`). */
function videoOf(fileName: string): { slug: string; artist: string } {
  const base = fileName.replace(/\.csv$/i, '');
  const dash = base.indexOf('-');
  return { slug: base.toLowerCase().replace(/[^a-z0-9]+/g, '-'), artist: dash >= 0 ? base.slice(dash + 1) : base };
}

interface Row extends YoutubeRow {
  noteId: string;
  text: string;
  createdAt: string;
}

export function convertYoutubeSpam(sources: readonly CsvSource[], snapshotId = DEFAULT_SNAPSHOT_ID): Conversion {
  const files = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const notes: Note[] = [];
  const channels: { key: string; nickname: string; noteId: string; noteCreatedAt: string }[] = [];
  const rows: Row[] = [];
  const commentIds = new Set<string>();
  let missingDates = 0;

  for (const file of files) {
    const { slug, artist } = videoOf(file.name);
    const noteId = `yt-video-${slug}`;
    if (notes.some((n) => n.noteId === noteId)) throw new Error(`${file.name}: two files name the same video "${slug}"`);
    const parsed = parseYoutubeCsv(file.text, file.name);
    const dates = parsed.map((r) => {
      try {
        return youtubeDateToIso(r.date);
      } catch (err) {
        throw new Error(`${file.name} line ${r.line}: ${(err as Error).message}`);
      }
    });
    const known = dates.filter((d): d is string => d !== undefined).map(Date.parse);
    // The upload time is not in the data: the note is dated one day before its earliest comment.
    const noteMs = known.length ? Math.min(...known) - DAY : Date.parse(FALLBACK_NOTE_TIME);
    const channelKey = `\u0000video-owner\u0000${slug}`;
    const channelId = opaqueAccountId(channelKey);
    channels.push({ key: channelKey, nickname: artist, noteId, noteCreatedAt: iso(noteMs) });
    notes.push({ noteId, accountId: channelId, createdAt: iso(noteMs), title: artist, body: '', client: 'web', likeCount: 0, collectCount: 0, commentCount: parsed.length });
    parsed.forEach((r, i) => {
      if (commentIds.has(r.commentId)) throw new Error(`${file.name} line ${r.line}: COMMENT_ID ${r.commentId} appears twice`);
      commentIds.add(r.commentId);
      let createdAt = dates[i];
      if (createdAt === undefined) {
        missingDates++;
        createdAt = iso(noteMs + (i + 1) * MINUTE);
      }
      rows.push({ ...r, noteId, text: plainCommentText(r.content), createdAt });
    });
  }

  // Authors, in order of their opaque id.
  const byAuthor = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byAuthor.get(r.author);
    if (list) list.push(r);
    else byAuthor.set(r.author, [r]);
  }
  const idOf = new Map<string, string>();
  const owners = new Map<string, string>();
  const claim = (id: string, who: string) => {
    const other = owners.get(id);
    if (other !== undefined) throw new Error(`account id ${id} would stand for both ${JSON.stringify(other)} and ${JSON.stringify(who)}`);
    owners.set(id, who);
  };
  for (const c of channels) claim(opaqueAccountId(c.key), `the channel of ${c.noteId}`);
  for (const author of byAuthor.keys()) {
    const id = opaqueAccountId(author);
    claim(id, author);
    idOf.set(author, id);
  }

  interface Draft {
    id: string;
    nickname: string;
    firstMs: number;
    key: string;
    label: Label;
  }
  const templates = sharedTemplates(rows);
  const drafts: Draft[] = channels.map((c) => ({
    id: opaqueAccountId(c.key),
    nickname: c.nickname,
    firstMs: Date.parse(c.noteCreatedAt),
    key: c.key,
    label: { accountId: opaqueAccountId(c.key), codes: [], hardNegative: 'video-owner' },
  }));
  let spamAuthors = 0;
  let mixedAuthors = 0;
  let multiVideoAuthors = 0;
  for (const [author, list] of byAuthor) {
    const id = idOf.get(author)!;
    const spam = list.some((r) => r.spam);
    if (spam) spamAuthors++;
    if (spam && list.some((r) => !r.spam)) mixedAuthors++;
    if (new Set(list.map((r) => r.noteId)).size > 1) multiVideoAuthors++;
    const variants = authorVariants(list, templates);
    const label: Label = spam ? { accountId: id, codes: ['traffic-diversion'], variants } : variants.length ? { accountId: id, codes: [], variants } : { accountId: id, codes: [] };
    drafts.push({ id, nickname: author, firstMs: Math.min(...list.map((r) => Date.parse(r.createdAt))), key: author, label });
  }
  drafts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const registrations = new NeutralRegistrations();
  const accounts: Account[] = drafts.map((d) => ({
    accountId: d.id,
    createdAt: iso(d.firstMs - ACCOUNT_AGE_AT_FIRST_COMMENT),
    nickname: d.nickname,
    accountType: 'personal',
    followerCount: 0,
    followingCount: 0,
    registration: registrations.next(d.key),
  }));
  const labels = drafts.map((d) => d.label);

  const comments: Comment[] = rows.map((r) => ({ commentId: r.commentId, noteId: r.noteId, accountId: idOf.get(r.author)!, createdAt: r.createdAt, text: r.text }));

  const latest = Math.max(...rows.map((r) => Date.parse(r.createdAt)), ...notes.map((n) => Date.parse(n.createdAt)));
  const variants: Record<string, number> = {};
  for (const l of labels) for (const v of l.variants ?? []) variants[v] = (variants[v] ?? 0) + 1;

  return {
    manifest: { format: 'crackdown-snapshot/1', snapshotId, takenAt: iso(latest + DAY) },
    accounts,
    notes,
    comments,
    labels,
    stats: {
      videos: notes.length,
      comments: rows.length,
      spamComments: rows.filter((r) => r.spam).length,
      authors: byAuthor.size,
      spamAuthors,
      mixedAuthors,
      multiVideoAuthors,
      missingDates,
      emptyTexts: rows.filter((r) => r.text === '').length,
      variants: Object.fromEntries(Object.entries(variants).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
  };
}
