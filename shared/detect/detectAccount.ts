/**
 * Every account detector over one account's bundle, then one act counted under one code: a finding
 * that another finding of the account already explains is dropped. Resolve and the detector tests
 * both judge an account through here.
 */
import type { AccountBundle, AccountDetector, DetectContext } from './detectorPorts.ts';
import { RULE_FULL } from './detectors/aiHosted.ts';
import { RULE_HOOK, RULE_SELF_PROMOTION, RULE_SENSATIONAL } from './detectors/engagementBait.ts';
import { clientClusterKey, RULE_BURST, RULE_CLIENT, RULE_DEVICE, RULE_TEMPLATE as RULE_TEMPLATED_NAMES } from './detectors/fakeAccount.ts';
import { RULE_CROSS, RULE_REPOSTS, RULE_REPUBLISHED, RULE_TEMPLATE, SIGNAL_COPIED_NOTE, repeatedNoteIds } from './detectors/homogeneousContent.ts';
import { thresholdsOf } from './detectors/common.ts';
import { RULE_ANSWER, RULE_DEAL, RULE_SOLICIT } from './detectors/trafficDiversion.ts';
import { RULE_TITLE } from './detectors/misleadingMarketing.ts';
import type { Finding } from './finding.ts';
import { RULE_CREW_SEEDED } from './ruleCatalog.ts';
import { TITLE_AUTHORITY } from './text/marketingPatterns.ts';

export function detectAccount(bundle: AccountBundle, detectors: readonly AccountDetector[], ctx: DetectContext): Finding[] {
  const findings: Finding[] = [];
  for (const d of detectors) if (ctx.enabled(d.code)) findings.push(...d.detect(bundle, ctx));
  // what withoutExplained needs from the bundle, worked out only for the accounts whose findings ask for it
  const recycled = findings.some((f) => f.ruleId === RULE_REPUBLISHED) ? repeatedNoteIds(bundle.notes, thresholdsOf(ctx, RULE_REPUBLISHED)) : undefined;
  const commentsOnOwnNotes = findings.some((f) => f.code === 'undisclosed-promotion') ? ownNoteComments(bundle) : undefined;
  const ownNotes = findings.some((f) => f.code === 'water-army') ? new Set(bundle.notes.map((n) => n.noteId)) : undefined;
  const removedNotes = findings.some((f) => f.code === 'account-transformation') ? new Set(bundle.notes.filter((n) => n.deletedAt || n.hiddenAt).map((n) => n.noteId)) : undefined;
  const copied = findings.some((f) => COPYING_RULES.has(f.ruleId)) ? copiedNotes(bundle) : undefined;
  return withoutExplained(findings, { recycled, commentsOnOwnNotes, ownNotes, removedNotes, copied });
}

/** The account's notes that repeat a note another account posted first (the copying signals name them). */
function copiedNotes(bundle: AccountBundle): Set<string> {
  return new Set(bundle.signals.filter((s) => s.ruleId === SIGNAL_COPIED_NOTE || s.ruleId === RULE_REPOSTS).flatMap((s) => s.detail.noteIds ?? []));
}

function ownNoteComments(bundle: AccountBundle): Set<string> {
  const own = new Set(bundle.notes.map((n) => n.noteId));
  return new Set(bundle.comments.filter((c) => own.has(c.noteId)).map((c) => c.commentId));
}

/** What an account's bundle says beyond its findings, for telling one act from two. */
export interface ExplainContext {
  /** The notes the account put up more than once, when it is known to republish (republished-notes). */
  recycled?: ReadonlySet<string>;
  /** The account's comments under its own notes. */
  commentsOnOwnNotes?: ReadonlySet<string>;
  /** The account's own notes, when it has a water-army finding. */
  ownNotes?: ReadonlySet<string>;
  /** The account's notes it deleted or hid, when it has an account-transformation finding. */
  removedNotes?: ReadonlySet<string>;
  /** The account's notes that repeat another account's earlier note, when it has a copying finding. */
  copied?: ReadonlySet<string>;
}

/**
 * One act, one code: drops the findings that another finding of the same account already explains. Each rule
 * below was chosen from where wrong codes sat on data the detectors were not written against (docs/detection-quality.md)
 * and most drop a finding only when all its evidence lies inside the explaining act's.
 * First: an account run wholly by an AI hosting tool posts what the tool writes, and the tool writes alike for
 * every account it runs: that sameness is the hosting (ai-hosted), not a matrix copying (homogeneous-content).
 */
