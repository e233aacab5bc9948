import { problems } from '../../lib/problem.js';
import type { Scope } from '../coordination/scope.js';

export type ReportRange = { from: Date; to: Date };
export type ReportMeta = { report: string; scope: Scope; from: string; to: string; generatedAt: string };

/** [from, to): the last 12 months unless given; a date-only `to` includes that whole day. */
export function reportRange(q: { from?: string; to?: string }, now = new Date()): ReportRange {
  const to = q.to ? endOf(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 365 * 86_400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to)
    throw problems.badRequest('The date range is not valid: `from` must come before `to`.', [
      { field: '/querystring/from', message: 'must be before to' },
    ]);
  return { from, to };
}

const endOf = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000) : new Date(d);

export const meta = (report: string, scope: Scope, range: ReportRange, now = new Date()): ReportMeta => ({
  report,
  scope,
  from: range.from.toISOString(),
  to: range.to.toISOString(),
  generatedAt: now.toISOString(),
});

/** A share with three decimals, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
export const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
