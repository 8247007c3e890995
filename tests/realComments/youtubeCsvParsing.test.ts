/** The CSV reader and the text/date rules of the YouTube conversion, on small hand-made files. */
import { describe, expect, it } from 'vitest';
import { parseYoutubeCsv } from '#scripts/realComments/youtubeCsv';
import { plainCommentText } from '#scripts/realComments/commentText';
import { youtubeDateToIso } from '#scripts/realComments/youtubeDate';
import { NeutralRegistrations, opaqueAccountId } from '#scripts/realComments/neutralRegistration';
import { networkPrefix } from '#shared/detect/detectors/fakeAccount';

const HEADER = 'COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n';

describe('parseYoutubeCsv', () => {
  it('takes quoted commas, doubled quotes and line breaks inside a field, a BOM, CRLF and an empty DATE', () => {
    const text = '\ufeff' + HEADER + 'c1,"Doe, Jane",2014-01-02T03:04:05,"Hello, world ""quoted""\nsecond line",0\r\nc2,Bob ,,"a\r\nb",1\n\nc3,"Zoë",,,0';
    const rows = parseYoutubeCsv(text, 'x.csv');
    expect(rows).toEqual([
      { commentId: 'c1', author: 'Doe, Jane', date: '2014-01-02T03:04:05', content: 'Hello, world "quoted"\nsecond line', spam: false, line: 2 },
      { commentId: 'c2', author: 'Bob ', date: '', content: 'a\r\nb', spam: true, line: 4 },
      { commentId: 'c3', author: 'Zoë', date: '', content: '', spam: false, line: 7 },
    ]);
  });

  it('names the file and line of what it cannot take', () => {
    expect(() => parseYoutubeCsv(HEADER + 'c1,a,,t,0\nc2,b,,t,2\n', 'x.csv')).toThrow(/x\.csv line 3: CLASS must be 0 or 1/);
    expect(() => parseYoutubeCsv(HEADER + 'c1,,,t,0\n', 'x.csv')).toThrow(/x\.csv line 2: empty AUTHOR/);
    expect(() => parseYoutubeCsv('ID,AUTHOR,CONTENT\n', 'x.csv')).toThrow(/header lacks COMMENT_ID, DATE, CLASS/);
    expect(() => parseYoutubeCsv(HEADER + 'c1,a,"unclosed,0\n', 'x.csv')).toThrow(/x\.csv: not readable as CSV/);
    expect(() => parseYoutubeCsv(HEADER + 'c1,a,,"two\nlines",0\nc2,b,,t\n', 'x.csv')).toThrow(/x\.csv: not readable as CSV/);
    expect(() => parseYoutubeCsv(HEADER + 'c1,a,,"two\r\nlines",0\n\nc2,b,,t,x\n', 'x.csv')).toThrow(/x\.csv line 5: CLASS must be 0 or 1/);
  });
});

describe('plainCommentText', () => {
  it("decodes references once, turns <br /> into line breaks, keeps a link's visible text and drops BOMs", () => {
    expect(plainCommentText('I&#39;m &quot;in&quot; &amp; out &lt;3 &amp;lt; &#x1F600;\ufeff')).toBe('I\'m "in" & out <3 &lt; \u{1F600}');
    expect(plainCommentText('a<br />b<br>c\r\nd')).toBe('a\nb\nc\nd');
    expect(plainCommentText('see <a href="http://www.youtube.com/watch?v=x&amp;t=2m19s">2:19</a> and <a rel="nofollow" class="ot-hashtag" href="https://plus.google.com/s/%23tag">#tag</a>')).toBe(
      'see 2:19 and #tag',
    );
    expect(plainCommentText('to <span class="proflinkWrapper"><span class="proflinkPrefix">+</span><a class="proflink" href="https://plus.google.com/1">Someone</a></span>\u00a0')).toBe('to +Someone');
    expect(plainCommentText('Subscribe to my channel \ufeff')).toBe('Subscribe to my channel');
  });
});

describe('youtubeDateToIso', () => {
  it('reads both forms of the collection as UTC, to the millisecond, and leaves an empty DATE undefined', () => {
    expect(youtubeDateToIso('2013-11-07T06:20:48')).toBe('2013-11-07T06:20:48.000Z');
    expect(youtubeDateToIso('2015-05-28T21:39:52.376000')).toBe('2015-05-28T21:39:52.376Z');
    expect(youtubeDateToIso('2015-05-28T21:39:52+02:00')).toBe('2015-05-28T19:39:52.000Z');
    expect(youtubeDateToIso('  ')).toBeUndefined();
    expect(() => youtubeDateToIso('yesterday')).toThrow(/unreadable DATE/);
    expect(() => youtubeDateToIso('2014-02-30T00:00:00')).toThrow(/unreadable DATE/);
  });
});

describe('neutral registration', () => {
  it('gives an opaque stable id and each key a device and /24 of its own', () => {
    expect(opaqueAccountId('Julius NM')).toMatch(/^yt-[0-9a-f]{16}$/);
    expect(opaqueAccountId('Julius NM')).toBe(opaqueAccountId('Julius NM'));
    const regs = new NeutralRegistrations();
    const all = Array.from({ length: 3000 }, (_, i) => regs.next(`author ${i}`));
    expect(new Set(all.map((r) => networkPrefix(r.ip))).size).toBe(all.length);
    expect(new Set(all.map((r) => r.deviceId)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.client))).toEqual(new Set(['app-android', 'app-ios']));
    expect(new NeutralRegistrations().next('author 7')).toEqual(all[7]);
    for (const r of all) {
      const [a, b] = r.ip.split('.').map(Number);
      expect(a === 10 || a === 127 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b < 32) || a >= 224).toBe(false);
    }
  });
});
