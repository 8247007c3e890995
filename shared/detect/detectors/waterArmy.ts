/**
 * water-army: organised fake comments, found from behaviour.
 *
 * Channel `note-comments` (key: the note) collects one compact row per comment and one per
 * note (its author). Per note it finds
 *  - praise bursts: several distinct accounts posting near-identical comments (same
 *    fingerprint: normalised, synonyms folded, stop characters dropped, bag of characters)
 *    within a short window; short generic praise needs a tighter window and more accounts;
 *  - scripted Q&A: a "can't find it / where to buy" question answered by a "sent you the
 *    link privately" reply, linked by replyToCommentId or by time adjacency.
 * A burst is cut into lockstep runs (consecutive comments ≤ lockstepGapSeconds apart).
 * Each member gets a Signal naming its co-members. The AccountDetector then requires
 * repetition: the account must act in ≥2 notes with the same partners (SynchroTrap /
 * CopyCatch spirit) before anything is found — one burst on one note is never enough alone.
 * Cluster expansion: the ExpandRings stage (waterArmyExpansion.ts) tells the co-members of
 * confirmed members; one who acted in lockstep with several of them is a ring-associate.
 *
 * The same channel measures reply and comment latency for ai-hosted (instant replies, fresh-note comments).
 */
import type { AccountDetector, Channel, Comment, DetectContext, Note } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { fnv1a32 } from '../text/hash.ts';
import { compactText, normalizeText } from '../text/normalizeText.ts';
import { freshComments, RULE_FULL as RULE_AI_FULL } from './aiHosted.ts';
import { capped, epochSeconds, excerpt, finding, signal, thresholdsOf } from './common.ts';

const CODE = 'water-army' as const;
export const CHANNEL_NOTE_COMMENTS = 'note-comments';
export const RULE_PRAISE = 'water-army/praise-ring';
export const RULE_QA = 'water-army/scripted-qa';
export const RULE_CORE = 'water-army/ring-core';
export const RULE_ASSOCIATE = 'water-army/ring-associate';
/** Signals the ExpandRings stage files for the co-members of confirmed ring members (waterArmyExpansion.ts). */
export const CHANNEL_RING_CONFIRMED = 'ring-confirmed';
export const RULE_AI_INSTANT = 'ai-hosted/occasional';

const QUESTION =
  /怎么(?:没|搜不|找不)|搜不到|没搜到|找不到|在哪(?:里|儿)?(?:买|入|下单|搜)|哪里(?:买|有卖|入|可以买)|哪儿买|怎么买|求(?:个)?(?:链接|店名|牌子|分享|型号)|链接呢|有链接吗|蹲(?:个|一个)?链接|什么牌子|哪个牌子|啥牌子|什么型号|有同款吗|同款(?:在)?哪|同求|怎么入手|请问.{0,8}(?:哪(?:里|儿)?(?:买|有卖|入|搜)|买|链接|店)|(?:是|在)哪家|where\s*(?:to|can i)\s*buy|link\s*\?|link\s*pls|link\s*please/;
