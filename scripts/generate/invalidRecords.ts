/**
 * Deliberately invalid lines, to exercise quarantine: malformed JSON, a missing required field, a timestamp
 * that is not ISO-8601, a wrong type or value. Each one fails the contract schema (or JSON parsing).
 * They use ids from ranges no valid record uses, and their own random stream, so adding them does not
 * change any valid record.
 */
import type { RecordKind } from '#shared/contract/snapshotRecords';
import type { Cohort } from './cohort.ts';
import { PER_COHORT } from './ids.ts';
import type { Rng } from './random.ts';
import { DAY, iso } from './time.ts';

export type InvalidKind = 'malformed-json' | 'missing-field' | 'bad-timestamp' | 'wrong-type';

const BAD_TIMES = ['yesterday', '1731974400', '2026/11/19 08:00', '2026-11-19 08:00:00', '19.11.2026', ''];

/** A plausible record of the kind, before it is broken. */
function plausible(cohort: Cohort, rng: Rng, kind: RecordKind, seq: number): { record: Record<string, unknown>; required: string[]; time: string; typed: [string, unknown] } {
  const ids = cohort.env.ids;
  const someAccount = () => rng.pick(cohort.accounts).id;
  const at = iso(cohort.takenAt - rng.float(1, 100) * DAY);
  const local = PER_COHORT - 1 - seq;
  switch (kind) {
    case 'accounts':
      return {
        record: {
          accountId: ids.account(cohort.env.totalAccounts + cohort.index * 65536 + seq),
          createdAt: at,
          nickname: '用户' + rng.int(1000, 9999),
          accountType: 'personal',
          followerCount: rng.int(0, 50),
          followingCount: rng.int(0, 50),
          registration: { ip: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, deviceId: rng.hex(16), client: 'app-android' },
        },
        required: ['accountId', 'createdAt', 'accountType', 'registration', 'followerCount'],
        time: 'createdAt',
        typed: rng.pick<[string, unknown]>([
          ['followerCount', String(rng.int(1, 99))],
          ['followerCount', -rng.int(1, 9)],
          ['accountType', 'vip'],
          ['registration', 'unknown'],
        ]),
      };
    case 'notes':
      return {
        record: {
          noteId: ids.note(cohort.index, local),
          accountId: someAccount(),
          createdAt: at,
          title: '今日分享',
          body: '内容',
          client: 'app-ios',
          likeCount: rng.int(0, 9),
          collectCount: 0,
          commentCount: 0,
        },
        required: ['noteId', 'accountId', 'createdAt', 'client', 'likeCount'],
        time: 'createdAt',
        typed: rng.pick<[string, unknown]>([
          ['likeCount', String(rng.int(1, 99))],
          ['commentCount', 1.5],
          ['tags', '美食'],
          ['deletedAt', 12345],
        ]),
      };
    case 'comments':
      return {
        record: { commentId: ids.comment(cohort.index, local), noteId: ids.note(cohort.index, local), accountId: someAccount(), createdAt: at, text: '好看！' },
        required: ['commentId', 'noteId', 'accountId', 'createdAt'],
        time: 'createdAt',
        typed: rng.pick<[string, unknown]>([
          ['text', null],
          ['accountId', 42],
          ['commentId', ''],
        ]),
      };
    case 'follows':
      return {
        record: { followerId: someAccount(), followeeId: someAccount(), createdAt: at },
        required: ['followerId', 'followeeId', 'createdAt'],
        time: 'createdAt',
        typed: rng.pick<[string, unknown]>([
          ['followerId', ''],
          ['followeeId', 7],
        ]),
      };
    case 'reports':
      return {
        record: { reportId: ids.report(cohort.index, local), reporterId: someAccount(), targetType: 'account', targetId: someAccount(), reason: '其他', createdAt: at },
        required: ['reportId', 'reporterId', 'targetType', 'targetId', 'createdAt'],
        time: 'createdAt',
        typed: rng.pick<[string, unknown]>([
          ['targetType', 'user'],
          ['reason', 3],
        ]),
      };
  }
}

/** One invalid line of the given kind; `seq` numbers the cohort's invalid lines. */
export function invalidLine(cohort: Cohort, rng: Rng, kind: RecordKind, seq: number): { line: string; how: InvalidKind } {
  const { record, required, time, typed } = plausible(cohort, rng, kind, seq);
  const how = rng.pick<InvalidKind>(['malformed-json', 'missing-field', 'bad-timestamp', 'wrong-type']);
  if (how === 'malformed-json') {
    const full = JSON.stringify(record);
    const style = rng.int(0, 2);
    // A proper prefix of a JSON object is never valid JSON; neither are single quotes or a trailing comma.
    const line = style === 0 ? full.slice(0, rng.int(1, full.length - 1)) : style === 1 ? full.replace(/"/g, "'") : full.slice(0, -1) + ',}';
    return { line, how };
  }
  if (how === 'missing-field') delete record[rng.pick(required)];
  else if (how === 'bad-timestamp') record[time] = rng.pick(BAD_TIMES);
  else record[typed[0]] = typed[1];
  return { line: JSON.stringify(record), how };
}

/** Invalid lines per cohort so that the whole snapshot has exactly `total`. */
export function invalidShare(total: number, cohorts: number, index: number): number {
  return Math.floor(((index + 1) * total) / cohorts) - Math.floor((index * total) / cohorts);
}

export function invalidKind(rng: Rng): RecordKind {
  return rng.choose<RecordKind>([
    ['accounts', 20],
    ['notes', 35],
    ['comments', 35],
    ['follows', 5],
    ['reports', 5],
  ]);
}
