import { Link, useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, QueryState } from '../../../components/ui/States';
import { fullName, gradeLabel } from '../../../lib/format';
import { useMentorProfile, usePerson } from '../api/queries';
import { MentorDetails } from '../components/MentorDetails';
import { WaitlistButton } from '../../waitlists/components/WaitlistButton';

/**
 * One person's directory entry, and for a mentor their profile (application, places left); contact details only
 * when the API allows them (R-SEC-2, R-MATCH-5).
 */
export default function Person() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  const mentor = useMentorProfile(id, person.data?.isMentor === true);
  const canInvite = mentor.data ? !mentor.data.paused && mentor.data.remainingCapacity > 0 : true;
  return (
    <QueryState query={person}>
      {(p) => (
        <>
          <PageHeading lead={`${p.occupationTitle} · ${gradeLabel(p)} · ${p.opdiv}`}>
            {fullName(p)}
          </PageHeading>
          {p.isMentor && (
            <p>
              <span className="usa-tag bg-primary">Mentor</span> This person has an active mentor application.{' '}
              {canInvite && (
                <Link className="usa-button usa-button--outline margin-left-1" to={`/invite/${p.id}`}>
                  Invite {p.firstName}
                </Link>
              )}
            </p>
          )}
          {mentor.data && <WaitlistButton mentor={mentor.data} />}
          <dl>
            <dt className="text-bold">Location</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {p.city}, {p.state} ({p.timeZone})
            </dd>
            <dt className="text-bold">Occupation series</dt>
            <dd className="margin-left-0 margin-bottom-1">{p.occupationSeries}</dd>
            <dt className="text-bold">Contact</dt>
            <dd className="margin-left-0">
              {p.contact ? (
                <>
                  <a href={`mailto:${p.contact.email}`}>{p.contact.email}</a>
                  {p.contact.phone && <> · {p.contact.phone}</>}
                </>
              ) : (
                'Shared once you are matched with this person.'
              )}
            </dd>
          </dl>
          {p.isMentor &&
            (mentor.isLoading ? (
              <Loading label="Loading the mentor profile…" />
            ) : mentor.error ? (
              <ErrorAlert error={mentor.error} heading="The mentor profile could not be loaded" />
            ) : (
              mentor.data && <MentorDetails mentor={mentor.data} />
            ))}
          <p>
            <Link to="/directory">Back to the directory</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