const ANSWER =
  /私你了|私信你了|私信发你|已私|发你了|我发你|(?:链接|连接)私你|看私信|私你|戳你了|dd我|滴滴我|戳我|看我?头像|置顶有|看我?主页|主页有|简介有|找我(?:拿|要)|你怎么不早(?:说|问)|我也是在.{0,8}买的|给你发了|某宝|淘宝搜|(?:搜|去).{0,10}旗舰店|旗舰店(?:就)?有|sent (?:you )?(?:the )?link|check (?:your )?dm|dm(?:'d|ed) you/;
/**
 * Comments that sell or amplify (the material of paid praise and forwarding rings), as opposed to
 * generic "好看": use/quality/effect testimonials, price praise, "私我优惠 / 有内部价" closers, forwarding.
 * "被种草" (I got tempted) and "绝了" are the audience's reactions, not selling.
 */
const PROMO =
  /好用|回购|质量|物流|效果|值得买|值得入|推荐|(?<!被)种草|安利|同款|yyds|入了|已入|下单|买了|用了.{0,4}(?:天|周|个?月)|(?:一直|都|也)在用|皮肤|肤质|真的有用|亲测|用就(?:爱上|喜欢)|现身说法|放心买|不踩雷|闭眼入|必入|性价比|良心|牌子|链接|私我|私信我|内部价|优惠|折扣|券|转发|分享到群|已分享|扩散|快来看|冲/;
const MENTION = /@\S/;

/** Characters that carry no template identity (particles, pronouns). */
const STOP = /[的了吗呢啊呀吧哦哈嘛我你他她它是在也都就和与啦喔噢嗯]/g;

/** Near-identical fingerprint: compact text without stop characters, as a sorted bag of characters. */
export function commentFingerprint(text: string): { h: number; len: number } {
  const compact = compactText(text).replace(STOP, '');
  const chars = [...new Set(compact)].sort().join('');
  return { h: fnv1a32(chars), len: compact.length };
}

interface Row {
  a: string;
  c: string;
  t: number;
  h: number;
  l: number;
  q?: number;
  r?: number;
  /** 1: sells or amplifies (promo praise, forwarding, @mentions, Q&A). */
  k?: number;
  p?: string;
}

export const noteCommentsChannel: Channel = {
  name: CHANNEL_NOTE_COMMENTS,
  codes: [CODE, 'ai-hosted'],
  keys(kind, record) {
    if (kind === 'notes') {
      const n = record as Note;
      return [{ key: n.noteId, row: { o: n.accountId, nt: epochSeconds(n.createdAt) } }];
    }
    if (kind !== 'comments') return [];
    const c = record as Comment;
    const { h, len } = commentFingerprint(c.text);
    const row: Record<string, unknown> = { a: c.accountId, c: c.commentId, t: epochSeconds(c.createdAt), h, l: len };
    const t = normalizeText(c.text);
    if (QUESTION.test(t)) row.q = 1;
    if (ANSWER.test(t)) row.r = 1;
    if (row.q || row.r || PROMO.test(t) || MENTION.test(t)) row.k = 1;
    if (c.replyToCommentId) row.p = c.replyToCommentId;
    return [{ key: c.noteId, row }];
  },
  group(noteId, raw, ctx) {
    const wa = ctx.enabled(CODE);
    const ai = ctx.enabled('ai-hosted');
    if (!wa && !ai) return [];
    let author: string | undefined;
    let noteAt = 0;
    const rows: Row[] = [];
    for (const r of raw) {
      if (r.o === undefined) rows.push(r as unknown as Row);
      else {
        author = String(r.o);
        noteAt = Number(r.nt ?? 0);
      }
    }
    // ai-hosted commenting: one comment seconds after the note appeared, so it needs no second comment
    const out: Signal[] = ai ? freshComments(CHANNEL_NOTE_COMMENTS, noteId, noteAt, author, rows, thresholdsOf(ctx, RULE_AI_FULL)) : [];
    if (rows.length < 2) return out;
    rows.sort((x, y) => x.t - y.t || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
    if (wa) {
      out.push(...praiseBursts(noteId, rows, author, thresholdsOf(ctx, RULE_PRAISE)));
      out.push(...scriptedQa(noteId, rows, author, thresholdsOf(ctx, RULE_QA)));
    }
    if (ai) out.push(...instantReplies(noteId, rows, author, thresholdsOf(ctx, RULE_AI_INSTANT)));
    return out;
  },
};

function praiseBursts(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byPrint = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.l < 2 || r.a === author) continue;
    let list = byPrint.get(r.h);
    if (!list) byPrint.set(r.h, (list = []));
    list.push(r);
  }
  const members = new Map<string, Set<string>>(); // account → its comment ids in bursts
  const bystandersOf = new Map<string, number>(); // account → fewest bystanders among its runs
  const groups: string[][] = [];
  for (const list of byPrint.values()) {
    if (list.length < Math.min(th.minAccounts, th.genericMinAccounts)) continue;
    const generic = list[0].l <= th.genericMaxLength;
    const window = generic ? th.genericWindowSeconds : th.windowSeconds;
    const need = generic ? th.genericMinAccounts : th.minAccounts;
    // sliding window over time (rows already sorted); collect members of qualifying windows
    const inBurst = new Set<number>();
    let lo = 0;
    const counts = new Map<string, number>();
    for (let hi = 0; hi < list.length; hi++) {
      counts.set(list[hi].a, (counts.get(list[hi].a) ?? 0) + 1);
      while (list[hi].t - list[lo].t > window) {
        const a = list[lo].a;
        const n = counts.get(a)! - 1;
        if (n === 0) counts.delete(a);
        else counts.set(a, n);
        lo += 1;
      }
      if (counts.size >= need) for (let i = lo; i <= hi; i++) inBurst.add(i);
    }
    for (const run of lockstepRuns(list, inBurst, th.lockstepGapSeconds, need)) groups.push(addRun(rows, list, run, members, bystandersOf));
  }
  // activity bursts: several accounts selling or amplifying on the note within the window, whatever the words
  const promo = rows.filter((r) => r.k === 1 && r.a !== author);
  if (promo.length >= th.minAccounts) {
    const inBurst = new Set<number>();
    let lo = 0;
    const counts = new Map<string, number>();
    for (let hi = 0; hi < promo.length; hi++) {
      counts.set(promo[hi].a, (counts.get(promo[hi].a) ?? 0) + 1);
      while (promo[hi].t - promo[lo].t > th.windowSeconds) {
        const a = promo[lo].a;
        const n = counts.get(a)! - 1;
        if (n === 0) counts.delete(a);
        else counts.set(a, n);
        lo += 1;
      }
      // a ring's burst is nearly all selling/amplifying; on a busy note the organic stream around a few such comments is not
      if (counts.size >= th.minAccounts && promoShare(rows, promo[lo].t, promo[hi].t, hi - lo + 1) >= th.promoMinShare) for (let i = lo; i <= hi; i++) inBurst.add(i);
    }
    for (const run of lockstepRuns(promo, inBurst, th.lockstepGapSeconds, th.minAccounts)) groups.push(addRun(rows, promo, run, members, bystandersOf));
  }
  // one signal per member per note, naming everyone it burst with
  const partnersOf = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const a of g) {
      let set = partnersOf.get(a);
      if (!set) partnersOf.set(a, (set = new Set()));
      for (const b of g) if (b !== a) set.add(b);
    }
  }
  const out: Signal[] = [];
  for (const a of [...partnersOf.keys()].sort()) {
    {
      const related = [...partnersOf.get(a)!];
      const g = related;
      out.push(
        signal(a, CHANNEL_NOTE_COMMENTS, CODE, RULE_PRAISE, noteId, Math.min(0.9, 0.4 + 0.05 * g.length), {
          summary: `one of ${g.length + 1} accounts commenting in a coordinated burst`,
          noteIds: [noteId],
          commentIds: capped(members.get(a)!, 10),
          relatedAccountIds: capped(related, 50),
          // read by ring-associate: a one-time member of a run interleaved with organic traffic is not told apart from it
          clusterKey: `bystanders:${bystandersOf.get(a) ?? 0}`,
        }),
      );
    }
  }
  return out;
}

