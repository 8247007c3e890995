/**
 * Builds one cohort end to end — units, then behaviour aimed at others' content,
 * then everyone's background life, then reactions to it, then user reports — and
 * streams its records (shuffled, so parts carry no order) to the writer.
 */
import { backgroundLife } from './audience.ts';
import { accountRecord, commentLine, followLine, labelRecord, noteLine, reportRecord } from './contractRecords.ts';
import type { Cohort } from './population.ts';
import { Rng } from './prng.ts';
import type { SnapshotWriter } from './snapshotWriter.ts';
import { userReports } from './userReports.ts';
import { CohortWorld, type Env } from './world.ts';

export function buildCohort(env: Env, cohort: Cohort): CohortWorld {
  const world = new CohortWorld(Rng.derive(env.seed, 'cohort', cohort.index), env);
  for (const unit of cohort.units) unit.kind.build(world, Rng.derive(env.seed, 'unit', unit.index), unit.size);
  const rng = Rng.derive(env.seed, 'cohort-life', cohort.index);
  world.runDeferred();
  backgroundLife(world, rng);
  world.runClosing();
  userReports(world, rng);
  return world;
}

export function emitCohort(world: CohortWorld, writer: SnapshotWriter, index: number): void {
  const rng = Rng.derive(world.env.seed, 'emit', index);
  const accounts = rng.shuffle(world.accounts.slice());
  for (const a of accounts) {
    writer.add('accounts', accountRecord(rng, a, world.takenMs));
    writer.addLabel(labelRecord(a));
  }
  for (const n of rng.shuffle(world.notes.slice())) writer.addLine('notes', noteLine(n));
  for (const c of rng.shuffle(world.comments.slice())) writer.addLine('comments', commentLine(c));
  for (const f of rng.shuffle(world.follows.slice())) writer.addLine('follows', followLine(f));
  for (const r of rng.shuffle(world.reports.slice())) writer.add('reports', reportRecord(r));
}

/** Keeps a few of this cohort's most popular notes and accounts for later cohorts to reach. */
export function rememberCohort(world: CohortWorld, index: number): void {
  const rng = Rng.derive(world.env.seed, 'remember', index);
  const notes = world.notes.filter((n) => n.goneMs === undefined).sort((a, b) => b.pull - a.pull);
  for (const n of notes.slice(0, Math.ceil(notes.length * 0.015))) if (n.extraComments > 0) world.env.memory.rememberNote(rng, { ...n, budget: n.extraComments });
  const accounts = world.accounts.slice().sort((a, b) => b.pull - a.pull);
  for (const a of accounts.slice(0, Math.ceil(accounts.length * 0.01))) if (a.baseFollowers > 0) world.env.memory.rememberAccount(rng, { id: a.id, createdMs: a.createdMs, pull: a.pull, budget: a.baseFollowers });
}
