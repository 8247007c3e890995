/** The per-sweep anchor, written once when a sweep finishes: a digest over its enforce entries. */
import type { AuditRepository } from '#shared/ports/auditRepository';
import { anchorDigest, type SweepAnchor } from './hashChain.ts';

export async function anchorSweep(repo: AuditRepository, sweepId: string, now: string): Promise<SweepAnchor> {
  const entries = (await repo.ledgerForSweep(sweepId)).filter((e) => e.step === 'enforce');
  return repo.anchorSweep(sweepId, { ...anchorDigest(entries), anchoredAt: now });
}
