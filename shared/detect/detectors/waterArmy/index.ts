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
 *
 * Recurring crews: a lockstep run of ≥ 5 accounts on a note, whatever the words (crewRuns), is
 * nothing alone; the same ≥ 4 accounts together on ≥ 3 notes, selling or asking where to buy,
 * is a crew (recurringCrew: supporting evidence, a warning or limit alone).
 * Its members seen on too few notes to be a crew alone are found beside it (crewAssociate, told by ExpandRings).
 *
 * One module per mechanism: commentRow (the channel's row and fingerprint), praiseBursts,
 * scriptedQa, crewRuns, recurringCrew, instantReplies (ai-hosted), ringVerdicts (repetition), ringAssociate (expansion),
 * detector (the AccountDetector), noteCommentsChannel (the per-note grouping), crewActNotes (an account's partners in a
 * crew's act, per note), crewHost (the act's host: the note's author).
 */
export { commentFingerprint } from './commentRow.ts';
export { waterArmyDetector } from './detector.ts';
export { noteCommentsChannel } from './noteCommentsChannel.ts';
export { recurringCrewFinding } from './recurringCrew.ts';
export { ringVerdicts, type RingStats, type RingVerdict } from './ringVerdicts.ts';
export { CHANNEL_NOTE_COMMENTS, CHANNEL_RING_CONFIRMED, RULE_AI_INSTANT, RULE_ASSOCIATE, RULE_CORE, RULE_CREW, RULE_CREW_ASSOCIATE, RULE_PRAISE, RULE_QA } from './rules.ts';
