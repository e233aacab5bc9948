import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { OpdivSelect, StateInput } from '../../../components/ui/Filters';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { fullName, gradeLabel } from '../../../lib/format';
import { trimFilter, useUrlFilters } from '../../../lib/url-filters';

const LIMIT = 20;
const KEYS = ['q', 'opdiv', 'state', 'city'] as const;

/** The HHS directory (R-DIR-1) with filters kept in the address, so a search can be shared and revisited. */
export default function Directory() {
  const { form, query, cursor, submit, bind } = useUrlFilters(KEYS, trimFilter);
  const results = $api.useQuery('get', '/api/v1/directory', {
    params: { query: { ...query, limit: LIMIT, ...(cursor ? { cursor } : {}) } },
  });

  return (
    <>
      <PageHeading lead="Find people across HHS by name, operating division and location.">
        Directory
      </PageHeading>
      <Form onSubmit={submit} className="maxw-none" aria-label="Search the directory">
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="q" label="Name">
              <TextInput id="q" name="q" type="search" value={form.q} onChange={bind('q')} />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <OpdivSelect id="opdiv" value={form.opdiv} onChange={bind('opdiv')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-2">
            <StateInput id="state" value={form.state} onChange={bind('state')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="city" label="City">
              <TextInput id="city" name="city" type="text" value={form.city} onChange={bind('city')} />
            </Field>
          </div>
        </div>
        <Button type="submit">Search</Button>
      </Form>
      <section aria-labelledby="results-heading" className="margin-top-4">
        <h2 id="results-heading">Results</h2>
        <QueryState
          query={results}
          isEmpty={(d) => d.items.length === 0}
          empty="No one matches these filters."
        >
          {(page) => (
            <>
              <p aria-live="polite">
                {page.total} {page.total === 1 ? 'person' : 'people'}
              </p>
              <DataTable
                caption="People matching your search"
                columns={['Name', 'Position', 'Grade', 'Division', 'Location']}
              >
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/people/${e.id}`}>{fullName(e)}</Link>
                      {e.isMentor && <span className="usa-tag bg-primary margin-left-1">Mentor</span>}
                    </th>
                    <td>{e.occupationTitle}</td>
                    <td>{gradeLabel(e)}</td>
                    <td>{e.opdiv}</td>
                    <td>
                      {e.city}, {e.state}
                    </td>
                  </tr>
                ))}
              </DataTable>
              <UrlPager next={page.next} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
