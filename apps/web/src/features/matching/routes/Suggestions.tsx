import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Empty, QueryState } from '../../../components/ui/States';
import { problemMessage } from '../../../lib/api';
import { useSuggestions } from '../api/queries';
import { MentorCardView } from '../components/MentorCardView';

const CRITERION: Record<string, string> = {
  needs: 'Development needs',
  goals: 'Goals and experience',
  platform: 'Platform and grade',
  geography: 'Location',
  communication: 'Ways of meeting',
  capacity: 'Free places',
};

/** Ranked eligible mentors with the score and the reasons for it (R-MATCH-1). */
export default function Suggestions() {
  const suggestions = useSuggestions(20);
  return (
    <>
      <PageHeading lead="Mentors who fit your needs, ranked. Each shows why it was suggested.">
        Suggested mentors
      </PageHeading>
      <p>
        You can also <Link to="/mentors">search all mentors</Link> yourself, or see the{' '}
        <Link to="/shortlists">mentors your coordinator suggested</Link>.
      </p>
      {suggestions.error?.status === 409 ? (
        // A rule says there is nothing to suggest now (e.g. R-CAP-2: already matched); that is a state, not a failure.
        <Empty>
          {problemMessage(suggestions.error)} <Link to="/relationships">See my relationships</Link>.
        </Empty>
      ) : (
        <QueryState
          query={suggestions}
          isEmpty={(d) => d.items.length === 0}
          empty="No eligible mentor has a place right now. Try searching, or ask your coordinator for help."
        >
          {(page) => (
            <ol className="usa-card-group" aria-label="Suggested mentors" data-testid="suggestions">
              {page.items.map((s, i) => (
                <MentorCardView key={s.mentor.id} mentor={s.mentor} headingLevel={2}>
                  <p className="margin-top-0">
                    <span className="usa-tag bg-primary-dark">#{i + 1}</span>{' '}
                    <span className="text-bold" data-testid="score">
                      Match score {Math.round(s.score)}
                    </span>
                  </p>
                  <h3 className="margin-bottom-05 font-sans-sm">Why this mentor</h3>
                  <ul className="usa-list margin-top-0" data-testid="reasons">
                    {s.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  <details>
                    <summary>Score breakdown</summary>
                    <table className="usa-table usa-table--compact usa-table--borderless">
                      <caption className="usa-sr-only">How the score of {s.mentor.name} is made</caption>
                      <thead>
                        <tr>
                          <th scope="col">What is compared</th>
                          <th scope="col">Weight</th>
                          <th scope="col">How well it fits</th>
                          <th scope="col">Why</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.criteria.map((c) => (
                          <tr key={c.key}>
                            <th scope="row">{CRITERION[c.key] ?? c.key}</th>
                            <td>{c.weight}</td>
                            <td>{Math.round(c.score * 100)} %</td>
                            <td>{c.explanation}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </MentorCardView>
              ))}
            </ol>
          )}
        </QueryState>
      )}
    </>
  );
}
