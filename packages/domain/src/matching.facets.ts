import type { MentorProfile } from './types.js';

/**
 * Mentors grouped by equal values of the fields one criterion reads: `of[i]` is mentor i's class, `reps[c]` the index
 * of one mentor of class c. The scorer evaluates each criterion once per class (a few hundred at most) with the
 * ordinary criterion functions on the representative, then looks the result up per mentor: same numbers, no work
 * per mentor (docs/decisions/0103).
 */
export interface MentorClasses {
  of: Int32Array;
  reps: number[];
}

function classify(mentors: readonly MentorProfile[], key: (m: MentorProfile) => string): MentorClasses {
  const ids = new Map<string, number>();
  const of = new Int32Array(mentors.length);
  const reps: number[] = [];
  mentors.forEach((m, i) => {
    const k = key(m);
    let c = ids.get(k);
    if (c === undefined) ids.set(k, (c = reps.push(i) - 1));
    of[i] = c;
  });
  return { of, reps };
}

/** Per-mentor facts the ranking reads, precomputed once per index. Profiles must not change after indexing. */
export interface MentorFacets {
  /** Grade rank and label: the platform criterion and the S2J grade rule. */
  grade: MentorClasses;
  /** OPDIV, city, state and time zone: geography and the OPDIV choice. */
  place: MentorClasses;
  communication: MentorClasses;
  platforms: MentorClasses;
  /** Capacity and live mentee count. */
  load: MentorClasses;
  /** 1 when active and not paused (R-APP-2). */
  available: Uint8Array;
  acceptsOtherOpdivs: Uint8Array;
  /** Position in (employee id, index) order: the ranking's tie-break without comparing strings. */
  idOrder: Int32Array;
  /** employee id → mentor indexes, to drop the mentee and the mentors they invited or who declined them. */
  positions: ReadonlyMap<string, number[]>;
  /** competency code → indexes of the mentors who offer it, ascending. */
  competencyPostings: ReadonlyMap<string, Int32Array>;
}

const SEP = '\u0000';

export function buildMentorFacets(
  mentors: readonly MentorProfile[],
  competencies: ReadonlyArray<ReadonlySet<string>>,
): MentorFacets {
  const n = mentors.length;
  const ids = mentors.map((m) => m.employeeId);
  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b,
  );
  const idOrder = new Int32Array(n);
  byId.forEach((i, position) => (idOrder[i] = position));
  const positions = new Map<string, number[]>();
  const lists = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  ids.forEach((id, i) => add(positions, id, i));
  competencies.forEach((set, i) => {
    for (const code of set) add(lists, code, i);
  });
  return {
    grade: classify(mentors, (m) => `${m.employee.grade.rank}${SEP}${m.employee.grade.label}`),
    place: classify(mentors, ({ employee: e }) => [e.opdiv, e.city, e.state, e.timeZone].join(SEP)),
    communication: classify(mentors, (m) => m.communicationMethods.join(SEP)),
    platforms: classify(mentors, (m) => m.platforms.join(SEP)),
    load: classify(mentors, (m) => `${m.capacity}${SEP}${m.liveMenteeCount}`),
    available: Uint8Array.from(mentors, (m) => (m.active && !m.paused ? 1 : 0)),
    acceptsOtherOpdivs: Uint8Array.from(mentors, (m) => (m.acceptsOtherOpdivs ? 1 : 0)),
    idOrder,
    positions,
    competencyPostings: new Map([...lists].map(([code, list]) => [code, Int32Array.from(list)])),
  };
}