/**
 * The lockstep runs of a burst: its comments (indices into `list`, sorted by time) split wherever
 * two consecutive ones are more than `gap` seconds apart; only runs with ≥ `need` accounts count.
 * A ring posts one after another within a minute or two; an organic comment 20 minutes before or
 * after (still inside the burst window) is not part of it, and two runs on one note by different
 * groups are two groups, not one.
 */
function lockstepRuns(list: Row[], inBurst: Set<number>, gap: number, need: number): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = () => {
    if (new Set(run.map((i) => list[i].a)).size >= need) runs.push(run);
    run = [];
  };
  for (const i of [...inBurst].sort((x, y) => x - y)) {
    if (run.length > 0 && list[i].t - list[run[run.length - 1]].t > gap) flush();
    run.push(i);
  }
  flush();
  return runs;
}

/**
 * Records a run's comments under their authors, and for each author the fewest bystanders of its
 * runs: comments by other accounts posted within the run's span. A ring on a quiet note has none;
 * on a busy note the run is interleaved with ordinary traffic, and whoever of that traffic used a
 * selling word is in the run too. Returns the run's accounts (sorted).
 */
function addRun(rows: Row[], list: Row[], run: number[], members: Map<string, Set<string>>, bystandersOf: Map<string, number>): string[] {
  const accounts = new Set<string>();
  for (const i of run) {
    const r = list[i];
    accounts.add(r.a);
    let set = members.get(r.a);
    if (!set) members.set(r.a, (set = new Set()));
    set.add(r.c);
  }
  const from = list[run[0]].t;
  const to = list[run[run.length - 1]].t;
  let bystanders = 0;
  for (const r of rows) if (r.t >= from && r.t <= to && !accounts.has(r.a)) bystanders += 1;
  for (const a of accounts) bystandersOf.set(a, Math.min(bystandersOf.get(a) ?? Infinity, bystanders));
  return [...accounts].sort();
}

