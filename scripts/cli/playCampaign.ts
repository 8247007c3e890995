/**
 * Plays a campaign's days in order on the embedded stack (inside withStack): each day not yet swept lifts what
 * is due on the campaign's clock, then sweeps that day's snapshot; a paused campaign stops at its next day.
 */
import { DynamoCampaignStore } from '#shared/adapters/dynamoCampaignStore';
import { openStore } from '#shared/adapters/openStore';
import { sweepRegistry } from '#shared/adapters/stageDependencies';
import { campaignDays, startOfDay, sweepIdFor } from '#shared/campaign/campaignCalendar';
import { planCampaignDay } from '#shared/campaign/planCampaignDay';
import { readManifest } from '#shared/snapshot/readManifest';
import { mapWorkerPool, runStateMachine } from '#scripts/local/localStepFunctions';
import { requireCampaign } from './campaignLookup.ts';
import { CliError, EXIT } from './exitCodes.ts';
import type { Output } from './output.ts';
import { preflightSnapshot, runSweepOrPause } from './runSweep.ts';

export interface PlayedDay {
  day: string;
  sweepId: string;
  outcome: string;
}

export async function playCampaign(id: string, o: { through?: string; workers?: number }, out: Output, interrupt: AbortSignal): Promise<PlayedDay[]> {
  const store = new DynamoCampaignStore();
  const { campaign: c, policy } = await requireCampaign(store, id);
  const days = campaignDays(c).filter((d) => !o.through || d <= o.through);
  const ran: PlayedDay[] = [];
  // one pool of map workers for every day: started, and the handler modules loaded in it, once per campaign, not per sweep
  const pool = mapWorkerPool(o.workers);
  try {
    await playDays();
  } finally {
    await pool?.close();
  }
  return ran;

  async function playDays(): Promise<void> {
    for (const day of days) {
      if (interrupt.aborted) throw new CliError(`campaign ${id} interrupted at ${day}; run it again to go on`, EXIT.interrupted);
      const at = startOfDay(c, day);
      if ((await sweepRegistry().get(sweepIdFor(c, day)))?.status === 'complete') {
        ran.push({ day, sweepId: sweepIdFor(c, day), outcome: 'already swept' });
        continue;
      }
      const plan = planCampaignDay(c, policy, await store.state(id), at);
      if (!plan.run) {
        ran.push({ day, sweepId: sweepIdFor(c, day), outcome: `not run: ${plan.why}` });
        out.info(`[campaign] ${day}: not run, ${plan.why}`);
        break;
      }
      await preflightSnapshot(plan.sweep.snapshot).catch((err) => {
        throw new CliError(`campaign ${id}, day ${day}: ${(err as Error).message}`, EXIT.badInput);
      });
      // the campaign's clock: the day's start, or the export's time if that is later (a sweep cannot act before its data)
      const takenAt = (await readManifest(openStore(plan.sweep.snapshot))).takenAt;
      const enforceAt = new Date(Math.max(Date.parse(at), Date.parse(takenAt))).toISOString();
      await runStateMachine('lift', { now: enforceAt });
      out.info(`[campaign] ${day}: sweep ${plan.sweep.sweepId}`);
      const result = await runSweepOrPause({ ...plan.sweep, policy: plan.sweep.policy as typeof policy, codes: plan.sweep.codes, workers: o.workers, pool, enforceAt }, out, interrupt);
      ran.push({
        day,
        sweepId: plan.sweep.sweepId,
        outcome:
          'paused' in result
            ? `held for review (${result.cases} cases)`
            : c.mode === 'shadow'
              ? `shadow: ${result.decisions} decisions, nothing enforced`
              : `swept: ${result.enforcement.applied} applied`,
      });
      if ('paused' in result) break;
    }
  }
}
