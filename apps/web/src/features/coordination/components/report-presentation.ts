import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type Row = Schemas['Report']['rows'][number];
type Cell = Row[string] | undefined;

/** "3.3 % (4 of 120)": a rate with the counts it comes from (docs/content-style.md). */
export function percentWithCounts(part: number, whole: number): string {
  if (!whole) return 'None to count';
  const pct = (part / whole) * 100;
  return `${pct.toLocaleString('en-US', { maximumFractionDigits: 1 })} % (${part.toLocaleString('en-US')} of ${whole.toLocaleString('en-US')})`;
}

const AREA: Record<string, string> = {
  program_objectives: 'Program objectives (1 to 5)',
  selection_matching: 'Selection and matching (1 to 5)',
  relationship: 'The mentoring relationship (1 to 5)',
  training: 'Training (1 to 5)',
  program_support: 'Program support (1 to 5)',
  would_recommend: 'Would recommend the program (0 to 10)',
};
const ROLE: Record<string, string> = { mentor: 'Mentors', mentee: 'Mentees' };
const PLATFORM: Record<string, string> = {
  s2j: 'Senior-to-Junior',
  p2p: 'Peer-to-Peer',
  ALL: 'All platforms',
};
const DIMENSION: Record<string, string> = {
  opdiv: 'By operating division',
  platform: 'By platform',
  grade_band: 'By grade band',
  state: 'By state',
};
/** How a relationship ended (R-LIFE-5, R-END-2, R-LIFE-7), in words that cannot be read as one another. */
const OUTCOME = {
  completed: 'Completed the full year',
  completedEarly: 'Completed early, goals met',
  terminated: 'Ended before completion',
} as const;
const opdiv = (v: Cell) => (v === 'ALL' ? 'All in scope' : String(v ?? ''));
const count = (v: Cell) => (typeof v === 'number' ? v.toLocaleString('en-US') : '—');
const days = (v: Cell) => (typeof v === 'number' ? `${v.toLocaleString('en-US')} days` : '—');

export type Column = { label: string; show: (row: Row) => string };
export type Chart = {
  title: string;
  category: string;
  rows: Row[];
  series: { key: string; label: string }[];
  name: (row: Row) => string;
};
export type Presentation = { columns: Column[]; charts: Chart[] };

const rateOf = (part: string, whole: string) => (row: Row) =>
  typeof row[part] === 'number' && typeof row[whole] === 'number'
    ? percentWithCounts(row[part] as number, row[whole] as number)
    : '—';

/** Each report's columns in words, its rates as percentages with counts, and its charts by value. */
export function present(report: string, rows: Row[]): Presentation {
  switch (report) {
    case 'participation':
      return {
        columns: [
          { label: 'Grouped', show: (r) => DIMENSION[String(r.dimension)] ?? '' },
          { label: 'Group', show: (r) => String(r.label ?? r.value ?? '') },
          { label: 'Mentors', show: (r) => count(r.mentors) },
          { label: 'Mentees', show: (r) => count(r.mentees) },
        ],
        charts: Object.keys(DIMENSION)
          .map((d) => ({
            title: `Mentors and mentees, ${DIMENSION[d]!.toLowerCase()}`,
            category: DIMENSION[d]!.replace('By ', '').replace(/^./, (c) => c.toUpperCase()),
            rows: rows.filter((r) => r.dimension === d),
            series: [
              { key: 'mentors', label: 'Mentors' },
              { key: 'mentees', label: 'Mentees' },
            ],
            name: (r: Row) => String(r.label ?? r.value ?? ''),
          }))
          .filter((c) => c.rows.length > 0 && c.rows.length <= 20),
      };
    case 'matching':
      return {
        columns: [
          { label: 'Operating division', show: (r) => opdiv(r.opdiv) },
          { label: 'Mentees who applied', show: (r) => count(r.applicants) },
          { label: 'Matched', show: rateOf('matched', 'applicants') },
          { label: 'Relationships confirmed', show: (r) => count(r.relationshipsConfirmed) },
          { label: 'Median time to a match', show: (r) => days(r.medianDaysToMatch) },
          { label: '9 in 10 matched within', show: (r) => days(r.p90DaysToMatch) },
        ],
        charts: [
          {
            title: 'Mentees who applied and were matched, by operating division',
            category: 'Operating division',
            rows,
            series: [
              { key: 'applicants', label: 'Applied' },
              { key: 'matched', label: 'Matched' },
            ],
            name: (r) => opdiv(r.opdiv),
          },
        ],
      };
    case 'outcomes':
      return {
        columns: [
          { label: 'Operating division', show: (r) => opdiv(r.opdiv) },
          { label: 'Platform', show: (r) => PLATFORM[String(r.platform)] ?? String(r.platform) },
          { label: 'Relationships confirmed', show: (r) => count(r.confirmed) },
          { label: 'Still under way', show: (r) => count(r.live) },
          { label: OUTCOME.completed, show: rateOf('completed', 'confirmed') },
          { label: OUTCOME.completedEarly, show: rateOf('completedEarly', 'confirmed') },
          { label: OUTCOME.terminated, show: rateOf('terminated', 'confirmed') },
        ],
        charts: [
          {
            title: 'How the relationships confirmed in this period went, by operating division and platform',
            category: 'Operating division and platform',
            rows,
            series: [
              { key: 'live', label: 'Still under way' },
              { key: 'completed', label: OUTCOME.completed },
              { key: 'completedEarly', label: OUTCOME.completedEarly },
              { key: 'terminated', label: OUTCOME.terminated },
            ],
            name: (r) => `${opdiv(r.opdiv)}, ${PLATFORM[String(r.platform)] ?? String(r.platform)}`,
          },
        ],
      };
    case 'evaluation':
      return {
        columns: [
          { label: 'Operating division', show: (r) => opdiv(r.opdiv) },
          { label: 'Answered by', show: (r) => ROLE[String(r.role)] ?? String(r.role) },
          { label: 'Question', show: (r) => AREA[String(r.area)] ?? String(r.area) },
          {
            label: 'People who answered',
            show: (r) => (r.suppressed ? 'Too few to show' : count(r.respondents)),
          },
          {
            label: 'Average score',
            show: (r) =>
              r.suppressed || typeof r.mean !== 'number'
                ? 'Hidden: too few answers'
                : r.mean.toLocaleString('en-US', { maximumFractionDigits: 1 }),
          },
        ],
        charts: [],
      };
    default:
      return { columns: [], charts: [] };
  }
}

/** "From March 4, 2026 to March 4, 2027, for CDC and NIH." */
export function rangeAndScope(r: Pick<Schemas['Report'], 'from' | 'to' | 'scope'>): string {
  const who = !r.scope
    ? 'all of HHS'
    : r.scope.length === 1
      ? r.scope[0]
      : `${r.scope.slice(0, -1).join(', ')} and ${r.scope.at(-1)}`;
  return `From ${formatDate(r.from)} to ${formatDate(r.to)}, for ${who}.`;
}