/** Share of all comments in [from, to] (rows sorted by time) that are the `n` selling/amplifying ones. */
function promoShare(rows: Row[], from: number, to: number, n: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].t < from) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = lo; i < rows.length && rows[i].t <= to; i++) total += 1;
  return total === 0 ? 0 : n / total;
}

function scriptedQa(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byId = new Map<string, Row>();
  for (const r of rows) byId.set(r.c, r);
  const out: Signal[] = [];
  const seen = new Set<string>();
  const pairs: [Row, Row][] = [];
  const pair = (q: Row, ans: Row) => {
    if (q.a === ans.a || ans.a === author || q.a === author) return;
    const id = `${q.c}|${ans.c}`;
    if (seen.has(id)) return;
    seen.add(id);
    pairs.push([q, ans]);
    for (const [self, other] of [
      [q, ans],
      [ans, q],
    ] as const) {
      out.push(
        signal(self.a, CHANNEL_NOTE_COMMENTS, CODE, RULE_QA, noteId, 0.6, {
          summary: self === q ? 'asked a scripted "where to buy" question answered off-platform' : 'answered a "where to buy" question with a private link',
          noteIds: [noteId],
          commentIds: [self.c],
          relatedAccountIds: [other.a],
          clusterKey: self === q ? 'qa:ask' : 'qa:answer',
        }),
      );
    }
  };
  const questions = rows.filter((r) => r.q === 1);
  if (questions.length === 0) return out;
  for (const ans of rows) {
    if (ans.r !== 1) continue;
    if (ans.p) {
      const q = byId.get(ans.p);
      if (q && q.q === 1) pair(q, ans);
      continue;
    }
    // adjacency: the nearest earlier question by another account within the gap
    let best: Row | undefined;
    for (const q of questions) {
      if (q.t > ans.t) break;
      if (q.a !== ans.a && ans.t - q.t <= th.maxGapSeconds) best = q;
    }
    if (best) pair(best, ans);
  }
  out.push(...qaSittings(noteId, rows, author, pairs, th));
  return out;
}

/**
 * The sitting around a scripted exchange: a ring stages its act in one go (some cheering, then the
 * question and the private-link answer), so the selling comments chained to the pair at most
 * sittingGapSeconds apart are one cast. On a quiet note (≤ maxSittingBystanders other comments in
 * the span) every member of the cast is tied to every other: a ring whose askers and cheerers
 * rotate from note to note still meets the same partners on several notes, and a one-time cast
 * member sits beside confirmed ones (ring-associate). On a busy note only the pair is tied.
 */
