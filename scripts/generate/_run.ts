import { generateSnapshot } from '#scripts/generate/generateSnapshot';
const [n, out, seed, invalid, workers] = process.argv.slice(2);
const t0 = performance.now();
let last = 0;
const s = await generateSnapshot({ accounts: Number(n), seed: seed ?? 'demo', outDir: out, invalidRecords: Number(invalid ?? 0), workers: workers === undefined ? undefined : Number(workers), onProgress: (d) => { if (d - last >= 100000 || d === Number(n)) { last = d; console.error('progress', d, Math.round((performance.now() - t0) / 1000) + 's', Math.round(process.memoryUsage().rss / 1e6) + 'MB'); } } });
console.log(JSON.stringify(s));
console.log('time', ((performance.now() - t0) / 1000).toFixed(2), 's');
