import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { employees, menteeApplications, mentorApplications, roleGrants, users } from '../db/schema/index.js';
import { hashPassword } from '../services/accounts/accounts.js';
import { RESPONSIBILITIES_VERSION } from '../services/journey/applications.js';
import type { EmployeeSeed, Workforce } from './workforce.js';
import { demoAnchor, seedLivingProgram } from './living-program.js';
import { seedTrainingCatalogue } from './training.js';

export const DEMO_PASSWORD = 'Mentoring-Demo-2026!';
export type DemoAccount = { role: string; email: string; name: string; employeeId: string };

const demo = (
  id: string,
  first: string,
  last: string,
  opdiv: string,
  payPlan: string,
  grade: string,
  rank: number,
  series: string,
  title: string,
  city: string,
  state: string,
  supervisorId: string | null,
): EmployeeSeed => ({
  id,
  firstName: first,
  lastName: last,
  email: `${first}.${last}@${opdiv}.hhs.gov`.toLowerCase(),
  phone: '(404) 555-0100',
  opdiv,
  payPlan,
  grade,
  gradeRank: rank,
  occupationSeries: series,
  occupationTitle: title,
  city,
  state,
  timeZone: 'America/New_York',
  supervisorId,
  commissionedCorps: false,
});

/** Named people for demos and browser tests: one for each role, printed at start-up in development. */
export const DEMO_PEOPLE = [
  {
    role: 'program manager',
    person: demo(
      'E9000001',
      'Morgan',
      'Ellis',
      'OS',
      'GS',
      '15',
      15,
      '0340',
      'Mentoring Program Manager (HHS University)',
      'Washington',
      'DC',
      null,
    ),
    grant: { role: 'program_manager' as const, opdiv: null },
  },
  {
    role: 'coordinator (CDC)',
    person: demo(
      'E9000002',
      'Priya',
      'Natarajan',
      'CDC',
      'GS',
      '14',
      14,
      '0201',
      'Mentoring Program Coordinator',
      'Atlanta',
      'GA',
      null,
    ),
    grant: { role: 'coordinator' as const, opdiv: 'CDC' },
  },
  {
    role: 'supervisor',
    person: demo(
      'E9000003',
      'Samuel',
      'Okafor',
      'CDC',
      'GS',
      '14',
      14,
      '0685',
      'Supervisory Public Health Analyst',
      'Atlanta',
      'GA',
      null,
    ),
    grant: null,
  },
  {
    role: 'mentee',
    person: demo(
      'E9000004',
      'Jordan',
      'Rivera',
      'CDC',
      'GS',
      '11',
      11,
      '0685',
      'Public Health Analyst',
      'Atlanta',
      'GA',
      'E9000003',
    ),
    grant: null,
  },
  {
    role: 'mentor',
    person: demo(
      'E9000005',
      'Dana',
      'Whitfield',
      'NIH',
      'GS',
      '14',
      14,
      '0340',
      'Program Manager',
      'Bethesda',
      'MD',
      null,
    ),
    grant: null,
  },
];

/**
 * The synthetic workforce is made with faker, a development dependency: the production image leaves it out
 * (decision 0604), so it is loaded only when a demo or benchmark asks for it.
 */
async function generateWorkforce(size: number, seed?: number): Promise<Workforce> {
  const workforce = await import('./workforce.js').catch((error: unknown) => {
    throw new Error(
      'The demo workforce needs the development dependencies (SEED=demo is not for production images)',
      { cause: error },
    );
  });
  return workforce.generateWorkforce(size, seed);
}

async function insertWorkforce(db: Db, w: Workforce, now = new Date()) {
  for (let i = 0; i < w.employees.length; i += 1000)
    await db.insert(employees).values(w.employees.slice(i, i + 1000));
  // Applications arrived over the last four months (deterministic), so waiting times look like a running program.
  const applied = (i: number) => {
    const at = new Date(now.getTime() - ((i * 37) % 120) * 86_400_000);
    return {
      acknowledgedAt: at,
      acknowledgementVersion: RESPONSIBILITIES_VERSION,
      createdAt: at,
      updatedAt: at,
    };
  };
  for (let i = 0; i < w.mentors.length; i += 1000)
    await db
      .insert(mentorApplications)
      .values(w.mentors.slice(i, i + 1000).map((m, k) => ({ ...m, ...applied(i + k) })));
  for (let i = 0; i < w.mentees.length; i += 1000)
    await db
      .insert(menteeApplications)
      .values(w.mentees.slice(i, i + 1000).map((m, k) => ({ ...m, ...applied(i + k + 11) })));
}

