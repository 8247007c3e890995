/**
 * DATE as the collection writes it (`2013-11-07T06:20:48`, `2015-05-28T21:39:52.376000`; no zone, taken as UTC)
 * → an ISO-8601 UTC timestamp ending in `Z`, to the millisecond. Empty → undefined; anything else unreadable throws.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function youtubeDateToIso(date: string): string | undefined {
  const s = date.trim();
  if (!s) return undefined;
  const m = DATE.exec(s);
  if (!m) throw new Error(`unreadable DATE "${date}"`);
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, Number(frac.slice(0, 3).padEnd(3, '0')));
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const out = new Date(ms);
  // Date.UTC rolls 2014-02-30 over to March: refuse dates that do not exist.
  if (Number.isNaN(ms) || (!zone && (out.getUTCDate() !== +d || out.getUTCMonth() !== +mo - 1 || out.getUTCHours() !== +h))) {
    throw new Error(`unreadable DATE "${date}"`);
  }
  return out.toISOString();
}
