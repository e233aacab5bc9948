import { Button } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useResolveHelpRequest } from '../api/mutations';
import { useHelpRequests } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

/** Partners who asked the coordinator to contact them (R-LIFE-4), open first, oldest first. */
export default function HelpRequests() {
  const list = useHelpRequests();
  const resolve = useResolveHelpRequest();
  return (
    <>
      <PageHeading>Help requests</PageHeading>
      <StaffNav />
      <ErrorAlert error={resolve.error} />
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty="Nobody has asked for you.">
        {(page) => (
          <DataTable caption="Help requests" columns={['Asked by', 'Pair', 'From', 'When', 'Status']}>
            {page.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.requestedBy.name} ({r.role})
                </th>
                <td>
                  <Link to={`/relationships/${r.relationshipId}`}>
                    {r.mentee.name} and {r.mentor.name}
                  </Link>
                </td>
                <td>{r.source.replace(/_/g, ' ')}</td>
                <td>{formatDate(r.createdAt)}</td>
                <td>
                  {r.resolvedAt ? (
                    `Handled ${formatDate(r.resolvedAt)}`
                  ) : (
                    <Button
                      type="button"
                      unstyled
                      disabled={resolve.isPending}
                      onClick={() => resolve.mutate({ params: { path: { id: r.id } } })}
                    >
                      Mark handled ({r.requestedBy.name})
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
