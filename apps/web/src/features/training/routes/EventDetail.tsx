import { Button } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { isStaff, useMe } from '../../../lib/session';
import { useRegistration } from '../api/mutations';
import { useMyTraining, useTrainingEvent } from '../api/queries';
import { KIND_LABEL } from '../components/labels';
import { EvaluationForm } from '../components/EvaluationForm';
import { ManageEvent } from '../components/ManageEvent';
import { Roster } from '../components/Roster';

/** One training event: register or cancel (waitlist when full); staff see the roster and record attendance. */
export default function EventDetail() {
  const { id = '' } = useParams();
  const { me } = useMe();
  const event = useTrainingEvent(id);
  const history = useMyTraining();
  const mine = history.data?.items.find((h) => h.event.id === id);
  const { register, cancel } = useRegistration();
  const path = { params: { path: { id } } };
  return (
    <QueryState query={event}>
      {(e) => (
        <>
          <PageHeading lead={KIND_LABEL[e.kind]}>{e.title}</PageHeading>
          {register.data && (
            <Success>
              {register.data.status === 'waitlisted'
                ? `The event is full: you are number ${register.data.waitlistPosition} on the waitlist.`
                : 'You are registered.'}
            </Success>
          )}
          <ErrorAlert error={register.error ?? cancel.error} />
          {e.cancelledAt && (
            <p className="text-secondary-dark text-bold">
              This event was cancelled on {formatDate(e.cancelledAt)}.
            </p>
          )}
          <p>{e.description}</p>
          <dl>
            <dt className="text-bold">When</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {e.startsAt
                ? `${formatDate(e.startsAt)}${e.endsAt ? ` to ${formatDate(e.endsAt)}` : ''}`
                : 'At your own pace'}
            </dd>
            {e.location && (
              <>
                <dt className="text-bold">Where</dt>
                <dd className="margin-left-0 margin-bottom-1">{e.location}</dd>
              </>
            )}
            {e.lmsUrl && (
              <>
                <dt className="text-bold">Course</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  <a href={e.lmsUrl}>Open in the Learning Management System</a>
                </dd>
              </>
            )}
            <dt className="text-bold">Places</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {e.capacity === null ? 'No limit' : `${e.registered} of ${e.capacity} taken`}
              {e.waitlisted ? `, ${e.waitlisted} on the waitlist` : ''}
            </dd>
            <dt className="text-bold">My registration</dt>
            <dd className="margin-left-0">{e.myStatus ?? 'Not registered'}</dd>
          </dl>
          {!e.cancelledAt &&
            (e.myStatus === 'registered' || e.myStatus === 'waitlisted' ? (
              <Button type="button" outline onClick={() => cancel.mutate(path)} disabled={cancel.isPending}>
                Cancel my registration
              </Button>
            ) : (
              <Button type="button" onClick={() => register.mutate(path)} disabled={register.isPending}>
                Register
              </Button>
            ))}
          {mine?.attendedAt && !mine.evaluated && <EvaluationForm eventId={id} />}
          {isStaff(me) && (
            <>
              <Roster eventId={id} />
              <ManageEvent event={e} />
            </>
          )}
          <p className="margin-top-4">
            <Link to="/training">All training</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
