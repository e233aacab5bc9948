import { COMPETENCY_ROWS, type CompetencyGroup } from './competencies.data.js';

export type { CompetencyGroup } from './competencies.data.js';

export interface Competency {
  code: string;
  name: string;
  group: CompetencyGroup;
  definition: string;
  /** One of the program's eight focus competencies (R-COMP-1). */
  focus: boolean;
}

export const FOCUS_COMPETENCY_CODES: readonly string[] = [
  'self-direction',
  'accountability',
  'leveraging-diversity',
  'conflict-management',
  'strategic-thinking',
  'organizational-systems-awareness',
  'customer-service',
  'decisiveness',
];

export const COMPETENCIES: readonly Competency[] = COMPETENCY_ROWS.map(([code, name, group, definition]) => ({
  code,
  name,
  group,
  definition,
  focus: FOCUS_COMPETENCY_CODES.includes(code),
}));

const BY_CODE = new Map(COMPETENCIES.map((c) => [c.code, c]));

export function findCompetency(code: string): Competency | undefined {
  return BY_CODE.get(code);
}

/** Display name for a code; an unknown code is shown as itself rather than hidden. */
export function competencyName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}
