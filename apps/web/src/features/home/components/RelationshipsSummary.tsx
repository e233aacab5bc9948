import { Link } from 'react-router';
import { MilestoneTimeline } from '../../../components/ui/MilestoneTimeline';
import { QueryState } from '../../../components/ui/States';
import { useMyInvitations, useMyRelationships } from '../api/queries';

/** The live relationships and open invitations on the home page, with what is due next. */
export function RelationshipsSummary({ seeksMentor }: { seeksMentor: boolean }) {
  const rels = useMyRelationships();
  const invitations = useMyInvitations();
  const open = (invitations.data ?? []).filter((i) => i.state === 'pending' || i.state === 'accepted');
  return (
    <section aria-labelledby="rels-heading">
      <h2 id="rels-heading">Your mentoring</h2>
      {open.length > 0 && (
        <p>
          <Link to="/invitations">
            {open.length} open {open.length === 1 ? 'invitation' : 'invitations'}
          </Link>{' '}
          {open.length === 1 ? 'needs' : 'need'} attention or an answer.
        </p>
      )}
      <QueryState
        query={rels}
        isEmpty={(d) => d.filter((r) => !r.ended).length === 0}
        empty={
          seeksMentor ? (
            <>
              No live relationship yet. <Link to="/suggestions">See the mentors suggested for you</Link> and
              invite up to three of them.
            </>
          ) : (
            'No live relationship yet. When a mentee invites you, the invitation appears here and under Invitations, and you get an email.'
          )
        }
      >
        {(items) => (
          <ul className="usa-list usa-list--unstyled">
            {items
              .filter((r) => !r.ended)
              .map((r) => (
                <li key={r.id} className="margin-bottom-2">
                  <h3 className="margin-bottom-1">
                    <Link to={`/relationships/${r.id}`}>
                      {r.myRole === 'mentor' ? `Mentoring ${r.mentee.name}` : `Mentored by ${r.mentor.name}`}
                    </Link>
                  </h3>
                  <MilestoneTimeline
                    milestones={r.milestones.filter((m) => m.status !== 'done').slice(0, 3)}
                  />
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
