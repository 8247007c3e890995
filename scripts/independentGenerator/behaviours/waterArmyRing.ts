/**
 * Water army: a crew that floods chosen comment sections within minutes, praising
 * one brand, staging "where do I buy it?" / "sent you the link" acts, and hijacking
 * popular notes. Members rotate from job to job; some are thin dedicated accounts,
 * some are hired ordinary people with real lives, some are farm accounts.
 */
import { DAY, daysAgo, HOUR, humanMoment, MINUTE, minutes } from '../clock.ts';
import type { Brand } from '../brands.ts';
import type { Account, NoteTarget } from '../model.ts';
import { deviceId } from '../network.ts';
import type { Rng } from '../prng.ts';
import { contactBio, makeContact } from '../text/contactObfuscation.ts';
import { clinicAnswer, clinicAsk, crewAnswer, crewAsk, crewHijack, crewPraise, seededDiscovery } from '../text/waterArmyScripts.ts';
import type { CohortWorld } from '../world.ts';
import { addProfessional, postProNotes } from './legitProfessionals.ts';
import { addPerson, liveEverydayLife } from './people.ts';
import { licenceId } from '../qualifications.ts';

export interface Crew {
  members: Account[];
  brand: Brand;
  client: (a: Account) => string;
  trad: boolean;
  /** Jobs done so far and who took part, so that nobody on the payroll stays idle. */
  jobs?: Array<{ target: NoteTarget; startMs: number; mode: CampaignMode }>;
  worked?: Map<string, number>;
}

const CONTROL_TOOLS = ['云控助手', '群控宝 5.1', 'MultiPhone Pro'];

export function crewClient(rng: Rng): (a: Account) => string {
  const tool = rng.chance(0.25) ? rng.pick(CONTROL_TOOLS) : undefined;
  return (a) => tool ?? (a.persona.platform === 'ios' ? 'app-ios' : 'app-android');
}

export type CampaignMode = 'praise' | 'hijack' | 'clinic';

const CLINIC_PRAISE = ['医生很专业', '效果很自然', '我也是在这做的', '恢复得很快', '环境很干净', '做完朋友都说变好看了', '价格透明，没有乱推销'];

function crewLine(rng: Rng, crew: Crew, mode: CampaignMode): string {
  if (mode === 'clinic') return rng.chance(0.6) ? rng.pick(CLINIC_PRAISE) + rng.pick(['', '！', '～', '👍']) : crewPraise(rng, '这家', crew.trad);
  if (mode === 'hijack' && rng.chance(0.5)) return crewHijack(rng, crew.brand.name, crew.trad);
  return crewPraise(rng, crew.brand.name, crew.trad);
}

/** One job: a subset of the crew descends on a note within minutes of `startMs`. */
export function runCampaign(world: CohortWorld, rng: Rng, crew: Crew, target: NoteTarget, startMs: number, mode: CampaignMode, host?: Account): void {
  const ready = crew.members.filter((m) => m.createdMs < startMs - HOUR && m.id !== target.authorId);
  if (ready.length < 2) return;
  (crew.jobs ??= []).push({ target, startMs, mode });
  const worked = (crew.worked ??= new Map());
  const crewSize = Math.max(2, Math.round(ready.length * rng.float(0.4, 0.9)));
  const team = rng.sample(ready, crewSize);
  for (const m of team) {
    const t = startMs + rng.exponential(9 * MINUTE);
    const text = crewLine(rng, crew, mode);
    const c = world.comment(m, target, t, text, { client: crew.client(m) });
    if (c) worked.set(m.id, (worked.get(m.id) ?? 0) + 1);
    if (c && rng.chance(0.12)) world.comment(m, target, t + minutes(rng, 2, 30), crewPraise(rng, crew.brand.name, crew.trad), { client: crew.client(m) });
  }
  const acts = rng.int(1, 3);
  for (let i = 0; i < acts && team.length >= 2; i++) {
    const [asker, answerer] = rng.sample(team, 2);
    const t = startMs + rng.exponential(12 * MINUTE);
    const q = world.comment(asker, target, t, mode === 'clinic' ? clinicAsk(rng, crew.trad) : crewAsk(rng, crew.brand.name, crew.trad), { client: crew.client(asker) });
    if (!q) continue;
    const replier = host && rng.chance(0.5) ? host : answerer;
    world.comment(replier, target, q.createdMs + rng.int(30, 600) * 1000, mode === 'clinic' ? clinicAnswer(rng, crew.trad) : crewAnswer(rng, crew.brand.name, crew.trad), {
      replyTo: q,
      client: replier === host ? 'app-ios' : crew.client(replier),
    });
  }
}

/** Anyone on the crew who has worked fewer than two jobs joins jobs they could have joined. */
export function coverIdleMembers(world: CohortWorld, rng: Rng, crew: Crew): void {
  const jobs = crew.jobs ?? [];
  const worked = (crew.worked ??= new Map());
  for (const m of crew.members) {
    const open = jobs.filter((j) => j.startMs > m.createdMs + HOUR && j.target.authorId !== m.id);
    for (let tries = 0; tries < 4 && open.length && (worked.get(m.id) ?? 0) < 2; tries++) {
      const j = rng.pick(open);
      if (world.comment(m, j.target, j.startMs + rng.exponential(9 * MINUTE), crewLine(rng, crew, j.mode), { client: crew.client(m) })) worked.set(m.id, (worked.get(m.id) ?? 0) + 1);
    }
  }
}

