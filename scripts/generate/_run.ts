import { generateSnapshot } from '#scripts/generate/generateSnapshot';
const n = Number(process.argv[2] ?? 2000);
const out = process.argv[3] ?? '/tmp/gen/out';
const t0 = performance.now();
const s = await generateSnapshot({ accounts: n, seed: process.argv[4] ?? 'demo', outDir: out, invalidRecords: Number(process.argv[5] ?? 0), gzip: process.argv[6] !== 'plain', onProgress: (d) => { if (d % 100000 < 4000) console.error('progress', d, Math.round((performance.now()-t0)/1000)+'s', Math.round(process.memoryUsage().rss/1e6)+'MB'); } });
console.log(JSON.stringify(s, null, 1));
console.log('time', ((performance.now() - t0) / 1000).toFixed(2), 's');
