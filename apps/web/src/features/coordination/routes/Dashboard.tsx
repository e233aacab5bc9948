import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { BarChartWithTable } from '../components/Charts';
import { useDashboard, usePairYearCounts } from '../api/queries';
import { StaffNav } from '../components/StaffNav';
import { PairYearFigures } from '../components/PairYearFigures';
import { FigureCards, type Figure } from '../components/FigureCards';

const PLATFORM: Record<string, string> = { s2j: 'Senior-to-Junior', p2p: 'Peer-to-Peer' };

/** What needs the coordinator now (R-ADMIN-1): counts, charts, the longest waiting. */
export default function Dashboard() {
  const dash = useDashboard();
  const pairYear = usePairYearCounts();
  return (
    <>
      <PageHeading>Coordinator dashboard</PageHeading>
      <StaffNav />
      <QueryState query={dash}>
        {(d) => {
          const roles = [...new Set(d.participants.map((p) => p.role))];
          const byRole = roles.map((role) => ({
            role,
            s2j: d.participants.find((p) => p.role === role && p.platform === 's2j')?.count ?? 0,
            p2p: d.participants.find((p) => p.role === role && p.platform === 'p2p')?.count ?? 0,
          }));
          const pairs = [
            { state: 'Onboarding', pairs: d.livePairs.onboarding },
            { state: 'Active', pairs: d.livePairs.active },
            { state: 'Termination requested', pairs: d.livePairs.termination_requested },
          ];
          const figures: Figure[] = [
            ['Unmatched mentees', d.unmatched.count, '/staff/unmatched'],
            ['Invitations waiting for a mentor', d.openInvitations.pending],
            ['Accepted, waiting for confirmation', d.openInvitations.accepted],
            ['Live pairs', d.livePairs.onboarding + d.livePairs.active + d.livePairs.termination_requested],
            ['Milestones due in 14 days', d.milestones.dueNext14Days],
            ['Milestones overdue', d.milestones.overdue],
            [
              'Termination requests awaiting guidance',
              d.terminationRequestsAwaitingGuidance,
              '/staff/terminations',
            ],
            ['Asked for coordinator contact', d.helpRequests, '/staff/help'],
          ];
          return (
            <>
              <p>
                {d.scope ? `Scope: ${d.scope.join(', ')}` : 'Scope: all of HHS'} · as of{' '}
                {formatDate(d.generatedAt)}
              </p>
              <FigureCards figures={figures} testId="figures" />
              <QueryState query={pairYear}>{(c) => <PairYearFigures counts={c} />}</QueryState>
              <div className="grid-row grid-gap">
                <div className="grid-col-12 desktop:grid-col-6">
                  <BarChartWithTable
                    title="Participants by role and platform"
                    data={byRole}
                    categoryKey="role"
                    series={[
                      { key: 's2j', label: PLATFORM.s2j!, color: '#005ea2' },
                      { key: 'p2p', label: PLATFORM.p2p!, color: '#00a398' },
                    ]}
                  />
                </div>
                <div className="grid-col-12 desktop:grid-col-6">
                  <BarChartWithTable
                    title="Live pairs by state"
                    data={pairs}
                    categoryKey="state"
                    series={[{ key: 'pairs', label: 'Pairs', color: '#162e51' }]}
                  />
                </div>
              </div>
              <h2>Waiting longest</h2>
              <ul className="usa-list">
                {d.unmatched.longestWaiting.map((m) => (
                  <li key={m.menteeId}>
                    {m.name} ({m.opdiv}, {PLATFORM[m.platform]}): {m.daysWaiting} days, {m.openInvitations}{' '}
                    open invitations
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
