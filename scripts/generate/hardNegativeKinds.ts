/**
 * The hard-negative tags, on their own so that cohort.ts (which every shaper imports) can name
 * them without importing the shapers back: that import closed a cycle of seven files.
 */
export const HARD_NEGATIVES = [
  'generic-praise',
  'family-shared-device',
  'shared-campus-network',
  'partner-sponsored-brand',
  'partner-sponsored-creator',
  'timer-creator',
  'renamed-once',
  'deleted-a-few-notes',
  'payment-mention',
  'phone-like-numbers',
  'declared-aigc',
  'honest-superlative',
  'night-owl',
  'default-nickname',
  'license-original-holder',
] as const;
export type HardNegative = (typeof HARD_NEGATIVES)[number];
