import { Link } from 'react-router';
import { SignOutEverywhere } from '../../accounts/components/SignOutEverywhere';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { isStaff, useLeaveSession, useMe } from '../../../lib/session';
import { useMyApplications } from '../api/queries';
import { ParticipantStatus } from '../components/ParticipantStatus';
import { RelationshipsSummary } from '../components/RelationshipsSummary';
import { StaffLinks } from '../components/StaffLinks';

/** Home: what needs this person now, by role. */
export default function Home() {
  const { me } = useMe();
  const applications = useMyApplications();
  const leave = useLeaveSession();
  if (!me) return null;
  return (
    <>
      <PageHeading lead={`${me.employee.occupationTitle}, ${me.employee.opdiv}`}>
        {`Welcome, ${me.employee.firstName}`}
      </PageHeading>
      <RelationshipsSummary seeksMentor={!applications.data?.mentor || !!applications.data.mentee} />
      <section aria-labelledby="participation">
        <h2 id="participation">Your participation</h2>
        <QueryState query={applications}>{(data) => <ParticipantStatus applications={data} />}</QueryState>
      </section>
      {me.roles.includes('supervisor') && (
        <section aria-labelledby="supervising">
          <h2 id="supervising">Your direct reports</h2>
          <p>
            {me.directReports} {me.directReports === 1 ? 'person reports' : 'people report'} to you. The IDPs
            they share with you are under <Link to="/supervisor">Shared IDPs</Link>.
          </p>
        </section>
      )}
      {isStaff(me) && <StaffLinks me={me} />}
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Your settings</h2>
        <ul className="usa-list">
          <li>
            <Link to="/settings">Calendar and reminders</Link>: your meetings in your calendar app, and
            whether we send you reminders
          </li>
          <li>
            <Link to="/waitlists">My waitlists</Link>: mentors you asked to be told about when they have a
            place
          </li>
        </ul>
      </section>
      <SignOutEverywhere onSignedOut={leave} />
    </>
  );
}
