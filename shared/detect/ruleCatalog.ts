/**
 * The rule catalog: every rule a detector can fire, with its violation code, default
 * severity and default thresholds. The policy may override severity and thresholds per
 * rule; detectors read thresholds through `ctx.thresholds(ruleId)`.
 * Each detector's page under docs/detectors/ explains its rules.
 */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { Severity } from './finding.ts';
import { RULE_EVIDENCE, type EvidenceBasis, type EvidenceStrength } from './ruleEvidence.ts';

export interface RuleSpec {
  ruleId: string;
  code: ViolationCode;
  severity: Severity;
  description: string;
  thresholds: Record<string, number>;
  /** What the rule looks at; findings on different bases corroborate each other (ruleEvidence.ts). */
  basis: EvidenceBasis;
  /** `strong` may suspend or ban alone; `supporting` needs a finding on another basis. */
  strength: EvidenceStrength;
}

/**
 * Rule ids that other layers name (deciding, enforcing, the brand points ledger): they import them
 * from here, never from a detector module, so neither policy nor brand depends on a detector.
 */
export const RULE_PAID_OFF_PLATFORM = 'undisclosed-promotion/paid-off-platform';
export const RULE_BRAND_UNAUTHORISED = 'undisclosed-promotion/brand-unauthorised';
export const RULE_COVERT_AD = 'undisclosed-promotion/covert-ad';
export const RULE_COORDINATED_SEEDING = 'undisclosed-promotion/coordinated-seeding';
export const RULE_SEEDED_BRIEF = 'undisclosed-promotion/seeded-brief';
export const RULE_BRAND_CAMPAIGN = 'undisclosed-promotion/brand-campaign';
export const RULE_CREW_SEEDED = 'undisclosed-promotion/crew-seeded';
/** Added by the decision from the promotions below, never by a detector. */
export const RULE_BRAND_POINTS = 'undisclosed-promotion/brand-points';

/** Findings that, on a brand account, are each one unauthorised commercial promotion (CONTRACT §2): per note, or per seeding campaign. */
export const BRAND_PROMOTION_RULES: ReadonlySet<string> = new Set([RULE_BRAND_UNAUTHORISED, RULE_PAID_OFF_PLATFORM, RULE_COVERT_AD, RULE_BRAND_CAMPAIGN]);

const CAMPAIGN_PREFIX = 'campaign:';
/**
 * How a `brand-campaign` finding names its campaign (evidence.clusterKey): by the brand and its first
 * note, which stays first while the campaign grows over later sweeps. The brand points ledger keys
 * the campaign's deduction by it.
 */
export const campaignKey = (brandId: string, firstNoteId: string): string => `${CAMPAIGN_PREFIX}${brandId}:${firstNoteId}`;
export const isCampaignKey = (key: string): boolean => key.startsWith(CAMPAIGN_PREFIX);
/** The first note a campaign key names; undefined for a note id. */
export const campaignAnchor = (key: string): string | undefined => (isCampaignKey(key) ? key.slice(key.lastIndexOf(':') + 1) : undefined);

