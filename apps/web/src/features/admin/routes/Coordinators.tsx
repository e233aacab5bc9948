import { Button } from '@trussworks/react-uswds';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useOpdivs } from '../../../lib/reference';
import { useCoordinatorGrantActions } from '../api/mutations';
import { useCoordinatorGrants } from '../api/queries';
import { AdminNav } from '../components/AdminNav';
import { GrantCoordinatorForm } from '../components/GrantCoordinatorForm';

/** Coordinator grants by division (program manager, R-ROLE-2): name a person by work email or employee id, revoke. */
export default function Coordinators() {
  const grants = useCoordinatorGrants();
  const opdivs = useOpdivs();
  const { grant, revoke } = useCoordinatorGrantActions();
  return (
    <>
      <PageHeading>Coordinators</PageHeading>
      <AdminNav />
      {grant.isSuccess && (
        <Success>
          {grant.data.employee.name} now coordinates {grant.data.opdiv}.
        </Success>
      )}
      <GrantCoordinatorForm
        opdivs={opdivs.data ?? []}
        submitting={grant.isPending}
        error={grant.error}
        onSubmit={(body, reset) => grant.mutate({ body }, { onSuccess: reset })}
      />
      <h2>Current coordinators</h2>
      <ErrorAlert error={revoke.error} />
      <QueryState query={grants} isEmpty={(d) => d.length === 0} empty="No coordinator has been named.">
        {(items) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Coordinator grants">
            <table className="usa-table usa-table--borderless width-full">
              <caption className="usa-sr-only">Coordinator grants</caption>
              <thead>
                <tr>
                  <th scope="col">Coordinator</th>
                  <th scope="col">Coordinates</th>
                  <th scope="col">Since</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {items.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      {g.employee.name}{' '}
                      <span className="display-block font-sans-2xs">{g.employee.email}</span>
                    </th>
                    <td>{g.opdiv}</td>
                    <td>{formatDate(g.createdAt)}</td>
                    <td>
                      <Button
                        type="button"
                        unstyled
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ params: { path: { id: g.id } } })}
                      >
                        Revoke {g.employee.name} ({g.opdiv})
                      </Button>
                    </td>
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
