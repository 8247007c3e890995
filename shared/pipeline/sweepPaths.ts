/** Where each stage keeps its outputs in the sweep bucket (see docs/architecture.md). */
const pad = (n: number, width = 5) => String(n).padStart(width, '0');

export const sweepPaths = (sweepId: string) => {
  const root = `sweeps/${sweepId}/`;
  return {
    root,
    plan: `${root}plan.json`,
    policy: `${root}policy.json`,
    /** A Distributed Map's items, one JSON array per list (mapItems.ts), read by the map's ItemReader. */
    mapItems: (list: string) => `${root}map-items/${list}.json`,
    accountShuffle: (bucket: number) => `${root}shuffle/account/${pad(bucket)}/`,
    accountShuffleObject: (bucket: number, kind: string, part: number, seq: number) => `${root}shuffle/account/${pad(bucket)}/${kind}-${pad(part)}-${pad(seq)}.jsonl`,
    channelShuffle: (channel: string, bucket: number) => `${root}shuffle/${channel}/${pad(bucket)}/`,
    channelShuffleObject: (channel: string, bucket: number, kind: string, part: number, seq: number) => `${root}shuffle/${channel}/${pad(bucket)}/${kind}-${pad(part)}-${pad(seq)}.jsonl`,
    signals: (accountBucket: number) => `${root}signals/${pad(accountBucket)}/`,
    signalsObject: (accountBucket: number, channel: string, channelBucket: number) => `${root}signals/${pad(accountBucket)}/${channel}-${pad(channelBucket)}.jsonl`,
    /** Keys a tally channel found common across the population, one object per channel bucket (read by resolve). */
    common: `${root}common/`,
    commonObject: (channel: string, bucket: number) => `${root}common/${channel}-${pad(bucket)}.txt`,
    decisions: `${root}decisions/`,
    decisionsObject: (accountBucket: number) => `${root}decisions/${pad(accountBucket)}.jsonl`,
    /** A bucket's decisions digested for the sweep-wide Tasks: counts, guard tally, auto-sample candidates (decisionDigest.ts). */
    digestObject: (accountBucket: number) => `${root}digests/${pad(accountBucket)}.json`,
    quarantineObject: (kind: string, part: number) => `${root}quarantine/${kind}-${pad(part)}.jsonl`,
    quarantine: `${root}quarantine/`,
    /** Records of accounts not in the snapshot, found by resolve in one account bucket. */
    orphanQuarantineObject: (accountBucket: number) => `${root}quarantine/orphans-${pad(accountBucket)}.jsonl`,
    stats: (stage: string) => `${root}stats/${stage}/`,
    statsObject: (stage: string, item: string) => `${root}stats/${stage}/${item}.json`,
    sample: `${root}review/sample.json`,
    /** DrawSample's draw, opened (human) or accepted (auto) by SampleForReview. */
    reviewDraw: `${root}review/draw.json`,
    /** A human review's sampled accounts in one account bucket, whose evidence that bucket's gathering writes (gatherEvidence.ts). */
    sampledAccounts: (accountBucket: number) => `${root}review/gather/sampled/${pad(accountBucket)}.json`,
    /** The related accounts one bucket's sampled accounts show, as that bucket's gathering found them. */
    relatedWantsFrom: (accountBucket: number) => `${root}review/gather/wants-from/${pad(accountBucket)}.json`,
    /** The same, regrouped by the bucket holding each related account's records. */
    relatedWantsIn: (accountBucket: number) => `${root}review/gather/wants-in/${pad(accountBucket)}.json`,
    /** The blast-radius guard's verdict (shared/review/blastRadiusGuard.ts). */
    guard: `${root}review/guard.json`,
    summary: `${root}summary.json`,
  };
};

/** Immutable copy of each policy version ever used, for audit and replay. */
export const policyPath = (version: string) => `policies/${version}.json`;
