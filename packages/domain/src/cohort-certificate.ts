import type { CohortEdge, CohortMentor, CohortResult } from './cohort-matching.js';
import { gainOf } from './cohort-repair.js';

export type CertificateCheck =
  { ok: true; bound: number } | { ok: false; rule: 'R-MATCH-4-OPT'; detail: string };

/**
 * R-MATCH-4-OPT, checked apart from the solver: over every eligible edge given (not only those the solve saw), the
 * duals are non-negative and cover each edge (u(mentee) + v(mentor) ≥ gain), the pairs respect one mentor per mentee
 * and every capacity, and the dual bound Σu + Σ capacity·v is the proof's bound; for `optimal`, it equals the total.
 * By weak duality no assignment scores more than that bound. Exact: everything is in hundredths of a point.
 */
export function verifyCohortCertificate(
  menteeIds: readonly string[],
  mentors: readonly CohortMentor[],
  eligible: readonly CohortEdge[],
  result: CohortResult,
): CertificateCheck {
  const fail = (detail: string): CertificateCheck => ({ ok: false, rule: 'R-MATCH-4-OPT', detail });
  const { menteeValue, mentorPrice } = result.duals;
  const capacity = new Map(mentors.map((m) => [m.id, Math.max(0, m.remainingCapacity)]));
  const mentees = new Set(menteeIds);
  const value = (id: string) => menteeValue.get(id) ?? 0;
  const price = (id: string) => mentorPrice.get(id) ?? 0;
  for (const [id, u] of menteeValue)
    if (!(u >= 0) || !Number.isInteger(u)) return fail(`mentee ${id} has value ${u}`);
  for (const [id, v] of mentorPrice)
    if (!(v >= 0) || !Number.isInteger(v)) return fail(`mentor ${id} has price ${v}`);
  for (const e of eligible) {
    if (!mentees.has(e.menteeId) || !((capacity.get(e.mentorId) ?? 0) > 0) || !(e.score > 0)) continue;
    if (value(e.menteeId) + price(e.mentorId) < gainOf(e.score))
      return fail(`edge ${e.menteeId}–${e.mentorId} (${e.score}) is not covered`);
  }
  const used = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;
  for (const p of result.pairs) {
    if (seen.has(p.menteeId) || !mentees.has(p.menteeId))
      return fail(`mentee ${p.menteeId} paired twice or not in the cohort`);
    seen.add(p.menteeId);
    used.set(p.mentorId, (used.get(p.mentorId) ?? 0) + 1);
    if ((used.get(p.mentorId) ?? 0) > (capacity.get(p.mentorId) ?? 0))
      return fail(`mentor ${p.mentorId} over capacity`);
    total += gainOf(p.score);
  }
  if (total !== gainOf(result.total)) return fail(`pairs add up to ${total / 100}, not ${result.total}`);
  let bound = 0;
  for (const id of mentees) bound += value(id);
  for (const [id, c] of capacity) bound += c * price(id);
  if (bound !== gainOf(result.proof.bound))
    return fail(`dual bound ${bound / 100} ≠ claimed ${result.proof.bound}`);
  if (result.proof.status === 'optimal' && bound !== total)
    return fail(`claimed optimal, but the bound ${bound / 100} exceeds the total ${total / 100}`);
  if (gainOf(result.proof.gap) !== bound - total)
    return fail(`gap ${result.proof.gap} ≠ ${(bound - total) / 100}`);
  return { ok: true, bound: bound / 100 };
}
