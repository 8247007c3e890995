/**
 * What later cohorts may still reach of earlier ones: a bounded sample of popular
 * notes and accounts. Keeps memory flat however large the snapshot grows.
 */
import type { Rng } from './prng.ts';
import type { NoteTarget } from './model.ts';

export interface RememberedAccount {
  id: string;
  createdMs: number;
  pull: number;
  /** Followers at takenAt not yet matched by follow records. */
  budget: number;
}

export class Memory {
  readonly notes: NoteTarget[] = [];
  readonly accounts: RememberedAccount[] = [];

  constructor(
    private readonly noteCap = 3000,
    private readonly accountCap = 1500,
  ) {}

  rememberNote(rng: Rng, n: NoteTarget): void {
    const slim: NoteTarget = { id: n.id, authorId: n.authorId, createdMs: n.createdMs, goneMs: n.goneMs, topic: n.topic, budget: n.budget };
    if (this.notes.length < this.noteCap) this.notes.push(slim);
    else this.notes[rng.int(0, this.noteCap - 1)] = slim;
  }

  rememberAccount(rng: Rng, a: RememberedAccount): void {
    const slim = { id: a.id, createdMs: a.createdMs, pull: a.pull, budget: a.budget };
    if (this.accounts.length < this.accountCap) this.accounts.push(slim);
    else this.accounts[rng.int(0, this.accountCap - 1)] = slim;
  }
}
