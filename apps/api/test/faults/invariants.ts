/**
 * One query counting violations of SPEC §4 over the whole database; every column must be 0.
 * R-CAP-1 uses the mentor's current application capacity (any application if withdrawn since).
 * R-INV-2 compares grade_rank as the directory stands (the benchmark never changes it after confirmation).
 */
export const INVARIANT_VIOLATIONS = `
  with live as (select * from relationships where state in ('onboarding', 'active', 'termination_requested'))
  select
    (select count(*) from (select l.mentor_id from live l group by l.mentor_id
       having count(*) > (select coalesce(max(capacity) filter (where withdrawn_at is null), max(capacity))
                          from mentor_applications m where m.employee_id = l.mentor_id)) x)::int as "R-CAP-1",
    (select count(*) from (select mentee_id from live group by mentee_id having count(*) > 1) x)::int as "R-CAP-2",
    (select count(*) from (select mentee_id from invitations where state in ('pending', 'accepted')
       group by mentee_id having count(*) > 3) x)::int as "R-CAP-3",
    ((select count(*) from relationships where mentee_id = mentor_id)
      + (select count(*) from invitations where mentee_id = mentor_id))::int as "R-INV-1",
    (select count(*) from relationships r join employees me on me.id = r.mentee_id join employees mo on mo.id = r.mentor_id
       where r.platform = 's2j' and mo.grade_rank <= me.grade_rank)::int as "R-INV-2"`;
