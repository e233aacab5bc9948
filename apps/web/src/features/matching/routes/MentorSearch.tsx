import { Select } from '@trussworks/react-uswds';
import { Field } from '../../../components/ui/Field';
import { OpdivSelect, StateInput, TextFilter } from '../../../components/ui/Filters';
import { SearchPage } from '../../../components/ui/SearchPage';
import { useCompetencies } from '../../../lib/reference';
import { trimFilter, useUrlFilters } from '../../../lib/url-filters';
import { useMentorSearch } from '../api/queries';
import { MentorCardView } from '../components/MentorCardView';

const LIMIT = 10;
const KEYS = ['q', 'opdiv', 'state', 'competency', 'expertise', 'platform'] as const;

/** Self-selection (R-MATCH-2): search active mentors by name, division, location, competency, expertise. */
export default function MentorSearch() {
  const { form, query, cursor, submit, bind: set } = useUrlFilters(KEYS, trimFilter);
  const competencies = useCompetencies();
  const results = useMentorSearch(query, LIMIT, cursor);
  return (
    <SearchPage
      heading="Find a mentor"
      lead="Look for a mentor yourself. Filters narrow the list; the best matches come first."
      formLabel="Search mentors"
      submitLabel="Search mentors"
      onSubmit={submit}
      filters={[
        {
          width: 'grid-col-12 tablet:grid-col-4',
          control: (
            <TextFilter id="m-q" name="q" label="Name" type="search" value={form.q} onChange={set('q')} />
          ),
        },
        {
          width: 'grid-col-12 tablet:grid-col-4',
          control: (
            <TextFilter
              id="m-expertise"
              name="expertise"
              label="Expertise (words)"
              value={form.expertise}
              onChange={set('expertise')}
            />
          ),
        },
        {
          width: 'grid-col-12 tablet:grid-col-4',
          control: (
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
          ),
        },
        {
          width: 'grid-col-6 tablet:grid-col-4',
          control: <OpdivSelect id="m-opdiv" value={form.opdiv} onChange={set('opdiv')} />,
        },
        {
          width: 'grid-col-6 tablet:grid-col-4',
          control: <StateInput id="m-state" value={form.state} onChange={set('state')} />,
        },
        {
          width: 'grid-col-12 tablet:grid-col-4',
          control: (
            <Field id="m-platform" label="Platform">
              <Select id="m-platform" name="platform" value={form.platform} onChange={set('platform')}>
                <option value="">Any</option>
                <option value="s2j">Senior-to-Junior</option>
                <option value="p2p">Peer-to-Peer</option>
              </Select>
            </Field>
          ),
        },
      ]}
      resultsHeading="Mentors"
      resultsId="mentor-results"
      results={results}
      empty="No mentor matches these filters."
      noun={['mentor', 'mentors']}
    >
      {(mentors) => (
        <ul className="usa-card-group">
          {mentors.map((m) => (
            <MentorCardView key={m.id} mentor={m} />
          ))}
        </ul>
      )}
    </SearchPage>
  );
}
