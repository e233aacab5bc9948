import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { OpdivSelect, StateInput, TextFilter } from '../../../components/ui/Filters';
import { SearchPage } from '../../../components/ui/SearchPage';
import { fullName, gradeLabel } from '../../../lib/format';
import { trimFilter, useUrlFilters } from '../../../lib/url-filters';
import { useDirectorySearch } from '../api/queries';

const LIMIT = 20;
const KEYS = ['q', 'opdiv', 'state', 'city'] as const;

/** The HHS directory (R-DIR-1) with filters kept in the address, so a search can be shared and revisited. */
export default function Directory() {
  const { form, query, cursor, submit, bind } = useUrlFilters(KEYS, trimFilter);
  const results = useDirectorySearch(query, LIMIT, cursor);
  return (
    <SearchPage
      heading="Directory"
      lead="Find people across HHS by name, operating division and location."
      formLabel="Search the directory"
      submitLabel="Search"
      onSubmit={submit}
      filters={[
        {
          width: 'grid-col-12 tablet:grid-col-4',
          control: (
            <TextFilter id="q" name="q" label="Name" type="search" value={form.q} onChange={bind('q')} />
          ),
        },
        {
          width: 'grid-col-12 tablet:grid-col-3',
          control: <OpdivSelect id="opdiv" value={form.opdiv} onChange={bind('opdiv')} />,
        },
        {
          width: 'grid-col-6 tablet:grid-col-2',
          control: <StateInput id="state" value={form.state} onChange={bind('state')} />,
        },
        {
          width: 'grid-col-6 tablet:grid-col-3',
          control: (
            <TextFilter id="city" name="city" label="City" value={form.city} onChange={bind('city')} />
          ),
        },
      ]}
      resultsHeading="Results"
      resultsId="results-heading"
      results={results}
      empty="No one matches these filters."
      noun={['person', 'people']}
    >
      {(people) => (
        <DataTable
          caption="People matching your search"
          columns={['Name', 'Position', 'Grade', 'Division', 'Location']}
        >
          {people.map((e) => (
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
      )}
    </SearchPage>
  );
}
