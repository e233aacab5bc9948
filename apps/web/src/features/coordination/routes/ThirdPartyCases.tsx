import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useThirdPartyCases } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

/** Third-party matching (R-MATCH-3): cases where the coordinator finds a mentor for a mentee. */
export default function ThirdPartyCases() {
  const cases = useThirdPartyCases();
  return (
    <>
      <PageHeading>Third-party matching</PageHeading>
      <StaffNav />
      <p>
        Open a case from the <Link to="/staff/unmatched">unmatched mentees</Link> list.
      </p>
      <QueryState query={cases} isEmpty={(d) => d.items.length === 0} empty="No open cases.">
        {(page) => (
          <DataTable columns={['Mentee', 'Status', 'Contacts', 'Opened']}>
            {page.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/staff/third-party/${c.id}`}>{c.mentee.name}</Link> ({c.mentee.opdiv})
                </th>
                <td>{c.status}</td>
                <td>{c.contacts.length}</td>
                <td>{formatDate(c.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