function qaSittings(noteId: string, rows: Row[], author: string | undefined, pairs: [Row, Row][], th: Record<string, number>): Signal[] {
  const casts = new Map<string, Set<string>>(); // account → cast partners on this note
  const idsOf = new Map<string, Set<string>>();
  const index = new Map(rows.map((r, i) => [r, i]));
  const selling = (r: Row) => r.k === 1 && r.a !== author;
  for (const [q, ans] of pairs) {
    let lo = index.get(q)!;
    let hi = index.get(ans)!;
    // chain outwards over selling comments; ordinary comments neither extend nor break the chain
    for (let i = lo - 1, edge = rows[lo].t; i >= 0 && edge - rows[i].t <= th.sittingGapSeconds; i--) if (selling(rows[i])) (lo = i), (edge = rows[i].t);
    for (let i = hi + 1, edge = rows[hi].t; i < rows.length && rows[i].t - edge <= th.sittingGapSeconds; i++) if (selling(rows[i])) (hi = i), (edge = rows[i].t);
    const cast = new Set<string>();
    for (let i = lo; i <= hi; i++) if (selling(rows[i])) cast.add(rows[i].a);
    let bystanders = 0;
    for (let i = lo; i <= hi; i++) if (!cast.has(rows[i].a)) bystanders += 1;
    if (cast.size < 3 || bystanders > th.maxSittingBystanders) continue;
    for (let i = lo; i <= hi; i++) {
      const r = rows[i];
      if (!cast.has(r.a)) continue;
      let ids = idsOf.get(r.a);
      if (!ids) idsOf.set(r.a, (ids = new Set()));
      ids.add(r.c);
    }
    for (const a of cast) {
      let set = casts.get(a);
      if (!set) casts.set(a, (set = new Set()));
      for (const b of cast) if (b !== a) set.add(b);
    }
  }
  return [...casts.keys()].sort().map((a) =>
    signal(a, CHANNEL_NOTE_COMMENTS, CODE, RULE_QA, noteId, 0.5, {
      summary: `one of ${casts.get(a)!.size + 1} accounts staging a "where to buy" act together`,
      noteIds: [noteId],
      commentIds: capped(idsOf.get(a)!, 10),
      relatedAccountIds: capped([...casts.get(a)!].sort(), 50),
      clusterKey: 'qa:sitting',
    }),
  );
}

function instantReplies(noteId: string, rows: Row[], author: string | undefined, th: Record<string, number>): Signal[] {
  const byId = new Map<string, Row>();
  for (const r of rows) byId.set(r.c, r);
  const out: Signal[] = [];
  for (const r of rows) {
    if (!r.p) continue;
    const parent = byId.get(r.p);
    if (!parent || parent.a === r.a) continue;
    const latency = r.t - parent.t;
    if (latency >= 0 && latency <= th.instantReplySeconds) {
      out.push(
        signal(r.a, CHANNEL_NOTE_COMMENTS, 'ai-hosted', RULE_AI_INSTANT, noteId, 0.3, {
          summary: `replied within ${latency}s`,
          noteIds: [noteId],
          commentIds: [r.c],
          relatedAccountIds: r.a === author ? undefined : [parent.a],
        }),
      );
    }
  }
  return out;
}

export interface RingStats {
  notes: Set<string>;
  partnerNotes: Map<string, Set<string>>;
  commentIds: Set<string>;
}

function ringStats(signals: Signal[]): RingStats {
  const st: RingStats = { notes: new Set(), partnerNotes: new Map(), commentIds: new Set() };
  for (const s of signals) {
    st.notes.add(s.key);
    for (const c of s.detail.commentIds ?? []) st.commentIds.add(c);
    for (const p of s.detail.relatedAccountIds ?? []) {
      let set = st.partnerNotes.get(p);
      if (!set) st.partnerNotes.set(p, (set = new Set()));
      set.add(s.key);
    }
  }
  return st;
}

function repeatPartners(st: RingStats, minShared: number): string[] {
  return [...st.partnerNotes.entries()].filter(([, notes]) => notes.size >= minShared).map(([p]) => p).sort();
}

/** Why an account is a confirmed ring member under one rule (the repetition check). */
export interface RingVerdict {
  rule: typeof RULE_PRAISE | typeof RULE_QA;
  stats: RingStats;
  /** Partners met on ≥ minSharedNotes notes. */
  partners: string[];
  /** Notes on which the account answered "where to buy" privately (scripted-qa only). */
  answered: number;
  serialAnswerer: boolean;
  /** Notes on which the account was in a staged act of ≥ minCastAccounts accounts (scripted-qa only). */
  castNotes: number;
}

/**
 * The repetition check, shared by the account detector (resolve) and the ring expansion
 * (ExpandRings): an account is a confirmed member when, under praise-ring or scripted-qa, it
 * acted on ≥ minNotes notes with ≥ minPartners partners each met on ≥ minSharedNotes notes,
 * or it is a serial private-link answerer. `signals` are the account's own water-army signals.
 */
