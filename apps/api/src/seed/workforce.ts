import { Faker, en } from '@faker-js/faker';
import { COMPETENCIES, FOCUS_COMPETENCY_CODES, parseGrade } from '@hhs-mentoring/domain';
import type { PositionHeld } from '../db/schema/applications.js';
import {
  CC_HEAVY_OPDIVS,
  CC_RANK_WEIGHTS,
  GS_GRADE_WEIGHTS,
  LOCATIONS,
  OCCUPATIONS,
  OPDIVS,
} from './hhs-data.js';

export type EmployeeSeed = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  opdiv: string;
  payPlan: string;
  grade: string;
  gradeRank: number;
  occupationSeries: string;
  occupationTitle: string;
  city: string;
  state: string;
  timeZone: string;
  supervisorId: string | null;
  commissionedCorps: boolean;
};
type Background = {
  bio: string;
  education: string;
  positions: PositionHeld[];
  communicationMethods: string[];
};
export type MentorSeed = Background & {
  employeeId: string;
  competencies: string[];
  technicalAreas: string;
  platforms: string[];
  capacity: number;
  acceptsOtherOpdivs: boolean;
};
export type MenteeSeed = Background & {
  employeeId: string;
  developmentalNeeds: string[];
  shortTermGoals: string;
  longTermGoals: string;
  platform: 's2j' | 'p2p';
  locationPreference: 'same_location' | 'same_opdiv' | 'cross_opdiv' | 'no_preference';
};
export type Workforce = { employees: EmployeeSeed[]; mentors: MentorSeed[]; mentees: MenteeSeed[] };

const METHODS = ['in_person', 'phone', 'video', 'email'];
const DEGREES = [
  'B.S. Biology',
  'B.A. Public Policy',
  'M.P.H.',
  'M.B.A.',
  'Ph.D. Epidemiology',
  'J.D.',
  'M.S. Statistics',
  'B.S.N.',
  'Pharm.D.',
  'M.D.',
  'B.S. Computer Science',
  'M.P.A.',
];
const GOAL_STEMS = [
  'Prepare for a supervisory role leading a team in',
  'Strengthen my skills in',
  'Move into a policy position focused on',
  'Build a network across HHS around',
  'Take on a detail assignment in',
  'Grow toward a senior program management role in',
];

/**
 * A deterministic synthetic HHS workforce: real OPDIVs, their duty locations, a realistic grade mix,
 * Commissioned Corps officers, supervisor trees (a supervisor always holds a higher grade, so there are no cycles),
 * and a share of employees who applied as mentor and/or mentee. Same seed → same workforce.
 */
export function generateWorkforce(size: number, seed = 2026): Workforce {
  const f = new Faker({ locale: [en] });
  f.seed(seed);
  const totalShare = OPDIVS.reduce((s, o) => s + o.share, 0);
  const employees: EmployeeSeed[] = [];
  const emails = new Set<string>();
  let next = 1;
  for (const opdiv of OPDIVS) {
    const count = Math.max(3, Math.round((size * opdiv.share) / totalShare));
    const people: EmployeeSeed[] = [];
    const places = LOCATIONS[opdiv.code]!;
    for (let i = 0; i < count; i++) {
      const id = `E${String(next++).padStart(7, '0')}`;
      const cc = f.number.float() < (CC_HEAVY_OPDIVS.has(opdiv.code) ? 0.09 : 0.01);
      const ses = !cc && f.number.float() < 0.012;
      const [payPlan, grade] = cc
        ? [
            'CC',
            f.helpers.weightedArrayElement(CC_RANK_WEIGHTS.map(([value, weight]) => ({ value, weight }))),
          ]
        : ses
          ? ['ES', 'SES']
          : [
              'GS',
              String(
                f.helpers.weightedArrayElement(
                  GS_GRADE_WEIGHTS.map(([value, weight]) => ({ value, weight })),
                ),
              ),
            ];
      const parsed = parseGrade(payPlan, grade);
      if (!parsed.ok) throw new Error(`generator made an unknown grade ${payPlan}-${grade}`);
      const occ = f.helpers.arrayElement(OCCUPATIONS);
      const place = i < count * 0.55 ? places[0]! : f.helpers.arrayElement(places);
      const firstName = f.person.firstName();
      const lastName = f.person.lastName();
      let email = `${firstName}.${lastName}@${opdiv.code}.hhs.gov`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
      if (emails.has(email)) email = email.replace('@', `${id.slice(-4)}@`);
      emails.add(email);
      people.push({
        id,
        firstName,
        lastName,
        email,
        phone: f.phone.number({ style: 'national' }),
        opdiv: opdiv.code,
        payPlan,
        grade,
        gradeRank: parsed.grade.rank,
        occupationSeries: occ[0],
        occupationTitle: occ[1],
        city: place[0],
        state: place[1],
        timeZone: place[2],
        supervisorId: null,
        commissionedCorps: cc,
      });
    }
    assignSupervisors(f, people);
    employees.push(...people);
  }
  const mentors: MentorSeed[] = [];
  const mentees: MenteeSeed[] = [];
  for (const e of employees) {
    const occWords = OCCUPATIONS.find((o) => o[0] === e.occupationSeries)![2];
    if (e.gradeRank >= 11 && f.number.float() < (e.gradeRank >= 13 ? 0.11 : 0.05))
      mentors.push(mentorFor(f, e, occWords));
    if (e.gradeRank <= 14 && f.number.float() < 0.1) mentees.push(menteeFor(f, e));
  }
  return { employees, mentors, mentees };
}

