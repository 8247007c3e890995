/** An in-memory shuffle (partition → group → expand rings → resolve) over fixture records, plus fixture builders. */
import { lexiconsFor, type LexiconExtension, type LexiconName } from '#shared/detect/text/lexicons';
import type { Account, Comment, Follow, Note, Report } from '#shared/contract/snapshotRecords';
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { AccountBundle, DetectContext } from '#shared/detect/detectorPorts';
import type { Finding, Signal } from '#shared/detect/finding';
import { detectAccount } from '#shared/detect/detectAccount';
import { ACCOUNT_DETECTORS, CHANNELS } from '#shared/detect/registry';
import { RULE_BY_ID } from '#shared/detect/ruleCatalog';
import { ringConfirmations } from '#shared/detect/detectors/waterArmyExpansion';

export const TAKEN_AT = '2026-11-20T00:00:00Z';

export function makeCtx(
  opts: { codes?: ViolationCode[]; overrides?: Record<string, Record<string, number>>; ownDomains?: string[]; lexicons?: Partial<Record<LexiconName, LexiconExtension>> } = {},
): DetectContext {
  return {
    takenAt: new Date(TAKEN_AT),
    thresholds: (ruleId) => ({ ...(RULE_BY_ID.get(ruleId)?.thresholds ?? {}), ...(opts.overrides?.[ruleId] ?? {}) }),
    enabled: (code) => !opts.codes || opts.codes.includes(code),
    ownDomains: opts.ownDomains,
    lexicon: lexiconsFor(opts.lexicons),
  };
}

export interface Fixture {
  accounts?: Account[];
  notes?: Note[];
  comments?: Comment[];
  follows?: Follow[];
  reports?: Report[];
}

export interface RunResult {
  findings: Finding[];
  signals: Signal[];
  byAccount: Map<string, Finding[]>;
  rowsPerRecord: number;
}

export function runDetection(fx: Fixture, ctx: DetectContext = makeCtx()): RunResult {
  const buckets = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const c of CHANNELS) buckets.set(c.name, new Map());
  let records = 0;
  let rows = 0;
  const partition = <K extends 'accounts' | 'notes' | 'comments' | 'follows' | 'reports'>(kind: K, list: unknown[] | undefined) => {
    for (const rec of list ?? []) {
      records += 1;
      for (const c of CHANNELS) {
        for (const kr of c.keys(kind, rec as never, ctx)) {
          // rows travel as JSON between stages
          const row = JSON.parse(JSON.stringify(kr.row)) as Record<string, unknown>;
          const m = buckets.get(c.name)!;
          let g = m.get(kr.key);
          if (!g) m.set(kr.key, (g = []));
          g.push(row);
          rows += 1;
        }
      }
    }
  };
  partition('accounts', fx.accounts);
  partition('notes', fx.notes);
  partition('comments', fx.comments);
  partition('follows', fx.follows);
  partition('reports', fx.reports);

  const signals: Signal[] = [];
  const common = new Set<string>();
  for (const c of CHANNELS) {
    const m = buckets.get(c.name)!;
    for (const key of [...m.keys()].sort()) {
      if (c.common?.(key, m.get(key)!, ctx)) common.add(key);
      signals.push(...(JSON.parse(JSON.stringify(c.group(key, m.get(key)!, ctx))) as Signal[]));
    }
  }
  const resolveCtx: DetectContext = { ...ctx, isCommonPhrase: (key) => common.has(key) };
  // expand rings (one account bucket here): co-members of confirmed water-army ring members are told so
  signals.push(...(JSON.parse(JSON.stringify(ringConfirmations(signals, ctx))) as Signal[]));

  const ids = new Set<string>();
  for (const a of fx.accounts ?? []) ids.add(a.accountId);
  for (const n of fx.notes ?? []) ids.add(n.accountId);
  for (const c of fx.comments ?? []) ids.add(c.accountId);
  for (const s of signals) ids.add(s.accountId);
  const findings: Finding[] = [];
  const byAccount = new Map<string, Finding[]>();
  for (const id of [...ids].sort()) {
    const bundle: AccountBundle = {
      accountId: id,
      account: fx.accounts?.find((a) => a.accountId === id),
      notes: (fx.notes ?? []).filter((n) => n.accountId === id),
      comments: (fx.comments ?? []).filter((c) => c.accountId === id),
      followers: (fx.follows ?? []).filter((f) => f.followeeId === id),
      reports: (fx.reports ?? []).filter((r) => r.targetType === 'account' && r.targetId === id),
      signals: signals.filter((s) => s.accountId === id),
    };
    const list = detectAccount(bundle, ACCOUNT_DETECTORS, resolveCtx);
    if (list.length > 0) byAccount.set(id, list);
    findings.push(...list);
  }
  return { findings, signals, byAccount, rowsPerRecord: records ? rows / records : 0 };
}

export function rulesOf(r: RunResult, accountId: string, code?: ViolationCode): string[] {
  return (r.byAccount.get(accountId) ?? [])
    .filter((f) => !code || f.code === code)
    .map((f) => f.ruleId)
    .sort();
}

export function codesOf(r: RunResult, accountId: string): ViolationCode[] {
  return [...new Set((r.byAccount.get(accountId) ?? []).map((f) => f.code))].sort();
}

// ---------------------------------------------------------------- builders

const BASE = Date.parse('2026-06-01T08:00:00Z');
export const at = (minutes: number): string => new Date(BASE + minutes * 60_000).toISOString();
export const atSeconds = (seconds: number): string => new Date(BASE + seconds * 1000).toISOString();

let seq = 0;
export function account(accountId: string, p: Partial<Account> = {}): Account {
  seq += 1;
  return {
    accountId,
    createdAt: at(-60 * 24 * 200 - seq * 997),
    nickname: `用户${accountId}`,
    accountType: 'personal',
    followerCount: 120,
    followingCount: 80,
    registration: { ip: `10.${seq % 250}.${(seq * 7) % 250}.${(seq * 13) % 250}`, deviceId: `dev-${accountId}`, client: 'app-ios' },
    ...p,
  };
}

export function note(noteId: string, accountId: string, p: Partial<Note> = {}): Note {
  return {
    noteId,
    accountId,
    createdAt: at(0),
    title: '周末去公园散步',
    body: '天气很好，拍了很多照片，分享给大家。',
    client: 'app-ios',
    likeCount: 10,
    collectCount: 2,
    commentCount: 3,
    ...p,
  };
}

export function comment(commentId: string, noteId: string, accountId: string, text: string, p: Partial<Comment> = {}): Comment {
  return { commentId, noteId, accountId, createdAt: at(0), text, ...p };
}
