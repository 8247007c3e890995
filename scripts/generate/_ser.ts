import { resolveMix, GroupPlanner } from './violationMix.ts';
import { generateCohort, planCohort } from './generateCohort.ts';
import { IdFactory } from './ids.ts';
import { commentLine, noteLine } from './recordSerializer.ts';
const task = { seed: 'm', takenAt: Date.parse('2026-11-20T00:00:00Z'), mix: resolveMix(undefined) };
const env = { seed: 'm', takenAt: task.takenAt, ids: new IdFactory('m'), mix: task.mix, totalAccounts: 400000 };
const planner = new GroupPlanner(task.mix);
const cpu = (f: () => number) => { const t = process.cpuUsage(); const r = f(); const d = process.cpuUsage(t); return [Math.round((d.user + d.system) / 1000), r]; };
for (let k = 0; k < 4; k++) {
  const c = generateCohort(env, planCohort(planner, 'm', k, 4000), k, k * 4000, 4000);
  const A = cpu(() => { const lines = c.comments.map(commentLine).concat(c.notes.map(noteLine)); return Buffer.from(lines.join('\n')).length; });
  const B = cpu(() => { const buf = Buffer.allocUnsafe(64 << 20); let off = 0; for (const x of c.comments) { off += buf.write(commentLine(x), off); buf[off++] = 10; } for (const x of c.notes) { off += buf.write(noteLine(x), off); buf[off++] = 10; } return off; });
  const C = cpu(() => { let total = 0; let acc = ''; const out: Buffer[] = []; for (const x of c.comments) { acc += commentLine(x) + '\n'; if (acc.length > 32768) { out.push(Buffer.from(acc)); acc = ''; } } for (const x of c.notes) { acc += noteLine(x) + '\n'; if (acc.length > 32768) { out.push(Buffer.from(acc)); acc = ''; } } out.push(Buffer.from(acc)); for (const b of out) total += b.length; return total; });
  console.log('join+from', A, 'buf.write', B, 'chunk32k', C);
}
