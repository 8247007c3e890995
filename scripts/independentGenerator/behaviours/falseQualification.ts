/**
 * False qualification: professional accounts (clinics, pharmacies, law firms,
 * schools) whose licence is borrowed from another business and reused across
 * several accounts, or whose verification cannot be right (verified before the
 * account existed, or dated after the snapshot), or whose licence number is a crude
 * forgery. When the real owner of a stolen licence is present it stays clean.
 */
import { DAY, daysAgo } from '../clock.ts';
import type { Rng } from '../prng.ts';
import { licenceId } from '../qualifications.ts';
import { PRO_FIELDS } from '../text/professionals.ts';
import { misleadingNote, PRODUCTS } from '../text/absoluteClaims.ts';
import type { CohortWorld } from '../world.ts';
import { addProfessional, postProNotes } from './legitProfessionals.ts';

export function falseQualification(world: CohortWorld, rng: Rng, size: number): void {
  const reused = size >= 2 && rng.chance(0.7);
  const loneScheme = () => rng.pickWeighted(['verified-before-registration', 'verified-after-snapshot', 'forged-number'], [45, 20, 35]);
  const stolen = licenceId(rng, true);
  const withOwner = reused && size >= 3 && rng.chance(0.4);
  const ownerVerified = daysAgo(rng, world.takenMs, 400, 1500);
  for (let i = 0; i < size; i++) {
    const field = rng.pick(PRO_FIELDS);
    if (withOwner && i === 0) {
      const owner = addProfessional(world, rng, field, ownerVerified - rng.int(1, 30) * DAY);
      owner.qualification = { licenseId: stolen, verifiedMs: ownerVerified };
      world.hardNegative(owner, 'licence-owner');
      postProNotes(world, rng, owner, field, rng.int(3, 12));
      continue;
    }
    const a = addProfessional(world, rng, field, daysAgo(rng, world.takenMs, 20, 700));
    const normalVerified = Math.min(world.takenMs - DAY, a.createdMs + rng.int(1, 20) * DAY);
    const scheme = reused ? 'reused-licence' : loneScheme();
    switch (scheme) {
      case 'reused-licence':
        a.qualification = { licenseId: stolen, verifiedMs: normalVerified };
        break;
      case 'verified-before-registration':
        a.qualification = { licenseId: licenceId(rng, true), verifiedMs: a.createdMs - rng.int(2, 400) * DAY };
        break;
      case 'verified-after-snapshot':
        a.qualification = { licenseId: licenceId(rng, true), verifiedMs: world.takenMs + rng.int(1, 300) * DAY + rng.int(0, 86_399) * 1000 };
        break;
      default:
        a.qualification = { licenseId: licenceId(rng, false), verifiedMs: normalVerified };
    }
    world.mark(a, 'false-qualification', scheme);
    postProNotes(world, rng, a, field, rng.int(2, 10));
    if (rng.chance(0.2)) {
      world.mark(a, 'misleading-marketing', 'unqualified-claims');
      for (let j = rng.int(2, 5); j > 0; j--) {
        const w = misleadingNote(rng, rng.pick(PRODUCTS));
        world.post(a, { createdMs: daysAgo(rng, world.takenMs, 1, 90) - rng.int(0, 86_399) * 1000, title: w.title, body: w.body, client: 'web', likeCount: rng.int(5, 300) });
      }
    }
  }
}
