/** The water-army code, its channels and rule ids (the rule catalogue holds their thresholds). */
export const CODE = 'water-army' as const;
export const CHANNEL_NOTE_COMMENTS = 'note-comments';
export const RULE_PRAISE = 'water-army/praise-ring';
export const RULE_QA = 'water-army/scripted-qa';
export const RULE_CORE = 'water-army/ring-core';
export const RULE_ASSOCIATE = 'water-army/ring-associate';
export const RULE_CREW = 'water-army/recurring-crew';
export const RULE_CREW_ASSOCIATE = 'water-army/crew-associate';
export const RULE_GROUP_CONTROL = 'water-army/group-control';
/** The note author's side of a crew's act on its note: a signal only, never a finding (crewHost.ts). */
export const RULE_CREW_HOST = 'water-army/crew-host';
/** Signals the ExpandRings stage files for the co-members of confirmed ring members (waterArmyExpansion.ts). */
export const CHANNEL_RING_CONFIRMED = 'ring-confirmed';
/** ai-hosted's instant replies are measured on this channel too (instantReplies.ts). */
export const RULE_AI_INSTANT = 'ai-hosted/occasional';
