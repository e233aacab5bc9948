import { Link } from 'react-router';
import { MilestoneTimeline } from '../../../components/ui/MilestoneTimeline';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useMyRelationships } from '../api/queries';

/** My mentoring relationships, each with what is due next. */
export default function Relationships() {
  const list = useMyRelationships();
  return (
    <>
      <PageHeading>My relationships</PageHeading>
      <QueryState
        query={list}
        isEmpty={(d) => d.length === 0}
        empty={
          <>
            You have no mentoring relationship yet. <Link to="/suggestions">Find a mentor</Link> or wait for a
            mentee’s invitation.
          </>
        }
      >
        {(items) => (
          <ul className="usa-card-group">
            {items.map((r) => {
              const partner = r.myRole === 'mentor' ? r.mentee : r.mentor;
              return (
                <li key={r.id} className="usa-card tablet:grid-col-6">
                  <div className="usa-card__container">
                    <div className="usa-card__header">
                      <h2 className="usa-card__heading">
                        <Link to={`/relationships/${r.id}`}>
                          {r.myRole === 'mentor'
                            ? `Mentoring ${partner.name}`
                            : `Mentored by ${partner.name}`}
                        </Link>
                      </h2>
                      <p className="margin-0">
                        Since {formatDate(r.confirmedAt)} · {r.state.replace('_', ' ')}
                      </p>
                    </div>
                    <div className="usa-card__body">
                      <MilestoneTimeline
                        milestones={r.milestones.filter((m) => m.status !== 'done').slice(0, 3)}
                      />
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </>
  );
}
