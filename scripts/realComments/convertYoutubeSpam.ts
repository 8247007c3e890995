/**
 * The UCI YouTube Spam Collection (CSV files) → a `crackdown-snapshot/1` folder and labels.jsonl beside it.
 *
 *   node --import tsx scripts/realComments/convertYoutubeSpam.ts --in ../shared/data/youtube-spam --out DIR [--plain] [--snapshot-id ID]
 *
 * Reads every *.csv in --in (sorted by name); prints what it wrote and the counts. See README.md here.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { convertYoutubeSpam, DEFAULT_SNAPSHOT_ID, type CsvSource } from './youtubeSpamSnapshot.ts';
import { writeSnapshotFolder } from './writeSnapshotFolder.ts';

export async function readCsvFolder(dir: string): Promise<CsvSource[]> {
  const names = (await readdir(dir)).filter((n) => /\.csv$/i.test(n)).sort();
  if (names.length === 0) throw new Error(`no .csv files in ${dir}`);
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

const o = new Command('convert-youtube-spam')
  .description('turn the labelled YouTube comments (UCI YouTube Spam Collection, CC BY 4.0) into a contract snapshot and labels.jsonl')
  .requiredOption('--in <dir>', "folder with the collection's CSV files")
  .requiredOption('--out <dir>', 'snapshot folder to write (manifest.json, parts, labels.jsonl)')
  .option('--snapshot-id <id>', 'snapshotId in the manifest', DEFAULT_SNAPSHOT_ID)
  .option('--plain', 'write plain .jsonl parts instead of .jsonl.gz')
  .parse(process.argv)
  .opts<{ in: string; out: string; snapshotId: string; plain?: boolean }>();

try {
  const sources = await readCsvFolder(o.in);
  const conversion = convertYoutubeSpam(sources, o.snapshotId);
  const manifest = await writeSnapshotFolder(o.out, conversion, { gzip: !o.plain });
  const s = conversion.stats;
  console.log(`wrote ${o.out}: snapshot ${manifest.snapshotId}, takenAt ${manifest.takenAt}`);
  console.log(`  files ${sources.map((f) => f.name).join(', ')}`);
  console.log(`  notes ${s.videos}, comments ${s.comments} (spam ${s.spamComments}, missing DATE ${s.missingDates}, empty text ${s.emptyTexts})`);
  console.log(
    `  accounts ${conversion.accounts.length}: authors ${s.authors} (spam ${s.spamAuthors}, mixed ${s.mixedAuthors}, under more than one video ${s.multiVideoAuthors}) + ${s.videos} channel accounts`,
  );
  console.log(
    `  label variants ${Object.entries(s.variants)
      .map(([v, n]) => `${v} ${n}`)
      .join(', ')}`,
  );
} catch (err) {
  console.error(`convert-youtube-spam: ${(err as Error).message}`);
  process.exitCode = 1;
}
