/**
 * The brand points seam, as import rules between folders of shared/: detection finds and names its
 * rules in the rule catalogue, the brand points ledger only counts, and deciding (shared/policy)
 * chooses the consequence. So detect never imports brand (the campaign key and the rule ids are the
 * catalogue's), policy reads rule ids from the catalogue and never a detector module, and the
 * ledger depends on neither deciding nor enforcing. Type-only imports count too: a type still ties
 * one folder to the other. Reuses the adapter rule's import reader (adapterImports.ts).
 */
import { importSites, sharedModule, type ImportFinding } from './adapterImports.ts';

export interface LayerRule {
  /** Files under this folder (relative to the project root)… */
  from: string;
  /** …never import a module under this one (a `#shared/…` prefix). */
  to: string;
  reason: string;
}

export const LAYER_RULES: readonly LayerRule[] = [
  { from: 'shared/detect/', to: '#shared/brand/', reason: 'detect never imports brand: rule ids and the campaign key live in the rule catalogue' },
  { from: 'shared/policy/', to: '#shared/detect/detectors/', reason: 'policy never imports a detector: rule ids come from the rule catalogue' },
  { from: 'shared/brand/', to: '#shared/policy/', reason: 'the brand points ledger only counts: deciding (shared/policy) imports it, not the other way' },
  { from: 'shared/brand/', to: '#shared/enforcement/', reason: 'the brand points ledger only counts: enforcement imports it, not the other way' },
  { from: 'shared/brand/', to: '#shared/detect/detectors/', reason: 'the brand points ledger reads rule ids from the rule catalogue, never a detector' },
];

/** What `file` (relative to the project root) imports across a layer rule. */
export function layerImportViolations(file: string, text: string, rules: readonly LayerRule[] = LAYER_RULES): ImportFinding[] {
  const path = file.replace(/\\/g, '/');
  const applying = rules.filter((r) => path.startsWith(r.from));
  if (applying.length === 0) return [];
  const out: ImportFinding[] = [];
  for (const site of importSites(path, text, true)) {
    const module = sharedModule(path, site.spec);
    const broken = module && applying.find((r) => `${module}/`.startsWith(r.to));
    if (broken) out.push({ file: path, module: module!, names: site.names, reason: broken.reason });
  }
  return out;
}
