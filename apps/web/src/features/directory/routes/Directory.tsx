import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { fullName, gradeLabel } from '../../../lib/format';
import { Pager } from '../../../components/ui/Pager';

const LIMIT = 20;

/** The HHS directory (R-DIR-1) with filters kept in the address, so a search can be shared and revisited. */
export default function Directory() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState({
    q: params.get('q') ?? '',
    opdiv: params.get('opdiv') ?? '',
    state: params.get('state') ?? '',
    city: params.get('city') ?? '',
  });
  const offset = Number(params.get('offset') ?? 0);
  const query = Object.fromEntries(
    (['q', 'opdiv', 'state', 'city'] as const).flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const opdivs = $api.useQuery('get', '/api/v1/opdivs');
  const results = $api.useQuery('get', '/api/v1/directory', {
    params: { query: { ...query, limit: LIMIT, offset } },
  });

  function search(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(form))
      if (v.trim()) next.set(k, k === 'state' ? v.trim().toUpperCase() : v.trim());
    setParams(next);
  }

  return (
    <>
      <PageHeading lead="Find people across HHS by name, operating division and location.">
        Directory
      </PageHeading>
      <Form onSubmit={search} className="maxw-none" aria-label="Search the directory">
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="q" label="Name">
              <TextInput
                id="q"
                name="q"
                type="search"
                value={form.q}
                onChange={(e) => setForm({ ...form, q: e.target.value })}
              />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="opdiv" label="Operating division">
              <Select
                id="opdiv"
                name="opdiv"
                value={form.opdiv}
                onChange={(e) => setForm({ ...form, opdiv: e.target.value })}
              >
                <option value="">Any</option>
                {opdivs.data?.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-2">
            <Field id="state" label="State">
              <TextInput
                id="state"
                name="state"
                type="text"
                maxLength={2}
                value={form.state}
                onChange={(e) => setForm({ ...form, state: e.target.value })}
              />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="city" label="City">
              <TextInput
                id="city"
                name="city"
                type="text"
                value={form.city}
                onChange={(e) => setForm({ ...form, city: e.target.value })}
              />
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
              <div className="table-scroll">
                <table className="usa-table usa-table--borderless width-full">
                  <caption className="usa-sr-only">People matching your search</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Position</th>
                      <th scope="col">Grade</th>
                      <th scope="col">Division</th>
                      <th scope="col">Location</th>
                    </tr>
                  </thead>
                  <tbody>
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
                  </tbody>
                </table>
              </div>
              <Pager
                total={page.total}
                limit={LIMIT}
                offset={offset}
                onChange={(o) => {
                  const next = new URLSearchParams(params);
                  next.set('offset', String(o));
                  setParams(next);
                }}
              />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
