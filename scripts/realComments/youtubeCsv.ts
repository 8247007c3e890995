/**
 * Reads one CSV file of the UCI YouTube Spam Collection (`COMMENT_ID, AUTHOR, DATE, CONTENT, CLASS`) with a real
 * CSV parser: quoted fields may hold commas, doubled quotes and line breaks. Fails with the file and line on
 * anything it cannot take as written (a missing column, an empty id or author, a CLASS other than 0 or 1).
 */
import { parse } from 'csv-parse/sync';

export const YOUTUBE_COLUMNS = ['COMMENT_ID', 'AUTHOR', 'DATE', 'CONTENT', 'CLASS'] as const;

export interface YoutubeRow {
  commentId: string;
  /** The author's display name exactly as in the file (it may carry leading, trailing or doubled spaces). */
  author: string;
  /** DATE as written; empty when the file has none. */
  date: string;
  /** CONTENT as written (YouTube's HTML rendering: entities, `<br />`, links). */
  content: string;
  spam: boolean;
  /** Line of the file where the record starts (1 = header). */
  line: number;
}

export function parseYoutubeCsv(text: string, source: string): YoutubeRow[] {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // Line breaks may be LF, CRLF or CR, even mixed in one file.
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (err) {
    throw new Error(`${source}: not readable as CSV: ${(err as Error).message}`);
  }
  if (records.length === 0) throw new Error(`${source}: empty file`);
  const header = records[0].record.map((h) => h.trim().toUpperCase());
  const col = YOUTUBE_COLUMNS.map((name) => header.indexOf(name));
  const missing = YOUTUBE_COLUMNS.filter((_, i) => col[i] < 0);
  if (missing.length) throw new Error(`${source}: header lacks ${missing.join(', ')} (found ${header.join(', ')})`);
  const [idCol, authorCol, dateCol, contentCol, classCol] = col;
  const rows: YoutubeRow[] = [];
  const lineOf = lineCounter(Buffer.from(text, 'utf8'));
  let end = records[0].info.bytes;
  for (const { record, info } of records.slice(1)) {
    const line = lineOf(end);
    end = info.bytes;
    const where = `${source} line ${line}`;
    const commentId = record[idCol].trim();
    const author = record[authorCol];
    const cls = record[classCol].trim();
    if (!commentId) throw new Error(`${where}: empty COMMENT_ID`);
    if (!author.trim()) throw new Error(`${where}: empty AUTHOR`);
    if (cls !== '0' && cls !== '1') throw new Error(`${where}: CLASS must be 0 or 1, got "${cls}"`);
    rows.push({ commentId, author, date: record[dateCol].trim(), content: record[contentCol], spam: cls === '1', line });
  }
  return rows;
}

/**
 * The line on which the record after byte `end` starts (skipping empty lines), for messages. Counted here because the
 * parser's own count takes a CRLF inside a quoted field for two lines. Offsets only grow between calls.
 */
function lineCounter(bytes: Buffer): (end: number) => number {
  let pos = 0;
  let line = 1;
  return (end) => {
    while (end < bytes.length && (bytes[end] === 0x0a || bytes[end] === 0x0d)) end++;
    for (; pos < end; pos++) {
      if (bytes[pos] === 0x0a || (bytes[pos] === 0x0d && bytes[pos + 1] !== 0x0a)) line++;
    }
    return line;
  };
}
