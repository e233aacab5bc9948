import { DataTable } from '../../../components/ui/DataTable';
import { QueryState } from '../../../components/ui/States';
import { useEvaluationSummary } from '../api/queries';

const SCORES = ['5', '4', '3', '2', '1'] as const;

/** Training management (staff): what attendees thought of the event (R-TRAIN-3); comments come without names. */
export function EvaluationSummary({ eventId }: { eventId: string }) {
  const summary = useEvaluationSummary(eventId);
  return (
    <section aria-labelledby="evaluations-heading" className="margin-top-4">
      <h2 id="evaluations-heading">Evaluations</h2>
      <QueryState query={summary} isEmpty={(s) => s.count === 0} empty="Nobody has evaluated this event yet.">
        {(s) => (
          <>
            <p data-testid="evaluation-average">
              {s.count} {s.count === 1 ? 'evaluation' : 'evaluations'}
              {s.averageRating !== null && `, average rating ${s.averageRating.toFixed(1)} out of 5`}.
            </p>
            <DataTable caption="Evaluations by rating" columns={['Rating', 'Evaluations']} compact>
              {SCORES.map((r) => (
                <tr key={r}>
                  <th scope="row">{r}</th>
                  <td>{s.distribution[r]}</td>
                </tr>
              ))}
            </DataTable>
            <h3>Comments</h3>
            {s.comments.length === 0 ? (
              <p>No comments.</p>
            ) : (
              <ul className="usa-list" data-testid="evaluation-comments">
                {s.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
