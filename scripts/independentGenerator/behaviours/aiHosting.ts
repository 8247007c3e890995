/**
 * AI hosting: an agent runs the account. Fully hosted accounts (often registered by
 * the tool itself) post on a fixed cadence around the clock, comment on others'
 * notes seconds after they appear and answer every comment within seconds, all in
 * the same tidy voice. Occasional use is an ordinary person who let the tool post
 * and comment for a few days. Both are violations (the second is penalised more
 * lightly); a person who writes with AI help and posts by hand is not.
 */
import { DAY, daysAgo, HOUR, MINUTE } from '../clock.ts';
import type { Account } from '../model.ts';
import type { Rng } from '../prng.ts';
import { hostedComment, hostedNote, hostedReply } from '../text/aiHostedStyle.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson, liveEverydayLife } from './people.ts';

const HOSTING_TOOLS = ['灵犀托管 2.3', 'autopost-agent', '小蜜蜂AI运营', 'HostBot', '智能分身', 'NoteMate AI'];

function commentOnOthers(world: CohortWorld, rng: Rng, a: Account, tool: string, from: number, count: number): void {
  world.later(() => {
    for (const n of world.someNotes(rng, count, (x) => x.author !== a && x.createdMs > from && x.goneMs === undefined)) {
      world.comment(a, n, n.createdMs + rng.int(20, 400) * 1000, hostedComment(rng), { client: tool });
    }
  });
}

function replyToEveryone(world: CohortWorld, rng: Rng, a: Account, tool: string, from: number): void {
  world.atEnd(() => {
    for (const n of a.notes) {
      for (const c of world.commentsOn(n.id).slice()) {
        if (c.authorId !== a.id && c.createdMs > from && rng.chance(0.92)) world.comment(a, n, c.createdMs + rng.int(6, 45) * 1000, hostedReply(rng), { replyTo: c, client: tool });
      }
    }
  });
}

export function aiHostedAccounts(world: CohortWorld, rng: Rng, size: number): void {
  const tool = rng.pick(HOSTING_TOOLS);
  for (let i = 0; i < size; i++) {
    const byTool = rng.chance(0.5);
    const a = addPerson(world, rng, {
      createdMs: daysAgo(rng, world.takenMs, 20, 400),
      persona: { social: false, commentRate: 0, replies: false },
      baseFollowers: Math.floor(rng.logNormal(150, 1.3)),
    });
    if (byTool) a.regClient = tool;
    world.mark(a, 'ai-hosted', 'fully-hosted', byTool ? 'registered-by-tool' : 'hosted-after-registration');
    if (!byTool && rng.chance(0.4)) liveEverydayLife(world, rng, a, rng.int(1, 4));
    const everyHours = rng.pick([2, 3, 4, 6, 8, 12, 24]);
    const minute = rng.int(0, 59);
    const hostedFrom = Math.min(world.takenMs - 3 * DAY, Math.max(a.createdMs + (byTool ? HOUR : rng.int(5, 60) * DAY), world.takenMs - rng.int(15, 120) * DAY));
    const slotMs = everyHours * HOUR;
    let t = Math.ceil(hostedFrom / slotMs) * slotMs + minute * MINUTE;
    const slots = Math.floor((world.takenMs - t) / slotMs);
    const skip = Math.max(0, slots - 150);
    t += skip * slotMs;
    for (; t < world.takenMs - MINUTE; t += slotMs) {
      const topic = rng.pick(a.persona.topics);
      const w = hostedNote(rng, topic);
      world.post(a, { createdMs: t + rng.int(0, 40) * 1000, ...w, topic, client: tool, likeCount: Math.floor(rng.logNormal(15, 1.2)) });
    }
    commentOnOthers(world, rng, a, tool, hostedFrom, rng.int(10, 60));
    replyToEveryone(world, rng, a, tool, hostedFrom);
  }
}

export function aiOccasionalUse(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const tool = rng.pick(HOSTING_TOOLS);
    const a = addPerson(world, rng, { createdMs: daysAgo(rng, world.takenMs, 120, 1500) });
    liveEverydayLife(world, rng, a, rng.int(3, 15));
    world.mark(a, 'ai-hosted', 'occasional-use');
    const from = world.takenMs - rng.int(5, 90) * DAY;
    const k = rng.int(1, 4);
    for (let j = 0; j < k; j++) {
      const topic = rng.pick(a.persona.topics);
      const w = hostedNote(rng, topic);
      world.post(a, { createdMs: from + rng.int(0, 6 * 24) * HOUR + rng.int(0, 3599) * 1000, ...w, topic, client: tool, likeCount: Math.floor(rng.logNormal(10, 1.2)) });
    }
    world.later(() => {
      for (const n of world.someNotes(rng, rng.int(3, 10), (x) => x.author !== a && x.createdMs > from - DAY && x.createdMs < from + 7 * DAY)) {
        world.comment(a, n, n.createdMs + rng.int(20, 600) * 1000, hostedComment(rng), { client: tool });
      }
    });
  }
}