export function withoutExplained(findings: Finding[], { recycled, commentsOnOwnNotes, ownNotes, removedNotes, copied }: ExplainContext = {}): Finding[] {
  let out = findings;
  const hosting = out.filter((f) => f.ruleId === RULE_FULL);
  if (hosting.length > 0) out = out.filter((f) => f.code !== 'homogeneous-content');
  // The tool that runs the account wholly also signed it up: accounts registered by that client are its hosting
  // (ai-hosted), not a farm's bot client (fake-account/bot-client names the client in its cluster key, the hosting
  // finding the clients it posts through). A farm's registration tool the account does not post through stays.
  const hostingClients = new Set(hosting.flatMap((f) => f.evidence.matched ?? []).map(clientClusterKey));
  if (hostingClients.size > 0) out = out.filter((f) => f.ruleId !== RULE_CLIENT || !hostingClients.has(f.evidence.clusterKey ?? ''));
  // Copies across accounts that another act already explains are that act's evidence, not a second code: a buyer
  // running a batch of bought accounts posts the same ads from each and wiped the same farmed history
  // (account-transformation: its ads and every note it removed, which its capped evidence may not list); a hosting
  // tool writes alike for every account it runs, occasionally hosted ones too (ai-hosted); bait is written from a
  // common stock of hooks (engagement-bait). Copies beyond those notes stay homogeneous-content.
  // So are reposts of others' notes (repeated-reposts) made inside such an act: a hosting tool reposting for the account.
  const explaining = out.filter((f) => CROSS_EXPLAINERS.has(f.code));
  if (explaining.length > 0 && out.some((f) => COPY_RULES.has(f.ruleId))) {
    const explained = new Set([...explaining.flatMap((f) => f.evidence.noteIds ?? []), ...(removedNotes ?? [])]);
    out = out.filter((f) => !COPY_RULES.has(f.ruleId) || !onlyOnNotes(f, explained));
  }
  // Likewise a bought account posting its new owner's ad template again and again after the purge: those are the
  // transformation's ads. A template in the history it farmed and wiped (farming-phase bulk) stays homogeneous-content.
  const transformation = out.filter((f) => f.code === 'account-transformation');
  if (transformation.length > 0) {
    const ads = new Set(transformation.flatMap((f) => f.evidence.noteIds ?? []).filter((n) => !removedNotes?.has(n)));
    out = out.filter((f) => f.ruleId !== RULE_TEMPLATE || !onlyOnNotes(f, ads));
  }
  // `recycled`: the notes an account put up more than once, when it is known to publish notes again and again
  // (homogeneous-content/republished-notes). Recycling a stock of notes is the act; the bait, claims or contacts
  // inside that stock (often someone else's notes) are not a second code. A finding that also rests on anything
  // else (a comment, a note not recycled) stays.
  // `copied`: the notes that repeat, word for word, a note someone else put up first. An account whose copying still
  // stands (no act above explained it) posts others' notes: the claims or bait in a copied ad are its author's, and the
  // copier's act is the copying, as with a recycled stock.
  const stock = new Set([...(recycled ?? []), ...(copied && out.some((f) => COPYING_RULES.has(f.ruleId)) ? copied : [])]);
  if (stock.size) {
    const onlyStock = (f: Finding) => (f.evidence.commentIds ?? []).length === 0 && onlyOnNotes(f, stock);
    out = out.filter((f) => !RECYCLED_CONTENT_CODES.has(f.code) || !onlyStock(f));
  }
  // The author of a crew-seeded promotion answering its crew's "where to buy" inside the act ("链接私你了") speaks the
  // act's lines: those comments are the promotion's evidence, not a second, traffic-diversion, code.
  // traffic-diversion already leaves out the comments on notes its crew-host signals name (crewPartnersByNote), which
  // covers this on sound input; it stays for a comment exported twice under two notes: group keeps a row per note (its
  // dedupe is per key), so the hosted note's row makes it an act line here, while resolve keeps the first copy, whose
  // note may be one no crew touched, so traffic-diversion would count it (tests/pipeline/crewLinesExportedTwice.test.ts).
  const actLines = new Set(out.filter((f) => f.ruleId === RULE_CREW_SEEDED).flatMap((f) => f.evidence.commentIds ?? []));
  // Likewise an account found promoting covertly (undisclosed-promotion) answering under its own notes ("私你了",
  // "看我主页"): the seller closing its covert ad's sale is the promotion's act (the seeds' 双簧), not a second code. A
  // contact it names stays traffic-diversion's (contact-in-text is not a vague redirect), as do lines under others' notes.
  // So is the covert ad's own "看置顶" or "评论区见": sending readers to the comments is how the promotion hides its link,
  // and the promotion's finding names that note.
  const promotion = out.filter((f) => f.code === 'undisclosed-promotion');
  if (promotion.length > 0) for (const c of commentsOnOwnNotes ?? []) actLines.add(c);
  const actNotes = new Set(promotion.flatMap((f) => f.evidence.noteIds ?? []));
  const onlyAct = (f: Finding) => {
    const notes = f.evidence.noteIds ?? [];
    const comments = f.evidence.commentIds ?? [];
    return notes.length + comments.length > 0 && notes.every((n) => actNotes.has(n)) && comments.every((c) => actLines.has(c));
  };
  if (actLines.size > 0 || actNotes.size > 0) out = out.filter((f) => !VAGUE_REDIRECTS.has(f.ruleId) || !onlyAct(f));
  // An account found working in a comment crew (any water-army finding) that says "私我", "看我主页" or "去她主页看看" in
  // comments is speaking the crew's script, pointing readers at whoever hired it, on notes where no act was detected
  // too: the crew is the act, not a second code; so is its "链接私你了" answering a "where to buy" under someone else's
  // note (private-answer names the notes it answered on). Findings on its own notes, or a contact it names, stay.
  const onOwnNote = (f: Finding) => (f.evidence.noteIds ?? []).some((n) => ownNotes?.has(n) ?? true);
  if (out.some((f) => f.code === 'water-army')) out = out.filter((f) => !(VAGUE_REDIRECTS.has(f.ruleId) || f.ruleId === RULE_SELF_PROMOTION) || onOwnNote(f));
  // An account registered in bulk (a device farm, a registration burst, a bot client, templated names) is the farm's:
  // the bait notes it warms up with ("赞过一百立刻更新", "不转不是真姐妹") and the claims in the paid reviews it is put to
  // ("根治", "永不复发") are what the farm posts, banned with it, not second codes. Its follow-for-follow rings
  // (mutual-follow), self-promotion and the contacts it spreads stay their codes'.
  if (out.some((f) => BULK_REGISTRATION.has(f.ruleId))) out = out.filter((f) => f.ruleId !== RULE_HOOK && f.code !== 'misleading-marketing');
  // A free offer or a clearance over a note that sends readers to WeChat or QQ ("免费领", "清仓" titling a diverting
  // note) is the diversion's lure: misleading-title resting only on notes a traffic-diversion finding names, none of
  // its titles borrowing an authority, is dropped. A title borrowing an authority ("央视推荐") stays its own code.
  const diverting = new Set(out.filter((f) => f.code === 'traffic-diversion').flatMap((f) => f.evidence.noteIds ?? []));
  const lure = (f: Finding) => onlyOnNotes(f, diverting) && !(f.evidence.matched ?? []).some((m) => TITLE_AUTHORITY.test(m));
  if (diverting.size > 0) out = out.filter((f) => f.ruleId !== RULE_TITLE || !lure(f));
  // A seller found making misleading claims titles its ads to match ("后悔没早点知道的生发精华"): the sensational title is
  // the misleading ad's, as the title over a body that sells already is inside engagement-bait.
  if (out.some((f) => f.code === 'misleading-marketing')) out = out.filter((f) => f.ruleId !== RULE_SENSATIONAL);
  return out;
}