/** Jobs on other people's popular notes in the cohort (run once all notes exist). */
export function hijackCohortNotes(world: CohortWorld, rng: Rng, crew: Crew, jobs: number): void {
  world.later(() => {
    const members = new Set(crew.members.map((m) => m.id));
    const joined = crew.members.map((m) => m.createdMs).sort((p, q) => p - q);
    const median = joined[Math.floor(joined.length / 2)] ?? 0;
    const top = world.popularNotes().filter((n) => !members.has(n.authorId) && n.createdMs > Math.max(median, world.takenMs - 200 * DAY));
    if (!top.length) return;
    for (let j = 0; j < jobs; j++) {
      const n = rng.pick(top);
      const start = rng.chance(0.6) ? n.createdMs + minutes(rng, 3, 60) : humanMoment(rng, n.createdMs + HOUR, world.takenMs - HOUR);
      runCampaign(world, rng, crew, n, start, 'hijack');
    }
    coverIdleMembers(world, rng, crew);
  });
}

export function waterArmyRing(world: CohortWorld, rng: Rng, size: number): void {
  const brand = world.env.brands.fresh();
  const crewKind = rng.pickWeighted(['hired-ordinary', 'dedicated-accounts', 'mixed-crew'], [35, 40, 25]);
  const source = rng.pickWeighted(['seeded-discovery', 'clinic-leads', 'hijack'], [45, 25, 30]);
  const hostCount = source === 'hijack' || size < 5 ? 0 : source === 'clinic-leads' ? 1 : rng.int(1, 2);
  const members: Account[] = [];
  const sharedPhones = crewKind !== 'hired-ordinary' && rng.chance(0.5) ? [deviceId(rng, 'android'), deviceId(rng, 'android')] : [];
  for (let i = 0; i < size - hostCount; i++) {
    const hired = crewKind === 'hired-ordinary' || (crewKind === 'mixed-crew' && rng.chance(0.5));
    const a = hired
      ? addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 200, 2000) })
      : addPerson(world, rng, {
          createdMs: daysAgo(rng, world.takenMs, 150, 500),
          platform: 'android',
          regDevice: sharedPhones.length && rng.chance(0.6) ? rng.pick(sharedPhones) : undefined,
          persona: { social: false, commentRate: 0, replies: false },
          baseFollowers: rng.int(0, 40),
        });
    liveEverydayLife(world, rng, a, hired ? undefined : rng.int(0, 3));
    world.mark(a, 'water-army', hired ? 'hired-ordinary' : 'dedicated-accounts', source);
    members.push(a);
  }
  const crew: Crew = { members, brand, client: crewClient(rng), trad: rng.chance(0.1) };
  const jobs = rng.int(4, 16);

  if (source === 'seeded-discovery' && hostCount > 0) {
    for (let h = 0; h < hostCount; h++) {
      const seedAcc = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 150, 1500) });
      liveEverydayLife(world, rng, seedAcc);
      world.mark(seedAcc, 'undisclosed-promotion', 'seeded-for-crew');
      const product = rng.pick(['面霜', '精华', '洗发水', '咖啡', '零食', '香薰']);
      for (let j = 0; j < Math.ceil(jobs / hostCount); j++) {
        const w = seededDiscovery(rng, brand.name, product);
        const n = world.post(seedAcc, {
          createdMs: humanMoment(rng, world.takenMs - 120 * DAY, world.takenMs - 2 * HOUR),
          title: w.title,
          body: w.body,
          tags: [product, '好物分享'],
          client: seedAcc.persona.platform === 'ios' ? 'app-ios' : 'app-android',
          brandIds: rng.chance(0.5) ? [brand.id] : undefined,
          likeCount: Math.floor(rng.logNormal(150, 1)),
        });
        runCampaign(world, rng, crew, n, n.createdMs + minutes(rng, 2, 25), 'praise', seedAcc);
      }
    }
  } else if (source === 'clinic-leads' && hostCount > 0) {
    const clinic = addProfessional(world, rng, 'clinic');
    clinic.qualification = { licenseId: licenceId(rng, true), verifiedMs: Math.min(world.takenMs - DAY, clinic.createdMs + rng.int(3, 40) * DAY) };
    clinic.bio = contactBio(rng, makeContact(rng, rng.chance(0.7) ? 'wechat' : 'phone'), clinic.bio ?? '');
    world.mark(clinic, 'traffic-diversion', 'lead-collection-via-crew', 'bio');
    postProNotes(world, rng, clinic, 'clinic', rng.int(1, 3));
    for (let j = 0; j < jobs; j++) {
      const n = world.post(clinic, {
        createdMs: humanMoment(rng, world.takenMs - 120 * DAY, world.takenMs - 2 * HOUR),
        title: rng.pick(['术后第七天，恢复记录', '做完一个月的真实变化', '很多人问的项目来了', '对比图｜自然不夸张']),
        body: rng.pick(['医生审美在线，恢复期比想象中短', '想了解的姐妹可以私信', '每个人情况不同，面诊后再定方案', '具体价格私聊哈']),
        tags: ['医美', '变美日记'],
        client: 'app-ios',
        likeCount: Math.floor(rng.logNormal(120, 1)),
      });
      runCampaign(world, rng, crew, n, n.createdMs + minutes(rng, 2, 30), 'clinic', clinic);
    }
  } else {
    hijackCohortNotes(world, rng, crew, jobs);
    return;
  }
  coverIdleMembers(world, rng, crew);
}
