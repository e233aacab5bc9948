// The journey's data in bulk SQL for the coordinator benchmarks (and for profiling them by hand).
/**
 * The journey's data in bulk SQL: 40 % of mentees in a relationship (every state, confirmed over the last 400 days,
 * with milestones, termination requests and help requests), 30 % with open invitations, some declined.
 */
export const JOURNEY = `
  with me as (select a.employee_id, a.platform, row_number() over (order by a.employee_id) as rn from mentee_applications a),
       mo as (select employee_id, row_number() over (order by employee_id) as rn, count(*) over () as n from mentor_applications)
  insert into relationships (mentee_id, mentor_id, platform, state, confirmed_at, orientation_at, agreement_completed_at, idp_completed_at,
    termination_requested_by, termination_requested_at, termination_from_state, termination_reason, ended_at)
  select me.employee_id, mo.employee_id, me.platform, s.state, c.at,
    case when s.state <> 'onboarding' then c.at + interval '10 days' end,
    case when s.state <> 'onboarding' or me.rn % 3 = 0 then c.at + interval '20 days' end,
    case when s.state <> 'onboarding' then c.at + interval '25 days' end,
    case when s.state = 'termination_requested' then 'mentee' end,
    case when s.state = 'termination_requested' then now() - interval '2 days' end,
    case when s.state = 'termination_requested' then 'active' end,
    case when s.state = 'termination_requested' then 'Schedules no longer fit' end,
    case when s.state in ('completed', 'terminated') then now() - interval '5 days' end
  from me join mo on mo.rn = (me.rn * 7) % mo.n + 1
  cross join lateral (select (array['onboarding','active','active','termination_requested','completed','terminated','active'])[me.rn % 7 + 1] as state) s
  cross join lateral (select now() - ((me.rn * 37) % 400) * interval '1 day' as at) c
  where me.rn % 10 < 4 and me.employee_id <> mo.employee_id`;
export const INVITATIONS = `
  with me as (select a.employee_id, a.platform, row_number() over (order by a.employee_id) as rn from mentee_applications a),
       mo as (select employee_id, row_number() over (order by employee_id) as rn, count(*) over () as n from mentor_applications)
  insert into invitations (mentee_id, mentor_id, platform, state, sent_at, expires_at)
  select me.employee_id, mo.employee_id, me.platform, (array['pending','pending','accepted','declined'])[me.rn % 4 + 1],
    now() - (me.rn % 20) * interval '1 day', now() + interval '14 days' - (me.rn % 20) * interval '1 day'
  from me cross join generate_series(0, 1) as k(k) join mo on mo.rn = (me.rn * 11 + k.k) % mo.n + 1
  where me.rn % 10 between 4 and 6 and me.employee_id <> mo.employee_id`;
export const HELP = `insert into coordinator_contact_requests (relationship_id, requested_by, source)
  select id, mentee_id, 'progress_report' from relationships where state in ('onboarding', 'active') and id::text like '0%'`;
