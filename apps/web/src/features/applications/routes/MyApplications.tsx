import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import { useApplicationActions } from '../api/mutations';
import { useMyApplications } from '../api/queries';
import { ApplicationSummary } from '../components/ApplicationSummary';
import { SavedNextStep } from '../components/SavedNextStep';

export default function MyApplications() {
  const [params] = useSearchParams();
  const saved = params.get('saved');
  const mine = useMyApplications();
  const { pause, resume, withdraw } = useApplicationActions();
  const withdrawProps = (role: 'mentor' | 'mentee') => ({
    withdrawing: withdraw.isPending,
    onWithdraw: () => withdraw.mutate({ params: { path: { role } } }),
  });
  return (
    <>
      <PageHeading>My applications</PageHeading>
      {(saved === 'mentee' || saved === 'mentor') && <SavedNextStep role={saved} />}
      <ErrorAlert error={pause.error ?? resume.error ?? withdraw.error} />
      <QueryState query={mine}>
        {(data) => (
          <div className="grid-row grid-gap">
            <section className="grid-col-12 tablet:grid-col-6" aria-labelledby="as-mentee">
              <h2 id="as-mentee">As a mentee</h2>
              {data.mentee ? (
                <ApplicationSummary role="mentee" application={data.mentee} {...withdrawProps('mentee')} />
              ) : (
                <p>
                  You have not applied as a mentee. <Link to="/apply/mentee">Apply as a mentee</Link>
                </p>
              )}
            </section>
            <section className="grid-col-12 tablet:grid-col-6" aria-labelledby="as-mentor">
              <h2 id="as-mentor">As a mentor</h2>
              {data.mentor ? (
                <ApplicationSummary
                  role="mentor"
                  application={data.mentor}
                  {...withdrawProps('mentor')}
                  pausing={pause.isPending || resume.isPending}
                  onPause={() => (data.mentor?.paused ? resume : pause).mutate({})}
                />
              ) : (
                <p>
                  You have not applied as a mentor. <Link to="/apply/mentor">Apply as a mentor</Link>
                </p>
              )}
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}
