/**
 * The cohort's background life: people comment on notes they come across (popular
 * ones more often, some from earlier cohorts), authors answer some of them, and
 * people follow accounts they like, sometimes following back.
 */
import { MINUTE, humanDelay, humanMoment, wakeUp } from './clock.ts';
import type { Account, NoteTarget } from './model.ts';
import { appClient } from './network.ts';
import type { Rng } from './prng.ts';
import { authorReply, everydayComment } from './text/everydayLife.ts';
import { localise } from './behaviours/people.ts';
import { WeightedPick } from './weightedPick.ts';
import type { CohortWorld } from './world.ts';

export function backgroundLife(world: CohortWorld, rng: Rng): void {
  const notePick = new WeightedPick(world.notes, (n) => n.pull);
  const accountPick = new WeightedPick(world.accounts, (a) => a.pull);
  const remembered = world.env.memory;
  const social = world.accounts.filter((a) => a.persona.social);

  for (const a of social) {
    const k = Math.min(80, rng.geometric(a.persona.commentRate));
    const client = appClient(a.persona.platform);
    for (let j = 0; j < k; j++) {
      let target: NoteTarget;
      if (remembered.notes.length && rng.chance(0.22)) {
        target = rng.pick(remembered.notes);
        if ((target.budget ?? 0) <= 0) continue;
        target.budget = (target.budget ?? 0) - 1;
      } else if (!notePick.empty) target = notePick.pick(rng);
      else break;
      if (target.authorId === a.id) continue;
      let ms = wakeUp(rng, target.createdMs + humanDelay(rng));
      if (ms < a.createdMs) ms = wakeUp(rng, a.createdMs + humanDelay(rng));
      const c = world.comment(a, target, ms, localise(everydayComment(rng, target.topic), a.persona.lang), { client: rng.chance(0.9) ? client : undefined });
      const author: Account | undefined = target.local?.author;
      if (c && author && author.persona.replies && rng.chance(0.3)) {
        world.comment(author, target, wakeUp(rng, c.createdMs + humanDelay(rng)), localise(authorReply(rng, author.persona.city), author.persona.lang), {
          replyTo: c,
          client: appClient(author.persona.platform),
        });
      }
    }
    const f = Math.min(120, rng.geometric(a.persona.followRate));
    for (let j = 0; j < f; j++) {
      const r = rng.next();
      if (r < 0.3 && remembered.accounts.length) {
        const b = rng.pick(remembered.accounts);
        if (b.budget > 0 && world.follow(a, b, humanMoment(rng, Math.max(a.createdMs, b.createdMs) + MINUTE, world.takenMs - MINUTE))) b.budget--;
        continue;
      }
      const b = r < 0.75 && !accountPick.empty ? accountPick.pick(rng) : social[rng.int(0, social.length - 1)];
      if (!b || b === a) continue;
      const t = humanMoment(rng, Math.max(a.createdMs, b.createdMs) + MINUTE, world.takenMs - MINUTE);
      if (world.follow(a, b, t) && b.persona.social && rng.chance(0.25)) world.follow(b, a, wakeUp(rng, t + humanDelay(rng)));
    }
  }
}
