import { Select } from '@trussworks/react-uswds';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { isStaff, useMe } from '../../../lib/session';
import { KIND_LABEL, KINDS } from '../components/labels';
import { NewEventForm } from '../components/NewEventForm';

const LIMIT = 20;
type Kind = 'orientation_online' | 'orientation_instructor' | 'lunch_and_learn' | 'online_course';

/** The training catalogue (R-TRAIN-1): orientations, Lunch and Learn, online courses; my orientation status. */
export default function Catalogue() {
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') ?? '') as Kind | '';
  const { cursor } = useUrlPage();
  const events = $api.useQuery('get', '/api/v1/training/events', {
    params: { query: { ...(kind ? { kind } : {}), limit: LIMIT, ...(cursor ? { cursor } : {}) } },
  });
  const mine = $api.useQuery('get', '/api/v1/training/me');
  return (
    <>
      <PageHeading>Training</PageHeading>
      {mine.data && (
        <p data-testid="orientation-status">
          {mine.data.orientationCurrent
            ? `Your orientation is current (last attended ${formatDate(mine.data.lastOrientationAttendedAt)}).`
            : 'You have not attended an orientation recently: register for one before your first meeting.'}
        </p>
      )}
      <Field id="kind" label="Show">
        <Select
          id="kind"
          name="kind"
          value={kind}
          onChange={(e) => setParams(e.target.value ? { kind: e.target.value } : {})}
        >
          <option value="">All training</option>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      <QueryState query={events} isEmpty={(d) => d.items.length === 0} empty="No training is scheduled.">
        {(page) => (
          <>
            <DataTable
              caption="Training events"
              columns={['Event', 'Kind', 'When', 'Places', 'Me']}
              className="margin-top-2"
            >
              {page.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/training/${e.id}`}>{e.title}</Link>
                    {e.cancelledAt && ' (cancelled)'}
                  </th>
                  <td>{KIND_LABEL[e.kind]}</td>
                  <td>{e.startsAt ? formatDate(e.startsAt) : 'Any time'}</td>
                  <td>
                    {e.capacity === null
                      ? 'Open'
                      : `${e.registered} of ${e.capacity}${e.waitlisted ? `, ${e.waitlisted} waiting` : ''}`}
                  </td>
                  <td>{e.myStatus ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
            <UrlPager next={page.next} />
          </>
        )}
      </QueryState>
      {isStaff(me) && <NewEventForm />}
    </>
  );
}
