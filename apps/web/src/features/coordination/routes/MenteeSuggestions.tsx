import { Link, useParams } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { Empty, QueryState } from '../../../components/ui/States';
import { problemMessage } from '../../../lib/api';
import { fullName } from '../../../lib/format';
import { useEmployee, useMenteeSuggestions } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

const LIMIT = 20;

/** The ranked eligible mentors for one mentee in my scope, with score and reasons (R-MATCH-1, R-ROLE-2). */
export default function MenteeSuggestions() {
  const { employeeId = '' } = useParams();
  const { cursor, page: pageNumber } = useUrlPage();
  const mentee = useEmployee(employeeId);
  const suggestions = useMenteeSuggestions(employeeId, LIMIT, cursor);
  const name = mentee.data ? fullName(mentee.data) : 'this mentee';
  return (
    <>
      <PageHeading lead="Eligible mentors with a place, ranked, with the reasons for each score.">
        {`Suggested mentors for ${name}`}
      </PageHeading>
      <StaffNav />
      <p>
        <Link to="/staff/unmatched">Back to unmatched mentees</Link>
      </p>
      {suggestions.error?.status === 409 ? (
        // A rule says there is nothing to suggest now (e.g. already matched): a state, not a failure.
        <Empty>{problemMessage(suggestions.error)}</Empty>
      ) : (
        <QueryState
          query={suggestions}
          isEmpty={(d) => d.items.length === 0}
          empty="No eligible mentor has a place right now."
        >
          {(page) => (
            <>
              <p>
                {page.total} eligible {page.total === 1 ? 'mentor' : 'mentors'}
              </p>
              <DataTable
                caption={`Suggested mentors for ${name}, best match first`}
                columns={['Rank', 'Mentor', 'Position', 'Score', 'Why', 'Places left']}
                testId="mentee-suggestions"
              >
                {page.items.map((s, i) => (
                  <tr key={s.mentor.id}>
                    <td>{(pageNumber - 1) * LIMIT + i + 1}</td>
                    <th scope="row">
                      <Link to={`/people/${s.mentor.id}`}>{s.mentor.name}</Link>
                    </th>
                    <td>
                      {s.mentor.occupationTitle} · {s.mentor.grade} · {s.mentor.opdiv}
                    </td>
                    <td data-testid="score">{Math.round(s.score)}</td>
                    <td>
                      <ul className="usa-list margin-0">
                        {s.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                    <td>{s.mentor.remainingCapacity}</td>
                  </tr>
                ))}
              </DataTable>
              <UrlPager next={page.next} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
