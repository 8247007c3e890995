/** Which of an account's own notes and comments are removed or limited, from the findings its decision acted on. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/detect/finding';
import { decideContentActions, emptyContentTally, tallyContent } from '#shared/enforcement/decideContentActions';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { parsePolicy } from '#shared/policy/loadPolicy';

const policy = defaultPolicy();
const finding = (code: Finding['code'], ruleId: string, evidence: Finding['evidence']): Finding => ({ accountId: 'a1', code, ruleId, severity: 'high', score: 0.9, evidence });
const own = { noteIds: new Set(['n1', 'n2']), commentIds: new Set(['c1', 'c2', 'c3']) };

describe('decideContentActions', () => {
  it("a warned ring member's own ring comments are removed; the note it commented under (someone else's) is not touched", () => {
    const ring = finding('water-army', 'water-army/ring-associate', { summary: 's', noteIds: ['brand-note'], commentIds: ['c2', 'c1', 'someone-elses'] });
    expect(decideContentActions({ action: 'warn', findings: [ring] }, own, policy)).toEqual([
      { kind: 'comment', itemId: 'c1', action: 'remove', codes: ['water-army'], ruleIds: ['water-army/ring-associate'] },
      { kind: 'comment', itemId: 'c2', action: 'remove', codes: ['water-army'], ruleIds: ['water-army/ring-associate'] },
    ]);
  });

  it("misleading claims are limited, and a banned account's notes removed; an item named by two codes keeps both and the stronger action", () => {
    const claims = finding('misleading-marketing', 'misleading-marketing/absolute-claim', { summary: 's', noteIds: ['n1'] });
    expect(decideContentActions({ action: 'limit', findings: [claims] }, own, policy)).toEqual([
      { kind: 'note', itemId: 'n1', action: 'limit', codes: ['misleading-marketing'], ruleIds: ['misleading-marketing/absolute-claim'] },
    ]);
    expect(decideContentActions({ action: 'ban', findings: [claims] }, own, policy)[0].action).toBe('remove');
    const diversion = finding('traffic-diversion', 'traffic-diversion/contact-in-text', { summary: 's', noteIds: ['n1'] });
    expect(decideContentActions({ action: 'limit', findings: [claims, diversion] }, own, policy)).toEqual([
      { kind: 'note', itemId: 'n1', action: 'remove', codes: ['misleading-marketing', 'traffic-diversion'], ruleIds: ['misleading-marketing/absolute-claim', 'traffic-diversion/contact-in-text'] },
    ]);
  });

  it('nothing without an account action, a deleted note (not in own), a code the table leaves out, or no table at all', () => {
    const ring = finding('water-army', 'water-army/praise-ring', { summary: 's', commentIds: ['c1'] });
    expect(decideContentActions({ action: 'none', findings: [ring] }, own, policy)).toEqual([]);
    expect(decideContentActions({ action: 'warn', findings: [finding('misleading-marketing', 'r', { summary: 's', noteIds: ['gone'] })] }, own, policy)).toEqual([]);
    expect(decideContentActions({ action: 'warn', findings: [finding('fake-account', 'r', { summary: 's', noteIds: ['n1'] })] }, own, policy)).toEqual([]);
    expect(decideContentActions({ action: 'warn', findings: [ring] }, own, { contentActions: undefined })).toEqual([]);
  });

  it('capped per account, the same items whatever the order of the findings', () => {
    const capped = parsePolicy({ ...policy, contentActions: { ...policy.contentActions, maxItemsPerAccount: 2 } });
    const a = finding('water-army', 'water-army/praise-ring', { summary: 's', commentIds: ['c3', 'c1'] });
    const b = finding('traffic-diversion', 'traffic-diversion/contact-in-text', { summary: 's', commentIds: ['c2'], noteIds: ['n2'] });
    const one = decideContentActions({ action: 'warn', findings: [a, b] }, own, capped);
    expect(one.map((c) => `${c.kind}:${c.itemId}`)).toEqual(['note:n2', 'comment:c1']);
    expect(decideContentActions({ action: 'warn', findings: [b, a] }, own, capped)).toEqual(one);
  });

  it('counts once in the total and under each code', () => {
    const t = emptyContentTally();
    tallyContent(t, { kind: 'note', action: 'remove', codes: ['misleading-marketing', 'traffic-diversion'] });
    tallyContent(t, { kind: 'comment', action: 'limit', codes: ['water-army'] });
    expect(t.total).toEqual({ notesRemoved: 1, notesLimited: 0, commentsRemoved: 0, commentsLimited: 1 });
    expect(t.byCode['traffic-diversion'].notesRemoved).toBe(1);
    expect(t.byCode['misleading-marketing'].notesRemoved).toBe(1);
  });

  it('the policy schema refuses an unknown content action or code, naming the field', () => {
    expect(() => parsePolicy({ ...policy, contentActions: { codes: { 'water-army': { comments: 'delete' } } } })).toThrow(/contentActions\.codes\.water-army\.comments/);
    expect(() => parsePolicy({ ...policy, contentActions: { codes: { spam: { notes: 'remove' } } } })).toThrow(/contentActions\.codes/);
    expect(() => parsePolicy({ ...policy, contentActions: { itemsPerWrite: 90 } })).toThrow(/contentActions\.itemsPerWrite/);
  });
});
