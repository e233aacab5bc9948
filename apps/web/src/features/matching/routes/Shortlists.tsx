import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useMyShortlists } from '../api/queries';
import { MentorCardView } from '../components/MentorCardView';

/** Mentors a coordinator found for me (R-MATCH-3), with their note. */
export default function Shortlists() {
  const lists = useMyShortlists();
  return (
    <>
      <PageHeading>Mentors your coordinator suggested</PageHeading>
      <QueryState
        query={lists}
        isEmpty={(d) => d.length === 0}
        empty="Your coordinator has not suggested mentors to you."
      >
        {(items) =>
          items.map((s) => (
            <section key={s.id} aria-label={`Suggested ${formatDate(s.handedAt)}`}>
              <h2>{formatDate(s.handedAt)}</h2>
              {s.note && <p>{s.note}</p>}
              <ul className="usa-card-group">
                {s.mentors.map((m) => (
                  <MentorCardView key={m.id} mentor={m} />
                ))}
              </ul>
            </section>
          ))
        }
      </QueryState>
    </>
  );
}
