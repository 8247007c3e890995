/**
 * traffic-diversion: directing users to private contacts or other platforms.
 *
 * - AccountDetector: scans note titles/bodies, comments, nickname and bio with
 *   `scanContacts` (de-obfuscation in text/normalizeText.ts + text/contactPatterns.ts).
 *   A concrete contact fires at once; vague redirections ("私我", "看我主页") only when
 *   they add up (weighted) over several items.
 * - Channel `contact`: every concrete contact becomes a key; one contact published by
 *   several accounts is a diversion matrix.
 * - Private answers: the comment-thread channel of water-army (`note-comments`) pairs "where to
 *   buy / 求链接" questions with their answers; an answer of this account that moves the sale to
 *   private messages or a shop elsewhere ("链接私你了", "某宝搜…旗舰店") and that our own scan reads
 *   as a redirect is diversion even when said once. (Needs water-army enabled to see the pairs.)
 */
import type { Account, AccountDetector, Channel, Comment, KeyedRow, Note } from '../detectorPorts.ts';
import type { Finding, Signal } from '../finding.ts';
import { contactLabel, ownDomainTest, scanContacts, scanNormalized, type ContactHit, type ContactScan } from '../text/contactPatterns.ts';
import { normalizeJoined } from '../text/normalizeText.ts';
import { crewPartnersByNote } from './waterArmy/crewActNotes.ts';
import { capped, contactWordsOf, excerpt, finding, signal, thresholdsOf } from './common.ts';

const CODE = 'traffic-diversion' as const;
export const RULE_TEXT = 'traffic-diversion/contact-in-text';
export const RULE_PROFILE = 'traffic-diversion/contact-in-profile';
export const RULE_SOLICIT = 'traffic-diversion/solicitation';
export const RULE_SHARED = 'traffic-diversion/shared-contact';
export const RULE_DEAL = 'traffic-diversion/private-deal';
export const RULE_ANSWER = 'traffic-diversion/private-answer';
/** The water-army signal that pairs a purchase question with an answer (see waterArmy/scriptedQa.ts). */
const QA_RULE = 'water-army/scripted-qa';
const QA_ANSWER = 'qa:answer';

/** Contacts specific enough to identify one operator (bare big-site domains are not). */
function isKeyable(c: ContactHit): boolean {
  if (c.kind === 'link') return c.value.includes('/') && c.value.length >= 8;
  return c.kind !== 'landline';
}

/** A note's text as scanned (`title\nbody`, or the body alone), normalised through the field cache: exactly normalizeText of the text. */
function noteNormalized(title: string, body: string): string {
  return normalizeJoined(title ? [title, body] : [body], '\n');
}

export const contactChannel: Channel = {
  name: 'contact',
  codes: [CODE],
  keys(kind, record, ctx) {
    let row: Record<string, unknown>;
    let scan: ContactScan;
    if (kind === 'notes') {
      const n = record as Note;
      row = { a: n.accountId, n: n.noteId };
      scan = scanNormalized(noteNormalized(n.title, n.body), undefined, contactWordsOf(ctx));
    } else if (kind === 'comments') {
      const c = record as Comment;
      row = { a: c.accountId, c: c.commentId };
      scan = scanContacts(c.text, undefined, contactWordsOf(ctx));
    } else if (kind === 'accounts') {
      const a = record as Account;
      row = { a: a.accountId };
      scan = scanContacts(`${a.nickname}\n${a.bio ?? ''}`, undefined, contactWordsOf(ctx));
    } else return [];
    if (scan.contacts.length === 0) return [];
    const rows: KeyedRow[] = [];
    for (const c of scan.contacts) if (isKeyable(c)) rows.push({ key: contactLabel(c), row });
    return rows;
  },
  group(key, rows, ctx) {
    if (!ctx.enabled(CODE)) return [];
    // partition keys links by the default domains; the policy may name more of the platform's own (a video's own link)
    if (key.startsWith('link:') && ownDomainTest(ctx.ownDomains)(key.slice(5))) return [];
    const th = thresholdsOf(ctx, RULE_SHARED);
    const items = new Map<string, { notes: string[]; comments: string[] }>();
    for (const r of rows) {
      const a = String(r.a);
      let it = items.get(a);
      if (!it) items.set(a, (it = { notes: [], comments: [] }));
      if (r.n) it.notes.push(String(r.n));
      if (r.c) it.comments.push(String(r.c));
    }
    if (items.size < th.minAccounts) return [];
    const accounts = [...items.keys()].sort();
    const out: Signal[] = [];
    for (const a of accounts) {
      const related = capped(
        accounts.filter((x) => x !== a),
        20,
      );
      out.push(
        signal(a, 'contact', CODE, RULE_SHARED, key, Math.min(0.99, 0.85 + 0.02 * items.size), {
          summary: `the same contact appears on ${items.size} accounts`,
          relatedAccountIds: related,
          matched: [key],
          clusterKey: key,
          noteIds: items.get(a)!.notes.length ? capped(items.get(a)!.notes, 10) : undefined,
          commentIds: items.get(a)!.comments.length ? capped(items.get(a)!.comments, 10) : undefined,
        }),
      );
    }
    return out;
  },
};

