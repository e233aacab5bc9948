import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { isStaff, useMe } from '../../../lib/session';
import { useMyTraining, useTrainingEvents } from '../api/queries';
import { KindSelect } from '../components/KindSelect';
import { isKind, KIND_LABEL } from '../components/labels';
import { NewEventForm } from '../components/NewEventForm';

const LIMIT = 20;

/** What the person's orientation stands at, from training records or the orientation recorded for their pair. */
export function OrientationStatus({
  status,
}: {
  status: {
    orientationCurrent: boolean;
    lastOrientationAttendedAt: string | null;
    orientationSource: string | null;
  };
}) {
  const when = formatDate(status.lastOrientationAttendedAt);
  return (
    <p data-testid="orientation-status">
      {!status.orientationCurrent
        ? 'You have not attended an orientation in the last 12 months: register for one before your first meeting.'
        : status.orientationSource === 'relationship'
          ? `Your orientation is done: it was recorded for your mentoring relationship on ${when}. It counts for 12 months.`
          : `Your orientation is done: you attended one on ${when}. It counts for 12 months.`}
    </p>
  );
}

/** The training catalogue (R-TRAIN-1): orientations, Lunch and Learn, online courses; my orientation status. */
export default function Catalogue() {
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const shown = params.get('kind') ?? '';
  const kind = isKind(shown) ? shown : undefined;
  const { cursor } = useUrlPage();
  const events = useTrainingEvents(kind, LIMIT, cursor);
  const mine = useMyTraining();
  return (
    <>
      <PageHeading>Training</PageHeading>
      {mine.data && <OrientationStatus status={mine.data} />}
      <KindSelect
        id="kind"
        label="Show"
        anyLabel="All training"
        value={kind ?? ''}
        onChange={(k) => setParams(k ? { kind: k } : {})}
      />
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
