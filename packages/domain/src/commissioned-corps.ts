/** USPHS Commissioned Corps ranks on the grade scale (docs/decisions/0100-domain-grade-equivalence.md). */
export interface CorpsRank {
  grade: string;
  title: string;
  abbreviation: string;
  rank: number;
}

export const CORPS_RANKS: readonly CorpsRank[] = [
  { grade: 'O-1', title: 'Ensign', abbreviation: 'ENS', rank: 7 },
  { grade: 'O-2', title: 'Lieutenant Junior Grade', abbreviation: 'LTJG', rank: 9 },
  { grade: 'O-3', title: 'Lieutenant', abbreviation: 'LT', rank: 11 },
  { grade: 'O-4', title: 'Lieutenant Commander', abbreviation: 'LCDR', rank: 12 },
  { grade: 'O-5', title: 'Commander', abbreviation: 'CDR', rank: 13 },
  { grade: 'O-6', title: 'Captain', abbreviation: 'CAPT', rank: 14.5 },
  { grade: 'O-7', title: 'Rear Admiral (lower half)', abbreviation: 'RDML', rank: 16 },
  { grade: 'O-8', title: 'Rear Admiral', abbreviation: 'RADM', rank: 16 },
  { grade: 'O-9', title: 'Vice Admiral', abbreviation: 'VADM', rank: 16 },
  { grade: 'O-10', title: 'Admiral', abbreviation: 'ADM', rank: 16 },
];

/** Accepts 'O-4', 'O4', '04', '4' or the abbreviation 'LCDR'. */
export function findCorpsRank(grade: string): CorpsRank | undefined {
  const g = grade.trim().toUpperCase();
  const byAbbreviation = CORPS_RANKS.find((r) => r.abbreviation === g);
  if (byAbbreviation) return byAbbreviation;
  const digits = /^O?-?0*(\d{1,2})$/.exec(g)?.[1];
  return digits === undefined ? undefined : CORPS_RANKS.find((r) => r.grade === `O-${digits}`);
}
