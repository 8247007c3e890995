import { createReadStream } from 'node:fs';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { readLabels } from '#shared/evaluation/labels';
import { readDecisions } from '#shared/pipeline/readDecisions';
const [work, labelsFile, rule] = process.argv.slice(2);
const labels = await readLabels(createReadStream(labelsFile), labelsFile);
const rows: string[] = [];
for await (const d of readDecisions(new LocalFolderStore(work), 'bench')) {
  if (d.action === 'none') continue;
  const f = d.findings.find((x) => x.ruleId === rule);
  if (!f) continue;
  const l = labels.get(d.accountId);
  const truth = l?.codes.includes(f.code) ? 'TP' : 'FP';
  const kind = truth === 'TP' ? (l?.variants ?? []).join('+') : (l?.codes.join('+') || 'clean') + ':' + (l?.variants ?? []).slice(0, 2).join('+');
  rows.push(JSON.stringify({ truth, kind, a: d.accountId, s: f.evidence.summary, n: f.evidence.noteIds?.length, r: f.evidence.relatedAccountIds?.length, score: f.score, others: d.findings.filter((x) => x.code !== f.code).map((x) => x.ruleId) }));
}
console.log(rows.join('\n'));
