/**
 * The top self-time frames of a V8 CPU profile (`node --cpu-prof`), by function and file, and the
 * inclusive time of the frames named on the command line (e.g. each channel's `keys`):
 *   node --import tsx scripts/bench/topFrames.ts <file.cpuprofile> [count] [functionName…]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
const [file, count = '12', ...inclusiveOf] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const label = (n: ProfileNode) => {
  const f = n.callFrame;
  const where = f.url.replace(/^.*\/(shared|scripts|node_modules)\//, '$1/');
  return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};
const selfOfNode = new Map<number, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  selfOfNode.set(profile.samples[i], (selfOfNode.get(profile.samples[i]) ?? 0) + dt);
  total += dt;
}
const self = new Map<string, number>();
for (const [id, us] of selfOfNode) self.set(label(nodes.get(id)!), (self.get(label(nodes.get(id)!)) ?? 0) + us);
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms`;
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) console.log(`${pct(us)}  ${key}`);
console.log(`total ${(total / 1000).toFixed(0)} ms`);
if (inclusiveOf.length) {
  // inclusive time of a named frame: its subtree, counted once where the name recurses
  const inclusive = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const n = nodes.get(id)!;
    let sum = selfOfNode.get(id) ?? 0;
    const name = n.callFrame.functionName;
    const counts = inclusiveOf.includes(name) && !open.has(name);
    if (counts) open.add(name);
    for (const c of n.children ?? []) sum += walk(c, open);
    if (counts) {
      open.delete(name);
      inclusive.set(label(n), (inclusive.get(label(n)) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.nodes[0].id, new Set());
  console.log('inclusive:');
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${key}`);
}
