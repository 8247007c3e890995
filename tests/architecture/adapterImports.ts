/**
 * The rule that keeps decisions out of the adapters: a file under shared/adapters/ turns plans
 * into writes, so the only behaviour it may import from the rest of shared/ is the ports and the
 * plan functions. Notice composers, ledger entry builders, hash chaining, the penalty and brand
 * points rules and the deciders are reachable only through a plan. Type-only imports are free
 * (they carry no behaviour). Separately, no domain file (shared/ outside adapters) imports an AWS SDK.
 */
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Module (as a `#shared/…` specifier) → the value bindings an adapter may import from it ('*': any). */
export const ADAPTER_MAY_IMPORT: Record<string, '*' | readonly string[]> = {
  '#shared/ports/*': '*',
  '#shared/pipeline/runLimited': '*',
  '#shared/enforcement/planApply': ['planApply'],
  '#shared/enforcement/planLift': ['planLift'],
  '#shared/enforcement/planContentEnforcement': ['laterContentBatches', 'planContentBatch', 'planContentRestore'],
  '#shared/audit/planReversal': ['planReversal'],
  '#shared/audit/planAppealDecision': ['planAppealSubmit', 'planAppealClosingWrite'],
  // Which lift a penalty state carries (the lift index's keys, the lift views): a reading of the state, no decision.
  '#shared/enforcement/pendingLift': ['pendingLiftOf', 'liftViews'],
  // Anchoring a plan's already-built entries before its transaction: write mechanics every store shares, no decision.
  '#shared/audit/ledgerAnchor': ['anchoredWrite', 'LedgerAnchorer'],
};

/** Why the usual suspects are refused, for a readable failure. */
const WHY: Array<[RegExp, string]> = [
  [/^#shared\/notify\//, 'composes notices'],
  [/^#shared\/policy\//, 'decides outcomes'],
  [/^#shared\/brand\//, 'decides brand points'],
  [/^#shared\/audit\/(restorePenalty|hashChain)$/, 'decides penalties / links ledger entries'],
  [/^#shared\/enforcement\/(ledgerEntry|planEnforcement)$/, 'builds ledger entries'],
  [/^#shared\/audit\/planAppealDecision$/, 'builds appeal ledger entries (only its plan* functions are for adapters)'],
];

export interface ImportFinding {
  file: string;
  module: string;
  names: string[];
  reason: string;
}

export interface ImportSite {
  spec: string;
  /** Value bindings imported; ['*'] for namespace, side-effect and dynamic imports. */
  names: string[];
}

/**
 * Every import, re-export and dynamic import in `text`. Type-only ones are skipped unless
 * `withTypes` (a layer rule counts them: a type still ties one folder to another).
 */
export function importSites(fileName: string, text: string, withTypes = false): ImportSite[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const out: ImportSite[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      if (!c) out.push({ spec: node.moduleSpecifier.text, names: ['*'] });
      else if (withTypes && c.isTypeOnly) out.push({ spec: node.moduleSpecifier.text, names: ['type'] });
      else if (!c.isTypeOnly) {
        const names: string[] = [];
        if (c.name) names.push('default');
        const b = c.namedBindings;
        if (b && ts.isNamespaceImport(b)) names.push('*');
        if (b && ts.isNamedImports(b)) for (const el of b.elements) if (!el.isTypeOnly || withTypes) names.push((el.propertyName ?? el.name).text);
        if (names.length) out.push({ spec: node.moduleSpecifier.text, names });
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && (withTypes || !node.isTypeOnly)) {
      const names =
        node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements.filter((e) => withTypes || !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ['*'];
      if (names.length) out.push({ spec: node.moduleSpecifier.text, names });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      out.push({ spec: node.arguments[0].text, names: ['*'] });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** `spec` as written in `file` (path relative to the project root), as a `#shared/…` module; undefined outside shared/. */
export function sharedModule(file: string, spec: string): string | undefined {
  if (spec.startsWith('#shared/')) return spec.replace(/\.ts$/, '');
  if (!spec.startsWith('.')) return undefined;
  const rel = relative(resolve('/'), resolve('/', dirname(file), spec)).replace(/\\/g, '/');
  return rel.startsWith('shared/') ? `#${rel.replace(/\.ts$/, '')}` : undefined;
}

function allowed(module: string): '*' | readonly string[] {
  if (module.startsWith('#shared/adapters/')) return '*';
  for (const [pattern, names] of Object.entries(ADAPTER_MAY_IMPORT)) {
    if (pattern.endsWith('/*') ? module.startsWith(pattern.slice(0, -1)) : module === pattern) return names;
  }
  return [];
}

/** What `file` (relative to the project root, under shared/adapters/) imports that the rule refuses. */
export function adapterImportViolations(file: string, text: string): ImportFinding[] {
  const out: ImportFinding[] = [];
  for (const site of importSites(file, text)) {
    const module = sharedModule(file, site.spec);
    if (!module) continue;
    const ok = allowed(module);
    const refused = ok === '*' ? [] : site.names.filter((n) => !ok.includes(n));
    if (refused.length === 0) continue;
    const why = WHY.find(([re]) => re.test(module))?.[1] ?? 'not a port or a plan';
    out.push({ file, module, names: refused, reason: why });
  }
  return out;
}

/** Domain files (shared/ outside adapters) importing an AWS SDK. */
export function domainSdkImports(file: string, text: string): ImportFinding[] {
  return importSites(file, text)
    .filter((s) => /^@aws-sdk\/|^aws-sdk$|^aws-cdk-lib/.test(s.spec))
    .map((s) => ({ file, module: s.spec, names: s.names, reason: 'the domain never imports an AWS SDK' }));
}
