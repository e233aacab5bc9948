import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useQuietPairs } from '../api/queries';
import { StaffNav } from '../components/StaffNav';
import { CADENCE_WORDS } from '../components/pair-year-words';

const LIMIT = 25;

/** R-MEET-6: pairs that have not met for twice their agreed interval, quietest first: someone to call. */
export default function QuietPairs() {
  const { cursor } = useUrlPage();
  const list = useQuietPairs(LIMIT, cursor);
  return (
    <>
      <PageHeading>Quiet pairs</PageHeading>
      <StaffNav />
      <p>
        These pairs have gone twice their agreed time without a meeting. Both partners have had a reminder; a
        word from you may help them start again.
      </p>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty="Every pair in your scope is meeting as agreed."
      >
        {(page) => (
          <>
            <DataTable
              caption="Quiet pairs, longest without a meeting first"
              columns={['Pair', 'Divisions', 'Agreed to meet', 'Last meeting', 'Days without a meeting']}
            >
              {page.items.map((p) => (
                <tr key={p.relationshipId}>
                  <th scope="row">
                    <Link to={`/relationships/${p.relationshipId}`}>
                      {p.menteeName} and {p.mentorName}
                    </Link>
                  </th>
                  <td>
                    {p.menteeOpdiv === p.mentorOpdiv
                      ? p.menteeOpdiv
                      : `${p.menteeOpdiv} and ${p.mentorOpdiv}`}
                  </td>
                  <td>{CADENCE_WORDS[p.cadence]}</td>
                  <td>
                    {p.lastMeetingAt
                      ? formatDate(p.lastMeetingAt)
                      : `None since they started on ${formatDate(p.confirmedAt)}`}
                  </td>
                  <td>{p.daysSinceMeeting} days</td>
                </tr>
              ))}
            </DataTable>
            <UrlPager next={page.next} />
          </>
        )}
      </QueryState>
    </>
  );
}
