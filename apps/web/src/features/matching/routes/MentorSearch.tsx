import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { Field } from '../../../components/ui/Field';
import { OpdivSelect, StateInput } from '../../../components/ui/Filters';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { trimFilter, useUrlFilters } from '../../../lib/url-filters';
import { MentorCardView } from '../components/MentorCardView';

const LIMIT = 10;
const KEYS = ['q', 'opdiv', 'state', 'competency', 'expertise', 'platform'] as const;

/** Self-selection (R-MATCH-2): search active mentors by name, division, location, competency, expertise. */
export default function MentorSearch() {
  const { form, query, cursor, submit, bind: set } = useUrlFilters(KEYS, trimFilter);
  const competencies = $api.useQuery('get', '/api/v1/competencies');
  const results = $api.useQuery('get', '/api/v1/mentors', {
    params: { query: { ...query, limit: LIMIT, ...(cursor ? { cursor } : {}) } as never },
  });

  return (
    <>
      <PageHeading lead="Look for a mentor yourself. Filters narrow the list; the best matches come first.">
        Find a mentor
      </PageHeading>
      <Form onSubmit={submit} className="maxw-none" aria-label="Search mentors">
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
            <OpdivSelect id="m-opdiv" value={form.opdiv} onChange={set('opdiv')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-4">
            <StateInput id="m-state" value={form.state} onChange={set('state')} />
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
              <UrlPager next={page.next} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
