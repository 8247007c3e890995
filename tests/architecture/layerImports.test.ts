/** Brand points behind one seam: no import runs from detect to brand, from policy to a detector, or from the ledger back up. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerImportViolations } from './layerImports.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('layer imports', () => {
  it('shared/detect never imports shared/brand, shared/policy never a detector, shared/brand neither policy nor enforcement', () => {
    const files = ['shared/detect', 'shared/policy', 'shared/brand'].flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => layerImportViolations(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('the rule catches what it is for: value, type-only, relative, re-exported and dynamic imports', () => {
    const detector = layerImportViolations(
      'shared/detect/detectors/example.ts',
      [
        "import { campaignKey } from '#shared/brand/brandPoints';",
        "import type { BrandDeduction } from '../../brand/brandPoints.ts';",
        "export { RULE_BRAND_POINTS } from '#shared/brand/brandPoints';",
        "const m = await import('#shared/brand/brandPointsView');",
      ].join('\n'),
    );
    expect(detector.map((f) => [f.module, f.names])).toEqual([
      ['#shared/brand/brandPoints', ['campaignKey']],
      ['#shared/brand/brandPoints', ['type']],
      ['#shared/brand/brandPoints', ['RULE_BRAND_POINTS']],
      ['#shared/brand/brandPointsView', ['*']],
    ]);
    const policy = layerImportViolations(
      'shared/policy/decideAction.ts',
      ["import { RULE_BRAND } from '#shared/detect/detectors/undisclosedPromotion';", "import type { RingVerdict } from '../detect/detectors/waterArmy/index.ts';"].join('\n'),
    );
    expect(policy.map((f) => [f.module, f.reason])).toEqual([
      ['#shared/detect/detectors/undisclosedPromotion', 'policy never imports a detector: rule ids come from the rule catalogue'],
      ['#shared/detect/detectors/waterArmy/index', 'policy never imports a detector: rule ids come from the rule catalogue'],
    ]);
    const brand = layerImportViolations(
      'shared/brand/brandPoints.ts',
      [
        "import type { LadderStep } from '#shared/policy/policySchema';",
        "import type { PenaltyState } from '#shared/enforcement/ledgerEntry';",
        "import { RULE_CAMPAIGN } from '#shared/detect/detectors/undisclosedPromotion';",
      ].join('\n'),
    );
    expect(brand.map((f) => f.module)).toEqual(['#shared/policy/policySchema', '#shared/enforcement/ledgerEntry', '#shared/detect/detectors/undisclosedPromotion']);
  });

  it('the rule catalogue, findings and the ledger stay reachable', () => {
    const text = [
      "import { BRAND_PROMOTION_RULES, RULE_BRAND_POINTS } from '#shared/detect/ruleCatalog';",
      "import type { Finding } from '#shared/detect/finding';",
      "import { assessBrandPoints } from '#shared/brand/brandPoints';",
      "import { normalizeText } from '../detect/text/normalizeText.ts';",
    ].join('\n');
    expect(layerImportViolations('shared/policy/consequences.ts', text)).toEqual([]);
    expect(layerImportViolations('shared/brand/brandPoints.ts', text.split('\n')[0])).toEqual([]);
    // Only shared/detect is barred from brand: deciding and enforcing use the ledger.
    expect(layerImportViolations('shared/enforcement/planApply.ts', "import { mergeDeductions } from '#shared/brand/brandPoints';")).toEqual([]);
  });
});