/** The finding names notes, and every one of them is in `notes`. */
function onlyOnNotes(f: Finding, notes: ReadonlySet<string>): boolean {
  const ids = f.evidence.noteIds ?? [];
  return ids.length > 0 && ids.every((n) => notes.has(n));
}

/** fake-account's rules on accounts registered in bulk (not bought followers: a real account can buy those). */
const BULK_REGISTRATION: ReadonlySet<string> = new Set([RULE_DEVICE, RULE_BURST, RULE_CLIENT, RULE_TEMPLATED_NAMES]);

/** Copies of the same notes across accounts: near-duplicates shared with others, reposts of others' notes. */
const COPY_RULES: ReadonlySet<string> = new Set([RULE_CROSS, RULE_REPOSTS]);

/** Codes whose own evidence explains copies of the same notes across accounts. */
const CROSS_EXPLAINERS: ReadonlySet<string> = new Set(['account-transformation', 'ai-hosted', 'engagement-bait']);

/** homogeneous-content's findings that an account posts notes others wrote, or its own again and again. */
const COPYING_RULES: ReadonlySet<string> = new Set([RULE_CROSS, RULE_REPOSTS, RULE_REPUBLISHED]);

/** Codes judged on what a note says, which a recycled note says on behalf of whoever wrote it first. */
const RECYCLED_CONTENT_CODES: ReadonlySet<string> = new Set(['engagement-bait', 'misleading-marketing', 'traffic-diversion']);

/** traffic-diversion's rules on vague redirects, which name no contact of their own. */
const VAGUE_REDIRECTS: ReadonlySet<string> = new Set([RULE_SOLICIT, RULE_DEAL, RULE_ANSWER]);