export function ringVerdicts(signals: Signal[], ctx: DetectContext): RingVerdict[] {
  const out: RingVerdict[] = [];
  for (const rule of [RULE_PRAISE, RULE_QA] as const) {
    const sigs = signals.filter((s) => s.ruleId === rule);
    if (sigs.length === 0) continue;
    const th = thresholdsOf(ctx, rule);
    const stats = ringStats(sigs);
    const partners = repeatPartners(stats, th.minSharedNotes);
    // a scripted answerer: private-link answers to "where to buy" on many notes, whoever asked
    const answered = rule === RULE_QA ? new Set(sigs.filter((x) => x.detail.clusterKey === 'qa:answer').map((x) => x.key)).size : 0;
    const serialAnswerer = rule === RULE_QA && answered >= th.minAnsweredNotes;
    // a ring rotating its cast: a large staged act on several notes, even with different partners each time
    const castNotes = rule === RULE_QA ? new Set(sigs.filter((x) => x.detail.clusterKey === 'qa:sitting' && (x.detail.relatedAccountIds ?? []).length + 1 >= th.minCastAccounts).map((x) => x.key)).size : 0;
    const repeatCast = castNotes >= th.minNotes;
    if (!serialAnswerer && !repeatCast && (stats.notes.size < th.minNotes || partners.length < th.minPartners)) continue;
    out.push({ rule, stats, partners, answered, serialAnswerer, castNotes });
  }
  return out;
}

export const waterArmyDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const mine = bundle.signals.filter((s) => s.code === CODE && s.channel === CHANNEL_NOTE_COMMENTS);
    if (mine.length === 0) return [];
    const textOf = new Map(bundle.comments.map((c) => [c.commentId, c.text]));
    const out: Finding[] = [];
    const ringNotes = new Set<string>();
    const ringPartners = new Set<string>();
    const verdicts = ringVerdicts(mine, ctx);
    for (const { rule, stats: st, partners, answered, serialAnswerer, castNotes } of verdicts) {
      const th = thresholdsOf(ctx, rule);
      for (const n of st.notes) ringNotes.add(n);
      for (const p of partners) ringPartners.add(p);
      const commentIds = capped(st.commentIds, 20);
      const matched = capped(
        commentIds.map((c) => textOf.get(c)).filter((t): t is string => !!t).map((t) => excerpt(t, 30)),
        5,
      );
      out.push(
        finding(bundle.accountId, CODE, rule, Math.min(0.98, 0.55 + 0.08 * st.notes.size + 0.04 * partners.length), {
          summary:
            rule === RULE_PRAISE
              ? `near-identical burst comments on ${st.notes.size} notes with the same ${partners.length} account(s)`
              : serialAnswerer && partners.length < th.minPartners
                ? `answered "where to buy" questions with private links on ${answered} notes`
                : partners.length < th.minPartners
                  ? `in staged "where to buy" acts of ≥${th.minCastAccounts} accounts on ${castNotes} notes`
                  : `scripted question/answer acts on ${st.notes.size} notes with the same ${partners.length} account(s)`,
          noteIds: capped(st.notes, 20),
          commentIds,
          relatedAccountIds: capped(partners.length ? partners : [...st.partnerNotes.keys()], 20),
          matched: matched.length ? matched : undefined,
        }),
      );
    }
    if (out.length === 0) {
      // not a repeat member itself: is it a one-time participant in a confirmed ring's bursts?
      const associate = ringAssociateFinding(bundle.accountId, bundle.signals, textOf, ctx);
      return associate ? [associate] : [];
    }
    const core = thresholdsOf(ctx, RULE_CORE);
    if (ringNotes.size >= core.minNotes && ringPartners.size >= core.minPartners) {
      out.push(
        finding(bundle.accountId, CODE, RULE_CORE, 0.97, {
          summary: `core member of a comment ring: ${ringNotes.size} notes, ${ringPartners.size} repeat partners`,
          noteIds: capped(ringNotes, 20),
          relatedAccountIds: capped(ringPartners, 20),
        }),
      );
    }
    return out;
  },
};

