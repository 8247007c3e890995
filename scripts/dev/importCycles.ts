/**
 * Import cycles among the TypeScript files of one folder (type-only imports included, as madge
 * counts them): each strongly connected component of two or more files. A cycle is a sign that
 * a shared type or helper lives in the wrong file; the test in tests/generate keeps the generator free of them.
 *
 *   node --import tsx scripts/dev/importCycles.ts scripts/generate
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALIASES: Record<string, string> = { '#shared/': 'shared/', '#scripts/': 'scripts/', '#functions/': 'functions/', '#infra/': 'infra/' };

function resolveImport(from: string, spec: string): string | undefined {
  for (const [alias, dir] of Object.entries(ALIASES)) if (spec.startsWith(alias)) return join(ROOT, dir, `${spec.slice(alias.length)}.ts`);
  return spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
}

/** The import graph of the folder's own .ts files (edges leaving the folder are dropped). */
export function importGraph(folder: string): Map<string, string[]> {
  const dir = resolve(ROOT, folder);
  const files = new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f)),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const deps = [...src.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)].map((m) => resolveImport(file, m[1])).filter((d): d is string => d !== undefined && files.has(d));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Tarjan's strongly connected components, keeping only real cycles; paths relative to the project. */
export function importCycles(folder: string): string[][] {
  const graph = importGraph(folder);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(ROOT, w));
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cycles = importCycles(process.argv[2] ?? 'scripts/generate');
  for (const c of cycles) console.log(`cycle of ${c.length}: ${c.join(' ')}`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
