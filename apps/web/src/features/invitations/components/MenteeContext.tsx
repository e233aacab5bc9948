import { Link } from 'react-router';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { LOCATION_PREFERENCE_LABEL, METHOD_LABEL, PLATFORM_LABEL, listInWords } from '../../../lib/labels';

type Context = Schemas['InvitationContext'];

const Row = ({ term, children }: { term: string; children: React.ReactNode }) => (
  <>
    <dt className="text-bold">{term}</dt>
    <dd className="margin-left-0 margin-bottom-2">{children}</dd>
  </>
);

/** What a mentor reads before answering: who the mentee is, what they want to develop, and how they want to meet. */
export function MenteeContext({
  context,
  message,
  menteeId,
}: {
  context: Context;
  message: string;
  menteeId: string;
}) {
  const m = context.mentee;
  return (
    <section aria-labelledby="about-mentee" className="margin-y-3" data-testid="mentee-context">
      <h2 id="about-mentee">About {m.name}</h2>
      {context.cohort && (
        <div className="usa-summary-box margin-bottom-3" role="region" aria-labelledby="cohort-why">
          <div className="usa-summary-box__body">
            <h3 className="usa-summary-box__heading" id="cohort-why">
              Why your coordinator proposed this match
            </h3>
            <div className="usa-summary-box__text">
              <p>
                {context.cohort.approvedBy ?? 'A program coordinator'} matched mentees and mentors as a group
                (cohort matching) and approved this pair on {formatDate(context.cohort.proposedAt)}. The
                invitation comes from {m.name}; you can accept or decline it like any other.
              </p>
              {context.cohort.reasons.length > 0 && (
                <ul>
                  {context.cohort.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </div>
      )}
      <dl>
        <Row term="Position">
          {m.occupationTitle}, {m.grade}, {m.opdiv}
        </Row>
        <Row term="Location">
          {m.city}, {m.state}
        </Row>
        <Row term="Their message to you">{message || `${m.name} did not write a message.`}</Row>
        <Row term="Competencies they want to develop">
          {m.developmentalNeeds.length ? (
            <ul className="usa-list margin-0">
              {m.developmentalNeeds.map((n) => (
                <li key={n.code}>{n.name}</li>
              ))}
            </ul>
          ) : (
            'Not given.'
          )}
        </Row>
        <Row term="Short-term goals">{m.shortTermGoals || 'Not given.'}</Row>
        <Row term="Long-term career goals">{m.longTermGoals || 'Not given.'}</Row>
        {m.bio && <Row term="About them">{m.bio}</Row>}
        <Row term="Kind of mentoring">{PLATFORM_LABEL[m.platform]}</Row>
        <Row term="Where they want their mentor">{LOCATION_PREFERENCE_LABEL[m.locationPreference]}</Row>
        <Row term="How they like to meet">
          {m.communicationMethods.length
            ? listInWords(m.communicationMethods.map((c) => METHOD_LABEL[c]))
            : 'No preference given.'}
        </Row>
      </dl>
      <p>
        <Link to={`/people/${menteeId}`}>Open {m.name}’s directory entry</Link> for their location, occupation
        series and, once you are matched, how to reach them.
      </p>
    </section>
  );
}
