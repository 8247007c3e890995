/** A bench worker process: runs jobs sent by the parent and reports its peak memory. */
import { runBenchJob, type BenchJob } from './benchStages.ts';

process.on('message', async (msg: { id: number; job?: BenchJob; rss?: true }) => {
  if (msg.rss) {
    process.send!({ id: msg.id, maxRssKb: process.resourceUsage().maxRSS });
    return;
  }
  try {
    const records = await runBenchJob(msg.job!);
    process.send!({ id: msg.id, records });
  } catch (err) {
    process.send!({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
process.send!({ ready: true });
