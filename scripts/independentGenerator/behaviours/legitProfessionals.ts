/**
 * Genuine professional accounts: their own unique licence, verified a little after
 * registering, posting careful knowledge-sharing notes. Clean.
 */
import { DAY, daysAgo, HOUR, humanMoment } from '../clock.ts';
import type { Account } from '../model.ts';
import type { Rng } from '../prng.ts';
import { licenceId } from '../qualifications.ts';
import { PRO_FIELDS, proBio, proName, proNote, type ProField } from '../text/professionals.ts';
import type { CohortWorld } from '../world.ts';
import { addPerson } from './people.ts';

export function addProfessional(world: CohortWorld, rng: Rng, field: ProField, createdMs?: number): Account {
  const a = addPerson(world, rng, {
    createdMs: createdMs ?? daysAgo(rng, world.takenMs, 60, 1800),
    persona: { social: false, replies: true },
    bio: null,
    baseFollowers: Math.floor(rng.logNormal(1200, 1.3)),
  });
  a.type = 'professional';
  a.nickname = proName(rng, field, a.persona.city);
  a.bio = proBio(rng, field);
  return a;
}

export function postProNotes(world: CohortWorld, rng: Rng, a: Account, field: ProField, k: number): void {
  for (let i = 0; i < k; i++) {
    const w = proNote(rng, field);
    world.post(a, {
      createdMs: humanMoment(rng, a.createdMs + DAY, world.takenMs - HOUR),
      title: w.title,
      body: w.body,
      tags: ['科普'],
      client: rng.chance(0.5) ? 'web' : 'app-ios',
      likeCount: Math.floor(rng.logNormal(60, 1.2)),
    });
  }
}

export function legitProfessionals(world: CohortWorld, rng: Rng, size: number): void {
  for (let i = 0; i < size; i++) {
    const field = rng.pick(PRO_FIELDS);
    const a = addProfessional(world, rng, field);
    a.qualification = { licenseId: licenceId(rng, true), verifiedMs: Math.min(world.takenMs - DAY, a.createdMs + rng.int(1, 60) * DAY) };
    world.hardNegative(a, 'legit-professional');
    postProNotes(world, rng, a, field, rng.int(3, 15));
  }
}