const SPECS: Array<Omit<RuleSpec, 'basis' | 'strength'>> = [
  // ---------------------------------------------------------------- traffic-diversion
  {
    ruleId: 'traffic-diversion/contact-in-text',
    code: 'traffic-diversion',
    severity: 'high',
    description: 'A concrete off-platform contact (phone, WeChat id, QQ, link, pass-phrase) in notes or comments, however obfuscated.',
    thresholds: { minItems: 1 },
  },
  {
    ruleId: 'traffic-diversion/contact-in-profile',
    code: 'traffic-diversion',
    severity: 'high',
    description: 'A concrete off-platform contact in the nickname or bio.',
    thresholds: { minItems: 1 },
  },
  {
    ruleId: 'traffic-diversion/solicitation',
    code: 'traffic-diversion',
    severity: 'medium',
    description:
      'Repeated redirections without a concrete contact ("加我vx", "私我", "看我主页"), weighted: app mention 1, vague phrase 0.5. Not the lines said inside a crew\'s act (a note where the account sat in a staged sitting, a praise burst or a crew run): those are water-army\'s evidence, one act one code.',
    thresholds: { minWeight: 1.5, minItems: 2 },
  },
  {
    ruleId: 'traffic-diversion/private-deal',
    code: 'traffic-diversion',
    severity: 'low',
    description: 'A redirection to private messages in a selling context ("私我优惠", "有内部价，私我", "需要的滴滴我"), outside the crew acts the account took part in.',
    thresholds: { minItems: 1 },
  },
  {
    ruleId: 'traffic-diversion/private-answer',
    code: 'traffic-diversion',
    severity: 'medium',
    description:
      'Answers "where to buy / 求链接" questions by moving the sale to private messages or another shop ("链接私你了", "某宝搜…旗舰店"), paired by the comment-thread channel and read as a redirect. Not inside a crew act, nor to an asker who is the answerer\'s partner in one (the seeds\' 双簧: a question and answer staged for readers is water-army).',
    thresholds: { minAnswers: 1 },
  },
  {
    ruleId: 'traffic-diversion/shared-contact',
    code: 'traffic-diversion',
    severity: 'critical',
    description: 'The same off-platform contact published by several accounts: a diversion matrix.',
    thresholds: { minAccounts: 3 },
  },
  // ---------------------------------------------------------------- water-army
  {
    ruleId: 'water-army/praise-ring',
    code: 'water-army',
    severity: 'high',
    description:
      'Coordinated comment bursts (near-identical texts, or selling/amplifying comments from several accounts within minutes that make up ≥ promoMinShare of the comments in that span, posted one after another at most lockstepGapSeconds apart) by the same group of accounts on several notes.',
    thresholds: {
      windowSeconds: 3600,
      minAccounts: 3,
      genericMaxLength: 4,
      genericWindowSeconds: 600,
      genericMinAccounts: 4,
      minNotes: 2,
      minPartners: 2,
      minSharedNotes: 2,
      promoMinShare: 0.6,
      lockstepGapSeconds: 600,
    },
  },
  {
    ruleId: 'water-army/scripted-qa',
    code: 'water-army',
    severity: 'high',
    description:
      'Scripted question-and-answer acts ("怎么没搜到" → "链接私你了") by the same accounts on several notes. The act\'s cast is the pair plus the selling comments chained to it at most sittingGapSeconds apart on a quiet note (≤ maxSittingBystanders other comments in its span); an account in a cast of ≥ minCastAccounts accounts on ≥ minNotes notes is a member even when the cast rotates.',
    thresholds: { maxGapSeconds: 1800, minNotes: 2, minPartners: 1, minSharedNotes: 2, minAnsweredNotes: 3, sittingGapSeconds: 600, maxSittingBystanders: 3, minCastAccounts: 5 },
  },
  {
    ruleId: 'water-army/ring-core',
    code: 'water-army',
    severity: 'critical',
    description: 'A core member of a comment ring: repeated coordinated comments on many notes with many partners.',
    thresholds: { minNotes: 5, minPartners: 4 },
  },
  {
    ruleId: 'water-army/ring-associate',
    code: 'water-army',
    severity: 'high',
    description:
      'Commented in lockstep, on one note, with ≥ minConfirmedPartners members of a ring confirmed by repetition, or with one inside a lockstep run of ≥ minRunAccounts accounts (cluster expansion by the ExpandRings stage); a run with > maxBystanders comments by other accounts inside its span (a busy organic note) lends no burst partners.',
    thresholds: { minConfirmedPartners: 2, minRunAccounts: 5, maxBystanders: 3 },
  },
  {
    ruleId: 'water-army/recurring-crew',
    code: 'water-army',
    severity: 'low',
    description:
      "The same crew returning together: commented in lockstep runs (of minRunAccounts to maxRunAccounts accounts and ≥ minRunShare of the note's commenters, consecutive comments at most lockstepGapSeconds apart, whatever the words) with the same ≥ minPartners accounts on ≥ minSharedNotes notes each, and sold, amplified or asked where to buy in ≥ minSellingComments of those comments. Supporting evidence: alone it warns or limits.",
    thresholds: { lockstepGapSeconds: 450, minRunAccounts: 5, maxRunAccounts: 50, minRunShare: 0.5, minSharedNotes: 3, minPartners: 4, minSellingComments: 2 },
  },
  {
    ruleId: 'water-army/crew-associate',
    code: 'water-army',
    severity: 'low',
    description:
      "Not a crew by itself, but on ≥ minNotes notes commented in a lockstep crew run (recurring-crew's runs) where ≥ minConfirmedPartners of its run partners, and ≥ minConfirmedShare of them, are confirmed ring or crew members (told by the ExpandRings stage). Supporting evidence: alone it warns.",
    thresholds: { minConfirmedPartners: 2, minConfirmedShare: 0.5, minNotes: 2 },
  },
  {
    ruleId: 'water-army/group-control',
    code: 'water-army',
    severity: 'low',
    description:
      "Comments driven by a group-control tool: ≥ minComments comments under others' notes whose recorded client is named in the groupControlTools lexicon (群控, 云控, 中控: software running many phones or accounts at once), whatever they say. Supporting evidence: alone it warns or limits.",
    thresholds: { minComments: 2 },
  },
  // ---------------------------------------------------------------- fake-account
  {
    ruleId: 'fake-account/device-farm',
    code: 'fake-account',
    severity: 'critical',
    description:
      'Many accounts (≥ minAccounts) registered on, or using, one device and made in bulk (two registered on it within bulkPairMinutes, a registration tool, or templated names); or a burst of registrations on one device.',
    thresholds: { minAccounts: 6, bulkPairMinutes: 30, burstAccounts: 3, burstWindowMinutes: 60 },
  },
  {
    ruleId: 'fake-account/registration-burst',
    code: 'fake-account',
    severity: 'critical',
    description: 'A burst of registrations from one network (/24, /48) within minutes, corroborated by templated names, automation clients or size.',
    thresholds: { minAccounts: 5, windowMinutes: 30, minTemplated: 3, largeBurst: 10 },
  },
  {
    ruleId: 'fake-account/bot-client',
    code: 'fake-account',
    severity: 'high',
    description: 'Several accounts registered within a day by the same non-official client (a registration tool).',
    thresholds: { minAccounts: 3, windowMinutes: 1440 },
  },
  {
    ruleId: 'fake-account/templated-nicknames',
    code: 'fake-account',
    severity: 'high',
    description: 'Accounts from one network or device on one day with templated nicknames (shared prefix + sequential digits).',
    thresholds: { minTemplated: 4, maxDigitGap: 20 },
  },
  {
    ruleId: 'fake-account/brushed-followers',
    code: 'fake-account',
    severity: 'medium',
    description:
      "Bought followers: a step in the follower history that stays and stands out against the account's own day-to-day noise (robust z, from ≥ minHistoryDays daily changes), or a burst of follows within burstWindowMinutes. Not when attention explains it: a note posted within viralWindowDays before the surge with likes+collects ≥ viralMultiple × the account's median note and ≥ viralPerFollower × the followers gained (a creator's note going viral).",
    thresholds: { minJump: 100, minRobustZ: 5, minKept: 0.7, minHistoryDays: 7, burstFollows: 50, burstWindowMinutes: 60, burstShare: 0.5, viralWindowDays: 3, viralMultiple: 5, viralPerFollower: 1 },
  },
  // ---------------------------------------------------------------- homogeneous-content
  {
    ruleId: 'homogeneous-content/cross-account-duplicates',
    code: 'homogeneous-content',
    severity: 'high',
    description:
      "Near-duplicate notes (MinHash/LSH over normalised character shingles, verified by SimHash) posted by many accounts within a short period (near-duplicate: SimHash Hamming ≤ maxHamming and ≥ minSimilarity of 32 MinHash values, so that notes composed from the same stock sentences of a topic are not copies): several of the account's notes each near-duplicated by ≥ minNoteAccounts−1 others, ≥ minAccounts−1 other accounts in all (at least minNotes of them: one note shared by a farm's linked accounts is not bulk posting). Common phrasing is discounted: a note whose near-duplicates by accounts outside the window outnumber maxOutsideRatio × those inside it is text the population writes anyway, not a matrix's burst; and an LSH band shared by ≥ commonGroupAccounts accounts, fewer than commonBurstShare of them within any one window, is common phrasing for this rule and for repeated-reposts. Notes under minChars characters of substance (a CJK character counts one, a Latin letter or digit a third) do not count: a sentence or two is written alike by unrelated people by chance. Bulk: the near-duplicated notes are ≥ minShare of the account's own notes; a person who posts every day for months meets others' notes by chance a few times, a matrix account posts the copy. The population's clauses are discounted (channel note-phrases): a clause written by ≥ commonPhraseAccounts accounts, fewer than commonBurstShare of them within any one window, is common; a note counts only with ≥ minDistinctChars of substance beyond common clauses, or ≥ minCommonClauses common clauses reproduced (short notes made of stock sentences meet by chance, more often the larger the population).",
    thresholds: {
      minAccounts: 5,
      minNoteAccounts: 3,
      minNotes: 3,
      minChars: 30,
      minSimilarity: 0.45,
      maxHamming: 12,
      maxHammingReposts: 12,
      windowDays: 30,
      maxOutsideRatio: 0.5,
      commonGroupAccounts: 30,
      commonBurstShare: 0.5,
      minShare: 0.1,
      commonPhraseAccounts: 30,
      minDistinctChars: 20,
      minCommonClauses: 8,
    },
  },
  {
    ruleId: 'homogeneous-content/template-posting',
    code: 'homogeneous-content',
    severity: 'medium',
    description:
      "One account mass-posting near-identical template notes: ≥ minNotes notes, ≥ minShare of its own, joined by similarity ≥ similarity, whose pairs are alike at the median (≥ minCohesion: a person reusing a few of their own phrases chains into one family, a template's copies are alike pair by pair), ≥ minNotesInWindow of them within windowDays (mass-posting is many copies in a short time; a person returning to the same few phrases over years is not). AI-generated and partner-platform notes are left to their own rules. (2026.12-4: minCohesion 0.3 → 0.36; at 200k, 23 of the 24 ordinary accounts this rule limited were hobbyists returning to their hobby's stock sentences, median pair similarity 0.31–0.34, where the independent set's template posters are ≥ 0.47.)",
    thresholds: { minNotes: 10, minShare: 0.5, similarity: 0.42, minCohesion: 0.36, minNotesInWindow: 6, windowDays: 30 },
  },
  {
    ruleId: 'homogeneous-content/repeated-reposts',
    code: 'homogeneous-content',
    severity: 'medium',
    description:
      "Repeated reposting (搬运) by a personal account: several of the account's notes each a near-duplicate (SimHash Hamming ≤ maxHamming, ≤ maxHammingReposts when the copy carries a \"侵删/图源网络\" disclaimer) and sharing ≥ minSimilarity of 32 MinHash values (estimated Jaccard) with an earlier note, posted ≥ minLagHours and ≤ copyWindowDays before by a different account (copies of ≥ minChars characters of substance: a CJK character counts one, a Latin letter or digit a third, since an English word says about what one or two Chinese characters say; minChars ≤ 60); ≥ minCopies such notes taken from ≥ minSources accounts, making ≥ minShare of the account's notes (bulk); a copy and its original differ in length by less than minLengthRatio (a repost reproduces the note; sharing a few stock sentences with a longer note is not copying it). A note alike to notes of more than maxAlikeAccounts accounts is common phrasing, not a copy of one original; a copied note needs ≥ minDistinctChars of substance beyond the population's common clauses (see cross-account-duplicates), or ≥ minCommonClauses common clauses reproduced.",
    thresholds: {
      minCopies: 3,
      minSources: 2,
      minShare: 0.5,
      maxAlikeAccounts: 4,
      maxHamming: 12,
      maxHammingReposts: 16,
      minSimilarity: 0.5,
      minLagHours: 1,
      copyWindowDays: 120,
      minChars: 40,
      minLengthRatio: 0.75,
      minDistinctChars: 20,
      minCommonClauses: 8,
    },
  },
  {
    ruleId: 'homogeneous-content/republished-notes',
    code: 'homogeneous-content',
    severity: 'medium',
    description:
      'A personal account publishing the same notes again and again: ≥ minNotes different notes each published again (near-verbatim: estimated Jaccard ≥ similarity over 32 MinHash values) ≥ minGapHours after its first copy, together ≥ minShare of its notes of ≥ minChars characters of substance (a CJK character counts one, a Latin letter or digit a third). People do not post the same note again on another occasion; an account farming traffic with a small stock of notes, its own or copied, puts them up over and over. Short notes are left out (a sentence or two is repeated by chance), as are AI-generated and partner-platform notes. (2026.12-8: on the independent generator every account above the thresholds was a copier or template poster, none of 177k ordinary accounts at 200k; on ours none of 18k.)',
    thresholds: { minNotes: 3, minShare: 0.5, similarity: 0.8, minChars: 30, minGapHours: 12 },
  },
  // ---------------------------------------------------------------- engagement-bait
  {
    ruleId: 'engagement-bait/mutual-follow',
    code: 'engagement-bait',
    severity: 'medium',
    description: 'Mutual-follow / mutual-like schemes ("互关", "互粉", "有关必回").',
    thresholds: { minItems: 2 },
  },
  {
    ruleId: 'engagement-bait/bait-hook',
    code: 'engagement-bait',
    severity: 'medium',
    description: 'Manipulative hooks ("双击有惊喜", "评论区扣1接好运", "不转不是中国人").',
    thresholds: { minItems: 2 },
  },
  {
    ruleId: 'engagement-bait/sensational-title',
    code: 'engagement-bait',
    severity: 'low',
    description:
      'Sensational or bizarre titles used in bulk ("震惊！", "99%的人都不知道") over bodies that do not sell: a sensational title over a sales cue or a price is a misleading title used to sell (misleading-marketing).',
    thresholds: { minNotes: 3, minShare: 0.3 },
  },
  {
    ruleId: 'engagement-bait/self-promotion',
    code: 'engagement-bait',
    severity: 'low',
    description:
      'Self-promotion under other people\'s notes: ≥ minComments comments asking readers to follow, subscribe to or visit the commenter ("check out my channel", "sub4sub", "关注我", "来我主页"). Low severity: a warning, since one such comment is all most real spammers post. Not on a note where the commenter sat in a crew\'s act (a staged sitting, a praise burst, a crew run): there it is the act\'s line, water-army\'s evidence.',
    thresholds: { minComments: 1 },
  },
  // ---------------------------------------------------------------- undisclosed-promotion
  {
    ruleId: RULE_PAID_OFF_PLATFORM,
    code: 'undisclosed-promotion',
    severity: 'high',
    description: 'A note that declares a paid or gifted cooperation for a brand that was not placed through the partner platform (one finding per note).',
    thresholds: { maxFindings: 50 },
  },
  {
    ruleId: RULE_BRAND_UNAUTHORISED,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      "A brand account's unauthorised commercial promotion outside the partner platform: selling its own products (≥ minSellCues sales or hard-sell cues: its shop, a coupon, a price card), posing as a consumer while selling, or promoting another brand (one finding per note). For a brand each commercial note outside the partner platform is one; its brand stories and event recaps, which sell nothing, are not.",
    thresholds: { maxFindings: 50, minSellCues: 1 },
  },
  {
    ruleId: RULE_COVERT_AD,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      'An ordinary (personal) account posting a hard-sell ad (coupon codes, final prices, flash sales, product cards) outside the partner platform, the brand tagged or not (one finding per note).',
    thresholds: { minCues: 2, minCuesUntagged: 2, maxFindings: 50 },
  },
  {
    ruleId: RULE_COORDINATED_SEEDING,
    code: 'undisclosed-promotion',
    severity: 'high',
    description:
      "Ordinary-looking accounts posting commercial notes for one brand in a burst, outside the partner platform. The burst's posters must be ≥ minBurstShare of all the accounts that ever mentioned the brand: a popular brand's organic surges (a launch, a season) gather many honest self-paid reviewers within days, more the larger the population (chosen on the own 200k set, the largest share keeping its seeding recall; the independent 1M set had 1,360 honest reviewers limited without it).",
    thresholds: { minAccounts: 5, windowHours: 72, minCommercialShare: 0.6, burstRatio: 3, minBurstShare: 0.12 },
  },
  {
    ruleId: RULE_SEEDED_BRIEF,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      "A paid brief posted by ordinary accounts outside the partner platform: ≥ minAccounts accounts quoting one brand's product at the same price within windowDays, ≥ minRedirectShare of them sending readers to the comments for the link (honest reviewers quote what they paid and hand out no links; claims of being self-paid, 自费/无广, do not change it). Posters who leave the brand untagged are grouped by the final price alone, and only notes that quote it, send readers to the comments and claim to be self-paid count: the brief's three marks. Posters who tag the brand and bear the three marks join that price group too: one brief's posters split between tagging and not, and neither half alone need reach minAccounts. A note nearly identical (minhash similarity ≥ copySimilarity) to an earlier one by another account is a copy, not a poster's own write-up of the brief: copying is homogeneous-content's or fake-account's act, and the copier is not counted nor flagged (chosen on the independent 20k set, where posters' own write-ups of one brief stay under 0.8; copies at 200k reach 0.9).",
    thresholds: { minAccounts: 3, windowDays: 14, minRedirectShare: 0.5, copySimilarity: 0.85 },
  },
  {
    ruleId: RULE_CREW_SEEDED,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      'An ordinary (personal) account whose brand notes a hired crew works (water-army\'s crew runs, praise rings or staged "where to buy" sittings on the note), outside the partner platform: ≥ minNotes of its notes tagged with one brand worked by a crew, or ≥ minAnsweredNotes such notes where the author itself answers inside the act ("链接私你了", "看我主页"), playing its part. Crews also comment on popular creators\' notes for cover, which tag no brand and whose authors do not answer them: a single worked note that tags a brand is not enough without the author\'s answer. The author\'s own lines in the threads the crew works are this promotion\'s, not a second traffic-diversion code. Needs water-army enabled to see the acts.',
    thresholds: { minNotes: 2, minAnsweredNotes: 1 },
  },
  {
    ruleId: RULE_BRAND_CAMPAIGN,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      "A brand account whose brand is the subject of a coordinated seeding campaign (the `coordinated-seeding` burst: ordinary accounts' commercial notes outside the partner platform); one finding per campaign, charged as one promotion by the brand points ledger when the policy's brandPoints.attributeCampaigns is on.",
    thresholds: { maxFindings: 10 },
  },
  {
    ruleId: RULE_BRAND_POINTS,
    code: 'undisclosed-promotion',
    severity: 'medium',
    description:
      "The brand points ledger: each of a brand account's unauthorised commercial promotions costs points; the points left set the consequence (policy brandPoints). Added by the decision, not a detector.",
    thresholds: {},
  },
  // ---------------------------------------------------------------- misleading-marketing
  {
    ruleId: 'misleading-marketing/absolute-claim',
    code: 'misleading-marketing',
    severity: 'medium',
    description: 'Absolute claims forbidden in advertising (最好, 第一, No.1, 国家级, 100%…) in commercial notes.',
    thresholds: { minNotes: 1, personalMinNotes: 2 },
  },
  {
    ruleId: 'misleading-marketing/medical-claim',
    code: 'misleading-marketing',
    severity: 'high',
    description: 'Cure or efficacy claims (根治, 治愈, 药到病除, 无副作用, 永不反弹) in commercial notes.',
    thresholds: { minNotes: 1, personalMinNotes: 1 },
  },
  {
    ruleId: 'misleading-marketing/fabricated-experience',
    code: 'misleading-marketing',
    severity: 'medium',
    description: 'Dramatic before/after results ("7天瘦了20斤") repeated across commercial notes.',
    thresholds: { minNotes: 2, personalMinNotes: 2 },
  },
  {
    ruleId: 'misleading-marketing/misleading-title',
    code: 'misleading-marketing',
    severity: 'low',
    description: 'Titles borrowing an authority (state media, regulators, doctors) or promising something free while the body sells.',
    thresholds: { minNotes: 2, personalMinNotes: 2, minAuthorityNotes: 1 },
  },
  // ---------------------------------------------------------------- account-transformation
  {
    ruleId: 'account-transformation/purge-and-pivot',
    code: 'account-transformation',
    severity: 'high',
    description: 'A grown account deleted or hid most of its history, changed its profile, then turned to ads or diversion (with a rename: a sold account of any size).',
    thresholds: { minFollowers: 1000, minPurgedShare: 0.6, minPurged: 5, purgeWindowDays: 14, profileChangeWindowDays: 30, minPivotNotes: 1, renamedMinFollowers: 200, renamedMinPurged: 3 },
  },
  {
    ruleId: 'account-transformation/purge-and-rename',
    code: 'account-transformation',
    severity: 'medium',
    description: 'A grown account deleted or hid most of its history and changed its nickname (resale preparation).',
    thresholds: { minFollowers: 1000, minPurgedShare: 0.6, minPurged: 5, purgeWindowDays: 14, profileChangeWindowDays: 30 },
  },
  // ---------------------------------------------------------------- ai-hosted
  {
    ruleId: 'ai-hosted/fully-hosted',
    code: 'ai-hosted',
    severity: 'critical',
    description:
      'An account run by an AI hosting tool: registered through one, or nearly all activity automated (tool clients, machine cadence, round-the-clock, comments seconds after notes appear). A tool client is a third-party client named for AI hosting or automation (open-api, GPT, AI, 托管, 智能, agent, bot, auto-post…); one named for batches, many accounts or many phones runs a farm, which is fake-account and homogeneous-content evidence, not AI hosting.',
    thresholds: {
      minItems: 5,
      minAutomatedShare: 0.9,
      maxCadenceCv: 0.15,
      minQuietShare: 0.1,
      minCadenceItems: 10,
      freshCommentSeconds: 180,
      minFreshComments: 10,
      minFreshShare: 0.6,
      minFreshAuthors: 5,
    },
  },
  {
    ruleId: 'ai-hosted/occasional',
    code: 'ai-hosted',
    severity: 'low',
    description: 'Occasional AI hosting: some notes or comments posted by automation tools, or instant machine replies.',
    thresholds: { minItems: 2, instantReplySeconds: 5, minInstantReplies: 3 },
  },
  // ---------------------------------------------------------------- false-qualification
  {
    ruleId: 'false-qualification/shared-license',
    code: 'false-qualification',
    severity: 'high',
    description: 'One licence used by several unrelated professional accounts.',
    thresholds: { minAccounts: 2 },
  },
  {
    ruleId: 'false-qualification/inconsistent',
    code: 'false-qualification',
    severity: 'medium',
    description:
      'A qualification inconsistent with the account: verified before the account existed or after the snapshot, on a personal account, or an individual-business licence for a medical service.',
    thresholds: { toleranceHours: 24 },
  },
  {
    ruleId: 'false-qualification/invalid-license',
    code: 'false-qualification',
    severity: 'high',
    description: 'A licence number shaped like a unified social credit code that fails its character set, length or mod-31 check character: forged.',
    thresholds: {},
  },
];

export const RULES: RuleSpec[] = SPECS.map((spec) => {
  const evidence = RULE_EVIDENCE[spec.ruleId];
  if (!evidence) throw new Error(`rule ${spec.ruleId} has no evidence basis in ruleEvidence.ts`);
  return { ...spec, ...evidence };
});

export const RULE_BY_ID: ReadonlyMap<string, RuleSpec> = new Map(RULES.map((r) => [r.ruleId, r]));
