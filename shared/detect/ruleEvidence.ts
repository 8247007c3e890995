/**
 * What kind of evidence each rule rests on, and whether it is strong on its own.
 *
 * A rule's `basis` names what it looks at; two findings on different bases are independent
 * (a shared device and a diverting comment), two on one basis are not (two phrases in the same
 * note). `strong` rules already require corroborated behaviour inside the rule (a cluster of
 * accounts on one device and a registration burst, the same contact published by several
 * accounts, a hosting tool posting every note): they may suspend or ban alone. Every other
 * rule is `supporting`: alone it warns or limits; it suspends only beside a finding on another
 * basis (shared/policy/evidenceSufficiency.ts). The policy may override a rule's strength.
 */
export const EVIDENCE_BASES = ['content', 'profile', 'registration', 'graph', 'coordination', 'automation', 'history', 'qualification', 'ledger'] as const;
export type EvidenceBasis = (typeof EVIDENCE_BASES)[number];
export type EvidenceStrength = 'strong' | 'supporting';

export const RULE_EVIDENCE: Readonly<Record<string, { basis: EvidenceBasis; strength: EvidenceStrength }>> = {
  'traffic-diversion/contact-in-text': { basis: 'content', strength: 'supporting' },
  'traffic-diversion/contact-in-profile': { basis: 'profile', strength: 'supporting' },
  'traffic-diversion/solicitation': { basis: 'content', strength: 'supporting' },
  'traffic-diversion/private-deal': { basis: 'content', strength: 'supporting' },
  'traffic-diversion/private-answer': { basis: 'content', strength: 'supporting' },
  'traffic-diversion/shared-contact': { basis: 'coordination', strength: 'strong' },
  'water-army/praise-ring': { basis: 'coordination', strength: 'strong' },
  'water-army/scripted-qa': { basis: 'coordination', strength: 'supporting' },
  'water-army/ring-core': { basis: 'coordination', strength: 'strong' },
  'water-army/ring-associate': { basis: 'coordination', strength: 'supporting' },
  'water-army/recurring-crew': { basis: 'coordination', strength: 'supporting' },
  'water-army/crew-associate': { basis: 'coordination', strength: 'supporting' },
  // the client is recorded by the platform, not written by the account, but a tool name alone is one cue
  'water-army/group-control': { basis: 'automation', strength: 'supporting' },
  'fake-account/device-farm': { basis: 'registration', strength: 'strong' },
  'fake-account/registration-burst': { basis: 'registration', strength: 'strong' },
  'fake-account/bot-client': { basis: 'registration', strength: 'supporting' },
  'fake-account/templated-nicknames': { basis: 'profile', strength: 'supporting' },
  'fake-account/brushed-followers': { basis: 'graph', strength: 'supporting' },
  // read from the same near-duplicate matches as reposts and templates: no independent corroboration of them
  'homogeneous-content/cross-account-duplicates': { basis: 'content', strength: 'supporting' },
  'homogeneous-content/template-posting': { basis: 'content', strength: 'supporting' },
  'homogeneous-content/repeated-reposts': { basis: 'content', strength: 'supporting' },
  'homogeneous-content/republished-notes': { basis: 'content', strength: 'supporting' },
  'engagement-bait/mutual-follow': { basis: 'graph', strength: 'supporting' },
  'engagement-bait/self-promotion': { basis: 'content', strength: 'supporting' },
  'engagement-bait/bait-hook': { basis: 'content', strength: 'supporting' },
  'engagement-bait/sensational-title': { basis: 'content', strength: 'supporting' },
  'undisclosed-promotion/paid-off-platform': { basis: 'content', strength: 'supporting' },
  'undisclosed-promotion/brand-unauthorised': { basis: 'content', strength: 'supporting' },
  'undisclosed-promotion/covert-ad': { basis: 'content', strength: 'supporting' },
  'undisclosed-promotion/coordinated-seeding': { basis: 'coordination', strength: 'supporting' },
  'undisclosed-promotion/seeded-brief': { basis: 'coordination', strength: 'supporting' },
  'undisclosed-promotion/brand-campaign': { basis: 'coordination', strength: 'supporting' },
  'undisclosed-promotion/crew-seeded': { basis: 'coordination', strength: 'supporting' },
  // the brand points ledger is the seeds' own rule for brands: its consequence is set by the points left
  'undisclosed-promotion/brand-points': { basis: 'ledger', strength: 'strong' },
  'misleading-marketing/absolute-claim': { basis: 'content', strength: 'supporting' },
  'misleading-marketing/medical-claim': { basis: 'content', strength: 'supporting' },
  'misleading-marketing/fabricated-experience': { basis: 'content', strength: 'supporting' },
  'misleading-marketing/misleading-title': { basis: 'content', strength: 'supporting' },
  'account-transformation/purge-and-pivot': { basis: 'history', strength: 'supporting' },
  'account-transformation/purge-and-rename': { basis: 'history', strength: 'supporting' },
  'ai-hosted/fully-hosted': { basis: 'automation', strength: 'strong' },
  'ai-hosted/occasional': { basis: 'automation', strength: 'supporting' },
  // who owns a shared licence cannot be read from the snapshot (a thief may verify first): the owner must not be
  // suspended with the reusers on this alone; another basis (misleading claims, a farm) makes it corroborated
  'false-qualification/shared-license': { basis: 'qualification', strength: 'supporting' },
  'false-qualification/inconsistent': { basis: 'qualification', strength: 'supporting' },
  'false-qualification/invalid-license': { basis: 'qualification', strength: 'strong' },
};
