/**
 * `crackdown demo --campaign`: a short crackdown end to end — a few daily snapshots of an evolving platform,
 * a campaign over them, each day swept on the campaign's clock, then the report and its announcement.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { initialState } from '#shared/campaign/campaignState';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { generateDays } from '#scripts/generate/generateDays';
import { campaignReportOf } from './commands/campaignReport.ts';
import type { Output } from './output.ts';
import { playCampaign } from './playCampaign.ts';

const START = '2026-11-18';

export async function campaignDemo(o: { accounts: number; seed: string; days: number; demoDir: string }, out: Output, interrupt: AbortSignal) {
  const exports = join(o.demoDir, 'exports');
  if (!existsSync(join(exports, 'days.json'))) {
    out.info(`[demo] generating ${o.days} daily snapshots of ${o.accounts} accounts (seed ${o.seed}) into ${exports}`);
    await generateDays({ days: o.days, start: START, accounts: o.accounts, seed: o.seed, outDir: exports });
  } else out.info(`[demo] reusing daily snapshots in ${exports}`);
  const policy = defaultPolicy();
  const id = `demo-${o.accounts}-${o.seed}-${o.days}d`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const end = new Date(Date.parse(`${START}T00:00:00Z`) + (o.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const store = new DynamoCampaignStore();
  if (!(await store.latest(id))) {
    const campaign = parseCampaign(
      {
        campaignId: id,
        version: 1,
        title: 'Demo crackdown on black and grey market accounts',
        period: { start: START, end },
        schedule: { at: '08:00', timeZone: 'Asia/Shanghai' },
        policyVersion: policy.policyVersion,
        snapshotTemplate: join(exports, '{date}'),
      },
      'demo',
    );
    const now = new Date().toISOString();
    await store.addVersion({ campaign, policy, createdAt: now });
    await store.setState(initialState(id, now, 'demo'), undefined);
  }
  const played = await playCampaign(id, {}, out, interrupt);
  const { report, announcement, accountsHandled } = await campaignReportOf(id);
  return { campaignId: id, played, report, accountsHandled, announcement };
}
