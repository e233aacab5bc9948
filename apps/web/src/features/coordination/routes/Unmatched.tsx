import { Button } from '@trussworks/react-uswds';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { useOpenCase } from '../api/mutations';
import { useUnmatched } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

const LIMIT = 25;

/** Mentees in scope with no live relationship, longest waiting first; open a third-party case for one. */
export default function Unmatched() {
  const navigate = useNavigate();
  const { cursor } = useUrlPage();
  const list = useUnmatched(LIMIT, cursor);
  const open = useOpenCase((c) => navigate(`/staff/third-party/${c.id}`));
  return (
    <>
      <PageHeading>Unmatched mentees</PageHeading>
      <StaffNav />
      <ErrorAlert error={open.error} />
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty="Every mentee in your scope is matched."
      >
        {(page) => (
          <>
            <DataTable
              caption="Unmatched mentees, longest waiting first"
              columns={['Mentee', 'Division', 'Platform', 'Days waiting', 'Open invitations', 'Action']}
            >
              {page.items.map((m) => (
                <tr key={m.menteeId}>
                  <th scope="row">{m.name}</th>
                  <td>{m.opdiv}</td>
                  <td>{m.platform === 's2j' ? 'Senior-to-Junior' : 'Peer-to-Peer'}</td>
                  <td>{m.daysWaiting}</td>
                  <td>{m.openInvitations}</td>
                  <td>
                    <Link to={`/staff/unmatched/${encodeURIComponent(m.menteeId)}/suggestions`}>
                      Suggestions for {m.name}
                    </Link>
                    <br />
                    <Button
                      type="button"
                      unstyled
                      disabled={open.isPending}
                      onClick={() => open.mutate({ body: { menteeId: m.menteeId } })}
                    >
                      Find a mentor for {m.name}
                    </Button>
                  </td>
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