/**
 * Cluster expansion (SynchroTrap / CopyCatch): once a lockstep group is confirmed by repetition,
 * those who acted in lockstep with it are members too, even if only once. ExpandRings files, for
 * every burst or Q&A act of a confirmed member, a `ring-confirmed` signal naming that member to
 * each of its co-participants; an account not confirmed itself is an associate when, on one
 * note, ≥ minConfirmedPartners distinct confirmed members burst or acted with it, or one did
 * in a lockstep run of ≥ minRunAccounts accounts (chance runs on busy organic notes are small).
 */
function ringAssociateFinding(accountId: string, signals: Signal[], textOf: Map<string, string>, ctx: DetectContext): Finding | undefined {
  const th = thresholdsOf(ctx, RULE_ASSOCIATE);
  const confirmedOn = new Map<string, Set<string>>(); // note → confirmed co-members
  for (const s of signals) {
    if (s.code !== CODE || s.channel !== CHANNEL_RING_CONFIRMED) continue;
    let set = confirmedOn.get(s.key);
    if (!set) confirmedOn.set(s.key, (set = new Set()));
    for (const a of s.detail.relatedAccountIds ?? []) if (a !== accountId) set.add(a);
  }
  // accounts that burst with this one on each note (its own praise-ring signal there), and whether
  // its run there was interleaved with organic traffic (then its burst partners do not count)
  const burstSize = new Map<string, number>();
  const busy = new Set<string>();
  for (const s of signals) {
    // a burst, or a staged Q&A act (only formed on quiet notes), is a lockstep run
    const praise = s.ruleId === RULE_PRAISE;
    if (s.channel !== CHANNEL_NOTE_COMMENTS || !(praise || (s.ruleId === RULE_QA && s.detail.clusterKey === 'qa:sitting'))) continue;
    burstSize.set(s.key, Math.max(burstSize.get(s.key) ?? 0, (s.detail.relatedAccountIds ?? []).length + 1));
    if (praise && Number(s.detail.clusterKey?.split(':')[1] ?? 0) > th.maxBystanders) busy.add(s.key);
  }
  const qaPartners = new Map<string, Set<string>>();
  for (const s of signals) {
    if (s.channel !== CHANNEL_NOTE_COMMENTS || s.ruleId !== RULE_QA) continue;
    let set = qaPartners.get(s.key);
    if (!set) qaPartners.set(s.key, (set = new Set()));
    for (const p of s.detail.relatedAccountIds ?? []) set.add(p);
  }
  for (const n of busy) {
    const set = confirmedOn.get(n);
    if (!set) continue;
    const qa = qaPartners.get(n) ?? new Set<string>();
    for (const a of [...set]) if (!qa.has(a)) set.delete(a);
    burstSize.delete(n);
  }
  // several confirmed members beside it; or one, in a lockstep run too large to be chance
  const notes = [...confirmedOn.entries()]
    .filter(([n, set]) => set.size >= th.minConfirmedPartners || (set.size >= 1 && (burstSize.get(n) ?? 0) >= th.minRunAccounts))
    .map(([n]) => n)
    .sort();
  if (notes.length === 0) return undefined;
  const partners = new Set(notes.flatMap((n) => [...confirmedOn.get(n)!]));
  const onNotes = new Set(notes);
  const commentIds = new Set<string>();
  for (const s of signals) {
    if (s.code === CODE && s.channel === CHANNEL_NOTE_COMMENTS && onNotes.has(s.key)) for (const c of s.detail.commentIds ?? []) commentIds.add(c);
  }
  const ids = capped(commentIds, 20);
  const matched = capped(
    ids.map((c) => textOf.get(c)).filter((t): t is string => !!t).map((t) => excerpt(t, 30)),
    5,
  );
  return finding(accountId, CODE, RULE_ASSOCIATE, Math.min(0.95, 0.6 + 0.05 * partners.size), {
    summary: `commented in lockstep with ${partners.size} confirmed ring member(s) on ${notes.length} note(s)`,
    noteIds: capped(notes, 20),
    commentIds: ids.length ? ids : undefined,
    relatedAccountIds: capped(partners, 20),
    matched: matched.length ? matched : undefined,
  });
}
