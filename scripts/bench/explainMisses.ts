/**
 * Where a detector misses, for tuning: false negatives per planted variant and false
 * positives per rule and per what the account really is, from a kept bench run.
 *
 *   npm run bench -- --accounts 20000 --seed 7 --keep
 *   node --import tsx scripts/bench/explainMisses.ts --work bench-out/work-20000-7 --labels bench-out/snapshot-20000-7/labels.jsonl [--code water-army] [--show 5]
 */
import { createReadStream } from 'node:fs';
import { Command } from 'commander';
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import { VIOLATION_CODES } from '#shared/contract/violationCodes';
import { readLabels } from '#shared/evaluation/labels';
import { readDecisions } from '#shared/pipeline/readDecisions';
import type { Decision } from '#shared/policy/decideAction';

const o = new Command('explain-misses')
  .requiredOption('--work <dir>', 'kept bench work folder')
  .requiredOption('--labels <file>', 'labels.jsonl beside the snapshot')
  .option('--sweep-id <id>', 'sweep id in the work folder', 'bench')
  .option('--code <code>', 'only this violation code')
  .option('--show <n>', 'example account ids per line', (v) => Number(v), 3)
  .parse(process.argv)
  .opts();

const labels = await readLabels(createReadStream(o.labels), o.labels);
const decided = new Map<string, Decision>();
for await (const d of readDecisions(new LocalFolderStore(o.work), o.sweepId)) if (d.action !== 'none') decided.set(d.accountId, d);

const tally = (m: Map<string, string[]>, key: string, id: string) => {
  const list = m.get(key) ?? [];
  list.push(id);
  m.set(key, list);
};
const print = (title: string, m: Map<string, string[]>) => {
  if (!m.size) return;
  console.log(`  ${title}`);
  for (const [k, ids] of [...m.entries()].sort((a, b) => b[1].length - a[1].length)) console.log(`    ${String(ids.length).padStart(5)}  ${k}  e.g. ${ids.slice(0, o.show).join(' ')}`);
};

for (const code of VIOLATION_CODES) {
  if (o.code && o.code !== code) continue;
  const missed = new Map<string, string[]>();
  const wrong = new Map<string, string[]>();
  let planted = 0;
  for (const [id, label] of labels) {
    const truth = label.codes.includes(code);
    const d = decided.get(id);
    const said = d?.codes.includes(code) ?? false;
    if (truth) planted++;
    if (truth && !said) tally(missed, (label.variants ?? []).filter((v) => v.startsWith(`${code}/`)).join('+') || (label.variants ?? []).join('+') || '(no variant)', id);
    if (!truth && said) {
      const rules = d!.findings
        .filter((f) => f.code === code)
        .map((f) => f.ruleId)
        .sort()
        .join('+');
      const what = label.hardNegative ? `hard negative ${label.hardNegative}` : label.codes.length ? `really ${(label.variants ?? label.codes).join('+')}` : 'organic';
      tally(wrong, `${rules} ← ${what}`, id);
    }
  }
  console.log(`${code}: planted ${planted}, missed ${[...missed.values()].reduce((n, l) => n + l.length, 0)}, false positives ${[...wrong.values()].reduce((n, l) => n + l.length, 0)}`);
  print('missed, by planted variant:', missed);
  print('false positives, by rule ← what the account is:', wrong);
}
