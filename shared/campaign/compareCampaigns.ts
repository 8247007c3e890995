/**
 * Two campaigns side by side (a shadow campaign against an enforcing one, typically a new policy version
 * against the running one): the accounts both acted on, those only one did, overall and per violation code.
 * Each side is its accounts and their codes: an enforcing campaign's counted enforce entries, a shadow
 * campaign's would-have entries. Pure.
 */
export interface CampaignSide {
  campaignId: string;
  mode: 'enforce' | 'shadow';
  accounts: Map<string, Set<string>>;
}

export interface Overlap {
  both: number;
  onlyA: number;
  onlyB: number;
}

export interface CampaignComparison {
  a: { campaignId: string; mode: string; accounts: number };
  b: { campaignId: string; mode: string; accounts: number };
  accounts: Overlap;
  /** Per code: accounts both acted on for that code, and those only one did (for that code). */
  byCode: Record<string, Overlap>;
  /** Up to `examples` account ids of each side's own accounts, sorted, for a reviewer to open. */
  examples: { onlyA: string[]; onlyB: string[] };
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): Overlap {
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return { both, onlyA: a.size - both, onlyB: b.size - both };
}

export function compareCampaigns(a: CampaignSide, b: CampaignSide, examples = 10): CampaignComparison {
  const codes = new Set<string>();
  const perCode = (side: CampaignSide, code: string) => new Set([...side.accounts].filter(([, cs]) => cs.has(code)).map(([id]) => id));
  for (const side of [a, b]) for (const cs of side.accounts.values()) for (const c of cs) codes.add(c);
  const byCode: Record<string, Overlap> = {};
  for (const c of [...codes].sort()) byCode[c] = overlap(perCode(a, c), perCode(b, c));
  const ka = new Set(a.accounts.keys());
  const kb = new Set(b.accounts.keys());
  return {
    a: { campaignId: a.campaignId, mode: a.mode, accounts: ka.size },
    b: { campaignId: b.campaignId, mode: b.mode, accounts: kb.size },
    accounts: overlap(ka, kb),
    byCode,
    examples: {
      onlyA: [...ka]
        .filter((x) => !kb.has(x))
        .sort()
        .slice(0, examples),
      onlyB: [...kb]
        .filter((x) => !ka.has(x))
        .sort()
        .slice(0, examples),
    },
  };
}
