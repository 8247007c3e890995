import { describe, expect, it } from 'vitest';
import { importCycles } from '#scripts/dev/importCycles';

describe('import cycles', () => {
  // cohort.ts once imported the hard-negative tags from hardNegatives.ts, closing a cycle of seven files.
  it.each(['scripts/generate', 'scripts/local'])('%s has none', (folder) => {
    expect(importCycles(folder)).toEqual([]);
  });
});
