/** CONTRACT §2: the ten violation codes, fixed. */
export const VIOLATION_CODES = [
  'fake-account',
  'homogeneous-content',
  'engagement-bait',
  'traffic-diversion',
  'water-army',
  'undisclosed-promotion',
  'misleading-marketing',
  'account-transformation',
  'ai-hosted',
  'false-qualification',
] as const;

export type ViolationCode = (typeof VIOLATION_CODES)[number];

export function isViolationCode(value: string): value is ViolationCode {
  return (VIOLATION_CODES as readonly string[]).includes(value);
}

/** Parses a comma list such as `traffic-diversion,water-army`, naming any unknown code. */
export function parseCodeList(list: string): ViolationCode[] {
  const codes = list
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = codes.filter((c) => !isViolationCode(c));
  if (unknown.length > 0) {
    throw new Error(`unknown violation code(s): ${unknown.join(', ')}; known codes are ${VIOLATION_CODES.join(', ')}`);
  }
  return codes as ViolationCode[];
}