interface ItemScan {
  kind: 'note' | 'comment' | 'profile';
  id: string;
  /** The note a comment is on. */
  noteId?: string;
  contacts: ContactHit[];
  solicitWeight: number;
  fragments: string[];
  deals: string[];
}

export const trafficDiversionDetector: AccountDetector = {
  code: CODE,
  detect(bundle, ctx) {
    if (!ctx.enabled(CODE)) return [];
    const scans: ItemScan[] = [];
    const isOwn = ownDomainTest(ctx.ownDomains);
    const words = contactWordsOf(ctx);
    const add = (kind: ItemScan['kind'], id: string, s: ContactScan, noteId?: string) => {
      if (s.contacts.length === 0 && s.solicitations.length === 0) return;
      const w = Math.min(
        1,
        s.solicitations.reduce((acc, x) => acc + x.weight, 0),
      );
      scans.push({
        kind,
        id,
        noteId,
        contacts: s.contacts,
        solicitWeight: w,
        fragments: s.solicitations.map((x) => x.fragment),
        deals: s.solicitations.filter((x) => x.kind === 'private-deal').map((x) => x.fragment),
      });
    };
    for (const n of bundle.notes) add('note', n.noteId, scanNormalized(noteNormalized(n.title, n.body), isOwn, words));
    for (const c of bundle.comments) add('comment', c.commentId, scanContacts(c.text, isOwn, words), c.noteId);
    if (bundle.account) add('profile', 'profile', scanContacts(`${bundle.account.nickname}\n${bundle.account.bio ?? ''}`, isOwn, words));

    const out: Finding[] = [];
    const id = bundle.accountId;

    // concrete contacts in notes and comments
    const textHits = scans.filter((s) => s.kind !== 'profile' && s.contacts.length > 0);
    const thText = thresholdsOf(ctx, RULE_TEXT);
    if (textHits.length >= thText.minItems && textHits.length > 0) {
      const matched = capped(
        textHits.flatMap((s) => s.contacts.map(contactLabel)),
        10,
      );
      const noteIds = capped(textHits.filter((s) => s.kind === 'note').map((s) => s.id));
      const commentIds = capped(textHits.filter((s) => s.kind === 'comment').map((s) => s.id));
      out.push(
        finding(id, CODE, RULE_TEXT, Math.min(0.99, 0.85 + 0.03 * (textHits.length - 1)), {
          summary: `off-platform contact in ${textHits.length} note(s)/comment(s): ${excerpt(matched.join(', '), 80)}`,
          noteIds: noteIds.length ? noteIds : undefined,
          commentIds: commentIds.length ? commentIds : undefined,
          matched,
        }),
      );
    }

    // concrete contacts in the profile
    const profile = scans.find((s) => s.kind === 'profile');
    const thProfile = thresholdsOf(ctx, RULE_PROFILE);
    if (profile && profile.contacts.length >= thProfile.minItems && profile.contacts.length > 0) {
      const matched = capped(profile.contacts.map(contactLabel), 10);
      out.push(
        finding(id, CODE, RULE_PROFILE, 0.9, {
          summary: `off-platform contact in nickname or bio: ${excerpt(matched.join(', '), 80)}`,
          matched,
        }),
      );
    }

    // Where the account sat in a crew's act (a staged sitting or a crew run on the note), its vague
    // "私我" and "链接私你了" are the act's lines, said to partners: water-army's evidence, one act one code.
    const partners = crewPartnersByNote(bundle.signals);
    const outsideActs = scans.filter((s) => s.kind !== 'comment' || !partners.has(s.noteId!));

    // vague redirections, weighted, only when they add up
    const thSolicit = thresholdsOf(ctx, RULE_SOLICIT);
    const solicit = outsideActs.filter((s) => s.solicitWeight > 0);
    const weight = solicit.reduce((acc, s) => acc + s.solicitWeight, 0);
    if (solicit.length >= thSolicit.minItems && weight >= thSolicit.minWeight) {
      const noteIds = capped(solicit.filter((s) => s.kind === 'note').map((s) => s.id));
      const commentIds = capped(solicit.filter((s) => s.kind === 'comment').map((s) => s.id));
      out.push(
        finding(id, CODE, RULE_SOLICIT, Math.min(0.9, 0.4 + 0.1 * weight), {
          summary: `redirects users off the platform in ${solicit.length} places without naming a contact`,
          noteIds: noteIds.length ? noteIds : undefined,
          commentIds: commentIds.length ? commentIds : undefined,
          matched: capped(
            solicit.flatMap((s) => s.fragments),
            10,
          ),
        }),
      );
    }

    // a private sale offered without a contact: weak on its own (low severity), reported when nothing stronger fired
    const thDeal = thresholdsOf(ctx, RULE_DEAL);
    const deals = outsideActs.filter((s) => s.deals.length > 0 && s.kind !== 'profile');
    if (out.length === 0 && deals.length >= thDeal.minItems && deals.length > 0) {
      const noteIds = capped(deals.filter((s) => s.kind === 'note').map((s) => s.id));
      const commentIds = capped(deals.filter((s) => s.kind === 'comment').map((s) => s.id));
      out.push(
        finding(id, CODE, RULE_DEAL, Math.min(0.7, 0.45 + 0.05 * deals.length), {
          summary: `offers a private deal off the public thread in ${deals.length} place(s)`,
          noteIds: noteIds.length ? noteIds : undefined,
          commentIds: commentIds.length ? commentIds : undefined,
          matched: capped(
            deals.flatMap((s) => s.deals),
            10,
          ),
        }),
      );
    }

    // answers to "where to buy" questions that move the sale off the thread; not inside an act, nor an
    // answer to a partner from one of its acts elsewhere: "链接私你了" said to a partner reaches no reader
    const crew = new Set([...partners.values()].flatMap((p) => [...p]));
    const toCrew = (s: Signal) => (s.detail.relatedAccountIds ?? []).every((a) => crew.has(a));
    const thAnswer = thresholdsOf(ctx, RULE_ANSWER);
    const redirected = new Set(outsideActs.filter((s) => s.kind === 'comment' && (s.solicitWeight > 0 || s.contacts.length > 0)).map((s) => s.id));
    const answers = bundle.signals.filter((s) => s.ruleId === QA_RULE && s.detail.clusterKey === QA_ANSWER && !toCrew(s) && (s.detail.commentIds ?? []).some((c) => redirected.has(c)));
    const answeredNotes = new Set(answers.map((s) => s.key));
    if (answeredNotes.size >= thAnswer.minAnswers && answers.length > 0) {
      const commentIds = capped([...new Set(answers.flatMap((s) => (s.detail.commentIds ?? []).filter((c) => redirected.has(c))))]);
      out.push(
        finding(id, CODE, RULE_ANSWER, Math.min(0.9, 0.6 + 0.1 * answeredNotes.size), {
          summary: `answered "where to buy" questions by moving the sale to private messages or another shop on ${answeredNotes.size} note(s)`,
          noteIds: capped([...answeredNotes].sort()),
          commentIds,
          relatedAccountIds: capped([...new Set(answers.flatMap((s) => s.detail.relatedAccountIds ?? []))], 20),
          matched: capped(
            scans.filter((s) => commentIds.includes(s.id)).flatMap((s) => [...s.fragments, ...s.contacts.map(contactLabel)]),
            10,
          ),
        }),
      );
    }

    // the same contact on several accounts (from the contact channel)
    const shared = bundle.signals.filter((s) => s.code === CODE && s.ruleId === RULE_SHARED);
    if (shared.length > 0) {
      const related = capped(
        shared.flatMap((s) => s.detail.relatedAccountIds ?? []),
        20,
      );
      out.push(
        finding(id, CODE, RULE_SHARED, Math.max(...shared.map((s) => s.score)), {
          summary: `publishes a contact shared with ${related.length}+ other account(s)`,
          relatedAccountIds: related,
          matched: capped(
            shared.flatMap((s) => s.detail.matched ?? []),
            10,
          ),
          clusterKey: shared.map((s) => s.key).sort()[0],
        }),
      );
    }
    return out;
  },
};
