import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseGrade } from '@hhs-mentoring/domain';
import {
  employees,
  menteeApplications,
  mentorApplications,
  roleGrants,
  users,
} from '../../src/db/schema/index.js';
import { RESPONSIBILITIES_VERSION } from '../../src/services/journey/applications.js';

type EmployeeRow = typeof employees.$inferInsert;
/** The directory fields a test may set on a person. */
export type EmployeeFields = Partial<EmployeeRow>;
let counter = 0;

/** A directory entry with sensible defaults; every call makes a new person. */
export async function makeEmployee(app: FastifyInstance, overrides: EmployeeFields = {}) {
  counter += 1;
  const id = overrides.id ?? `T${randomUUID().slice(0, 8)}${counter}`;
  const payPlan = overrides.payPlan ?? 'GS';
  const grade = overrides.grade ?? '12';
  const parsed = parseGrade(payPlan, grade);
  if (!parsed.ok) throw new Error(parsed.detail);
  const row: EmployeeRow = {
    id,
    firstName: 'Test',
    lastName: `Person${counter}`,
    email: `${id.toLowerCase()}@test.hhs.gov`,
    phone: '(301) 555-0199',
    opdiv: 'CDC',
    occupationSeries: '0343',
    occupationTitle: 'Management and Program Analyst',
    city: 'Atlanta',
    state: 'GA',
    timeZone: 'America/New_York',
    supervisorId: null,
    ...overrides,
    payPlan,
    grade,
    gradeRank: parsed.grade.rank,
  };
  const [saved] = await app.db.insert(employees).values(row).returning();
  return saved!;
}

export type Grant = { role: 'coordinator'; opdiv: string } | { role: 'program_manager' };

/** An account for an employee (made if not given) and a bearer token for it. */
export async function makeUser(
  app: FastifyInstance,
  options: { employee?: EmployeeFields; grants?: Grant[] } = {},
) {
  const employee = await makeEmployee(app, options.employee);
  const [user] = await app.db
    .insert(users)
    .values({ employeeId: employee.id, email: employee.email, emailVerifiedAt: new Date() })
    .returning();
  for (const g of options.grants ?? [])
    await app.db
      .insert(roleGrants)
      .values({ userId: user!.id, role: g.role, opdiv: g.role === 'coordinator' ? g.opdiv : null });
  const token = app.signUserToken(user!.id);
  return { employee, user: user!, token, auth: { authorization: `Bearer ${token}` } };
}

export async function makeMentorApplication(
  app: FastifyInstance,
  employeeId: string,
  overrides: Partial<typeof mentorApplications.$inferInsert> = {},
) {
  const [row] = await app.db
    .insert(mentorApplications)
    .values({
      employeeId,
      competencies: ['strategic-thinking', 'accountability'],
      technicalAreas: 'program management and budget',
      platforms: ['s2j', 'p2p'],
      capacity: 2,
      communicationMethods: ['video'],
      acknowledgedAt: new Date(),
      acknowledgementVersion: RESPONSIBILITIES_VERSION,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeMenteeApplication(
  app: FastifyInstance,
  employeeId: string,
  overrides: Partial<typeof menteeApplications.$inferInsert> = {},
) {
  const [row] = await app.db
    .insert(menteeApplications)
    .values({
      employeeId,
      developmentalNeeds: ['strategic-thinking', 'conflict-management'],
      shortTermGoals: 'Lead a program evaluation',
      longTermGoals: 'Become a program manager',
      platform: 's2j',
      communicationMethods: ['video'],
      acknowledgedAt: new Date(),
      acknowledgementVersion: RESPONSIBILITIES_VERSION,
      ...overrides,
    })
    .returning();
  return row!;
}