export type DemoOptions = {
  /** The day the demo's dates are counted from (decision 1004): the start of today (UTC) unless a test fixes it. */
  anchor?: Date;
  /** The demo mentee and mentor's own pair in its working year (default true; the browser tests walk their journey). */
  livePair?: boolean;
};

/** Seeds the synthetic workforce and the demo accounts, once: a database that has employees is left alone. */
export async function seedDemo(
  db: Db,
  size = 2000,
  options: DemoOptions = {},
): Promise<DemoAccount[] | null> {
  const anchor = options.anchor ?? demoAnchor();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(employees);
  if ((row?.n ?? 0) > 0) return null;
  const w = await generateWorkforce(size);
  // The demo supervisor reports into the generated CDC tree; the demo mentor sits under NIH's head.
  const cdcHead = w.employees.find((e) => e.opdiv === 'CDC' && e.supervisorId === null);
  const nihHead = w.employees.find((e) => e.opdiv === 'NIH' && e.supervisorId === null);
  const people = DEMO_PEOPLE.map((d) => ({
    ...d.person,
    supervisorId:
      d.person.supervisorId ??
      (d.person.opdiv === 'CDC'
        ? (cdcHead?.id ?? null)
        : d.person.opdiv === 'NIH'
          ? (nihHead?.id ?? null)
          : null),
  }));
  const [mentee, mentor] = [people[3]!, people[4]!];
  await insertWorkforce(
    db,
    {
      employees: [...w.employees, ...people],
      mentors: [
        ...w.mentors,
        {
          employeeId: mentor.id,
          bio: 'Program manager at NIH; twenty years across CDC and NIH running public health programs.',
          education: 'M.P.H., Emory University',
          positions: [
            { title: 'Program Manager', organization: 'NIH', years: 9 },
            { title: 'Public Health Analyst', organization: 'CDC', years: 11 },
          ],
          communicationMethods: ['video', 'phone', 'email'],
          competencies: ['strategic-thinking', 'accountability', 'conflict-management', 'decisiveness'],
          technicalAreas: 'public health program management, budget formulation, policy analysis',
          platforms: ['s2j', 'p2p'],
          capacity: 3,
          acceptsOtherOpdivs: true,
        },
      ],
      mentees: [
        ...w.mentees,
        {
          employeeId: mentee.id,
          bio: 'Public health analyst at CDC working on chronic disease programs.',
          education: 'M.P.H.',
          positions: [{ title: 'Public Health Analyst', organization: 'CDC', years: 4 }],
          communicationMethods: ['video', 'email'],
          developmentalNeeds: ['strategic-thinking', 'conflict-management', 'accountability'],
          shortTermGoals: 'Lead a program evaluation and present findings to senior leadership.',
          longTermGoals: 'Become a program manager running public health programs and their budget.',
          platform: 's2j',
          locationPreference: 'cross_opdiv',
        },
      ],
    },
    anchor,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  for (const d of DEMO_PEOPLE) {
    const [user] = await db
      .insert(users)
      .values({ employeeId: d.person.id, email: d.person.email, passwordHash, emailVerifiedAt: new Date() })
      .returning();
    if (d.grant) await db.insert(roleGrants).values({ userId: user!.id, ...d.grant });
    accounts.push({
      role: d.role,
      email: d.person.email,
      name: `${d.person.firstName} ${d.person.lastName}`,
      employeeId: d.person.id,
    });
  }
  await seedTrainingCatalogue(db, DEMO_PEOPLE[0]!.person.id, [mentor.id]);
  await seedLivingProgram(db, w, people, anchor, options.livePair ?? true);
  return accounts;
}

/** The same workforce without accounts, for benchmarks (90,000 people) and tests. */
export async function seedWorkforce(db: Db, size: number, seed?: number): Promise<Workforce> {
  const w = await generateWorkforce(size, seed);
  await insertWorkforce(db, w);
  await db.execute(sql`analyze`); // fresh planner statistics after a bulk load
  return w;
}
