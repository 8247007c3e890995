/** thresholdsOf keeps each policy's merged thresholds (issue 17); the values must be the merge's, per policy. */
import { describe, expect, it } from 'vitest';
import type { DetectContext } from '#shared/detect/detectorPorts';
import { thresholdsOf } from '#shared/detect/detectors/common';
import { RULE_BY_ID } from '#shared/detect/ruleCatalog';

const contextWith = (byRule: Record<string, Record<string, number>>) => ({ thresholds: (ruleId: string) => byRule[ruleId] ?? {} }) as unknown as DetectContext;

describe('thresholdsOf', () => {
  const [ruleId, spec] = [...RULE_BY_ID.entries()].find(([, s]) => Object.keys(s.thresholds).length >= 2)!;
  const [first, second] = Object.keys(spec.thresholds);

  it("gives the policy's values over the catalog's, the same on every call, and each policy its own", () => {
    const a = contextWith({ [ruleId]: { [first]: 12345 } });
    const b = contextWith({ [ruleId]: { [first]: 777, [second]: 3 } });
    for (let n = 0; n < 3; n++) {
      expect(thresholdsOf(a, ruleId)).toEqual({ ...spec.thresholds, [first]: 12345 });
      expect(thresholdsOf(b, ruleId)).toEqual({ ...spec.thresholds, [first]: 777, [second]: 3 });
    }
    expect(thresholdsOf(contextWith({}), ruleId)).toEqual(spec.thresholds);
  });

  it('keeps the merge of one policy object apart per rule', () => {
    const shared = { [first]: 1 };
    const other = [...RULE_BY_ID.entries()].find(([id]) => id !== ruleId)!;
    const ctx = contextWith({ [ruleId]: shared, [other[0]]: shared });
    expect(thresholdsOf(ctx, ruleId)).toEqual({ ...spec.thresholds, [first]: 1 });
    expect(thresholdsOf(ctx, other[0])).toEqual({ ...other[1].thresholds, [first]: 1 });
  });
});
