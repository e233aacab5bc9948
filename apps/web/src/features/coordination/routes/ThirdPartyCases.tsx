import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { StaffNav } from '../components/StaffNav';

/** Third-party matching (R-MATCH-3): cases where the coordinator finds a mentor for a mentee. */
export default function ThirdPartyCases() {
  const cases = $api.useQuery('get', '/api/v1/coordination/third-party-cases');
  return (
    <>
      <PageHeading>Third-party matching</PageHeading>
      <StaffNav />
      <p>
        Open a case from the <Link to="/staff/unmatched">unmatched mentees</Link> list.
      </p>
      <QueryState query={cases} isEmpty={(d) => d.items.length === 0} empty="No open cases.">
        {(page) => (
          <div className="table-scroll">
            <table className="usa-table usa-table--borderless width-full">
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Status</th>
                  <th scope="col">Contacts</th>
                  <th scope="col">Opened</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
