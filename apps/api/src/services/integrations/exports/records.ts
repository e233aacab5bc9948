import { sql, type SQL } from 'drizzle-orm';
import { opdivIn, pairIn, type Scope } from '../../coordination/scope.js';
import { anyOf } from '../../../db/any-of.js';

/** Only the records named (change-feed ids), or every record when `ids` is absent. */
const onlyIds = (column: SQL, ids: string[] | undefined) => (ids ? anyOf(column, ids) : sql`true`);

/**
 * R-EXP-1: participants — one row per application, keyed like the applications change feed (`mentor:E…`,
 * `mentee:E…`). No names, contact details or free text: a warehouse joins the HR id to what HR already holds.
 */
export const participants = (scope: Scope, ids?: string[]): SQL => sql`
  select a.key as export_key, a.key as id, a.employee_id as "employeeId", a.role, e.opdiv, e.pay_plan as "payPlan",
    e.grade, e.occupation_series as "occupationSeries", e.state, a.platforms, a.capacity, a.paused,
    a.competencies, a.created_at as "appliedAt", a.withdrawn_at as "withdrawnAt", a.updated_at as "updatedAt"
  from (
    select 'mentor:' || employee_id as key, employee_id, 'mentor' as role, array_to_string(platforms, ';') as platforms,
      capacity, paused, array_to_string(competencies, ';') as competencies, created_at, withdrawn_at, updated_at
    from mentor_applications
    union all
    select 'mentee:' || employee_id, employee_id, 'mentee', platform, null, null,
      array_to_string(developmental_needs, ';'), created_at, withdrawn_at, updated_at
    from mentee_applications
  ) a join employees e on e.id = a.employee_id
  where ${opdivIn(sql`e.opdiv`, scope)} and ${onlyIds(sql`a.key`, ids)}`;

/**
 * R-EXP-1: relationships with their milestones and outcome, one row each. The pair's documents, the termination
 * reason and the coordinator's guidance stay out (R-SEC-1): only dates, states and who asked.
 */
export const relationships = (scope: Scope, ids?: string[]): SQL => sql`
  select r.id::text as export_key, r.id::text as id, r.mentee_id as "menteeId", me.opdiv as "menteeOpdiv",
    r.mentor_id as "mentorId", mo.opdiv as "mentorOpdiv", r.platform, r.state, r.confirmed_at as "confirmedAt",
    r.orientation_at as "orientationAt", r.orientation_waived as "orientationWaived",
    r.agreement_completed_at as "agreementCompletedAt", r.idp_completed_at as "idpCompletedAt",
    r.progress_mentor_at as "progressReportMentorAt", r.progress_mentee_at as "progressReportMenteeAt",
    r.survey_mentor_at as "completionSurveyMentorAt", r.survey_mentee_at as "completionSurveyMenteeAt",
    r.termination_requested_by as "terminationRequestedBy", r.termination_requested_at as "terminationRequestedAt",
    case when r.state = 'completed' and r.completed_early then 'completed_early'
         when r.state in ('completed', 'terminated') then r.state end as outcome,
    r.ended_at as "endedAt", r.updated_at as "updatedAt"
  from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
  where ${pairIn(sql`me.opdiv`, sql`mo.opdiv`, scope)} and ${onlyIds(sql`r.id::text`, ids)}`;

/** R-EXP-1: training attendance (from the LMS or a coordinator), one row each, keyed like its change feed. */
export const trainingAttendance = (scope: Scope, ids?: string[]): SQL => sql`
  select a.id::text as export_key, a.id::text as id, a.employee_id as "employeeId", e.opdiv, a.event_id::text as "eventId",
    t.kind as "eventKind", t.title as "eventTitle", t.competency_code as "competencyCode",
    t.lms_course_id as "lmsCourseId", a.attended_at as "attendedAt", a.source
  from training_attendance a join employees e on e.id = a.employee_id join training_events t on t.id = a.event_id
  where ${opdivIn(sql`e.opdiv`, scope)} and ${onlyIds(sql`a.id::text`, ids)}`;
