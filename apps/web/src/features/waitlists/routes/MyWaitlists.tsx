import { Button } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useMyWaitlists, useWaitlistChanges } from '../api/queries';

/** R-WAIT-1/3: the mentors I asked to be told about, my place in each line, and a way to leave a line. */
export default function MyWaitlists() {
  const lines = useMyWaitlists();
  const { leave, pending, error } = useWaitlistChanges();
  return (
    <>
      <PageHeading>My waitlists</PageHeading>
      <p>
        When a mentor you wait for has a free place, the mentees waiting are told in the order they asked.
        Places go to whoever invites first.
      </p>
      <ErrorAlert error={error} heading="You are still on the waitlist" />
      <QueryState
        query={lines}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <>
            You are not waiting for any mentor. On a full mentor’s profile, choose “Tell me when this mentor
            has a place”. <Link to="/mentors">Find a mentor</Link>
          </>
        }
      >
        {(d) => (
          <ul className="usa-list usa-list--unstyled" data-testid="waitlists">
            {d.items.map((w) => (
              <li key={w.mentorId} className="border-top-1px border-base-lighter padding-y-2">
                <h2 className="font-sans-md margin-0">
                  <Link to={`/people/${w.mentorId}`}>{w.mentorName}</Link>
                </h2>
                {w.notifiedAt ? (
                  <p className="margin-y-1">
                    A place became free on {formatDate(w.notifiedAt)}.{' '}
                    <Link to={`/invite/${w.mentorId}`}>Invite {w.mentorName}</Link>
                  </p>
                ) : (
                  <p className="margin-y-1">
                    Waiting since {formatDate(w.joinedAt)}. You are number {w.position} in line.
                  </p>
                )}
                <Button type="button" outline disabled={pending} onClick={() => leave(w.mentorId)}>
                  Leave the waitlist for {w.mentorName}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
