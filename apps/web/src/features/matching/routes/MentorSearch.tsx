import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Pager } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { MentorCardView } from '../components/MentorCardView';

const LIMIT = 10;
const KEYS = ['q', 'opdiv', 'state', 'competency', 'expertise', 'platform'] as const;
type Filters = Record<(typeof KEYS)[number], string>;

/** Self-selection (R-MATCH-2): search active mentors by name, division, location, competency, expertise. */
export default function MentorSearch() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<Filters>(
    () => Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters,
  );
  const offset = Number(params.get('offset') ?? 0);
  const filters = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const opdivs = $api.useQuery('get', '/api/v1/opdivs');
  const competencies = $api.useQuery('get', '/api/v1/competencies');
  const results = $api.useQuery('get', '/api/v1/mentors', {
    params: { query: { ...filters, limit: LIMIT, offset } as never },
  });
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  function search(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of KEYS)
      if (form[k].trim()) next.set(k, k === 'state' ? form[k].trim().toUpperCase() : form[k].trim());
    setParams(next);
  }
  return (
    <>
      <PageHeading lead="Look for a mentor yourself. Filters narrow the list; the best matches come first.">
        Find a mentor
      </PageHeading>
      <Form onSubmit={search} className="maxw-none" aria-label="Search mentors">
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="m-q" label="Name">
              <TextInput id="m-q" name="q" type="search" value={form.q} onChange={set('q')} />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="m-expertise" label="Expertise (words)">
              <TextInput
                id="m-expertise"
                name="expertise"
                type="text"
                value={form.expertise}
                onChange={set('expertise')}
              />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="m-competency" label="Competency">
              <Select
                id="m-competency"
                name="competency"
                value={form.competency}
                onChange={set('competency')}
              >
                <option value="">Any</option>
                {competencies.data?.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-4">
            <Field id="m-opdiv" label="Operating division">
              <Select id="m-opdiv" name="opdiv" value={form.opdiv} onChange={set('opdiv')}>
                <option value="">Any</option>
                {opdivs.data?.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-4">
            <Field id="m-state" label="State">
              <TextInput
                id="m-state"
                name="state"
                type="text"
                maxLength={2}
                value={form.state}
                onChange={set('state')}
              />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-4">
            <Field id="m-platform" label="Platform">
              <Select id="m-platform" name="platform" value={form.platform} onChange={set('platform')}>
                <option value="">Any</option>
                <option value="s2j">Senior-to-Junior</option>
                <option value="p2p">Peer-to-Peer</option>
              </Select>
            </Field>
          </div>
        </div>
        <Button type="submit">Search mentors</Button>
      </Form>
      <section aria-labelledby="mentor-results" className="margin-top-4">
        <h2 id="mentor-results">Mentors</h2>
        <QueryState
          query={results}
          isEmpty={(d) => d.items.length === 0}
          empty="No mentor matches these filters."
        >
          {(page) => (
            <>
              <p aria-live="polite">
                {page.total} {page.total === 1 ? 'mentor' : 'mentors'}
              </p>
              <ul className="usa-card-group">
                {page.items.map((m) => (
                  <MentorCardView key={m.id} mentor={m} />
                ))}
              </ul>
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