function assignSupervisors(f: Faker, people: EmployeeSeed[]) {
  const byRank = [...people].sort((a, b) => b.gradeRank - a.gradeRank || a.id.localeCompare(b.id));
  const head = byRank[0]!;
  // About one supervisor for every eight people, drawn from grade 12 and up.
  const managers = byRank.filter((p, i) => i === 0 || (p.gradeRank >= 12 && f.number.float() < 0.3));
  for (const p of byRank.slice(1)) {
    const higher = managers.filter((m) => m.gradeRank > p.gradeRank);
    p.supervisorId =
      higher.length === 0 ? head.id : f.helpers.arrayElement(higher.slice(-Math.min(higher.length, 40))).id;
  }
}

function background(f: Faker, e: EmployeeSeed, occWords: string): Background {
  const years = f.number.int({ min: 2, max: 25 });
  return {
    bio: `${e.occupationTitle} at ${e.opdiv} in ${e.city}, ${e.state}. Works on ${occWords}.`,
    education: f.helpers.arrayElement(DEGREES),
    positions: [
      { title: e.occupationTitle, organization: e.opdiv, years: Math.min(years, 8) },
      {
        title: f.helpers.arrayElement(OCCUPATIONS)[1],
        organization: f.helpers.arrayElement(OPDIVS).code,
        years: f.number.int({ min: 1, max: 10 }),
      },
    ],
    communicationMethods: f.helpers.arrayElements(METHODS, { min: 1, max: 4 }),
  };
}

function mentorFor(f: Faker, e: EmployeeSeed, occWords: string): MentorSeed {
  const focus = f.helpers.arrayElements(FOCUS_COMPETENCY_CODES as string[], { min: 1, max: 3 });
  const others = f.helpers.arrayElements(
    COMPETENCIES.map((c) => c.code),
    { min: 1, max: 3 },
  );
  return {
    employeeId: e.id,
    ...background(f, e, occWords),
    competencies: [...new Set([...focus, ...others])],
    technicalAreas: occWords,
    platforms: f.helpers.weightedArrayElement([
      { value: ['s2j'], weight: 6 },
      { value: ['s2j', 'p2p'], weight: 3 },
      { value: ['p2p'], weight: 1 },
    ]),
    capacity: f.number.int({ min: 1, max: 5 }),
    acceptsOtherOpdivs: f.number.float() < 0.8,
  };
}

function menteeFor(f: Faker, e: EmployeeSeed): MenteeSeed {
  const target = f.helpers.arrayElement(OCCUPATIONS);
  return {
    employeeId: e.id,
    ...background(f, e, target[2]),
    developmentalNeeds: f.helpers
      .arrayElements(
        [
          ...(FOCUS_COMPETENCY_CODES as string[]),
          ...f.helpers.arrayElements(
            COMPETENCIES.map((c) => c.code),
            3,
          ),
        ],
        { min: 2, max: 4 },
      )
      .filter((c, i, all) => all.indexOf(c) === i),
    shortTermGoals: `${f.helpers.arrayElement(GOAL_STEMS)} ${target[2].split(' ').slice(0, 3).join(', ')}.`,
    longTermGoals: `${f.helpers.arrayElement(GOAL_STEMS)} ${target[1].toLowerCase()} work: ${target[2]}.`,
    platform: f.number.float() < 0.75 ? 's2j' : 'p2p',
    locationPreference: f.helpers.arrayElement([
      'same_location',
      'same_opdiv',
      'cross_opdiv',
      'no_preference',
    ] as const),
  };
}
