import { Link } from 'react-router';
import { milestoneLabel } from '../../../components/ui/MilestoneTimeline';
import type { Schemas } from '../../../lib/api';
import { formatDate, formatMeetingTime } from '../../../lib/format';

type Relationship = Schemas['Relationship'];
type Owner = 'mentee' | 'mentor' | 'both';

// Who does each milestone (program guide §7): the mentee records orientation and writes the IDP; both sign the agreement.
const OWNER: Record<string, Owner> = {
  orientation: 'mentee',
  agreement: 'both',
  idp: 'mentee',
  'progressReport.mentor': 'mentor',
  'progressReport.mentee': 'mentee',
  'completionSurvey.mentor': 'mentor',
  'completionSurvey.mentee': 'mentee',
};
const PAGE: Record<string, string> = {
  agreement: 'agreement',
  idp: 'idp',
  'progressReport.mentor': 'progress-report',
  'progressReport.mentee': 'progress-report',
  'completionSurvey.mentor': 'survey',
  'completionSurvey.mentee': 'survey',
};

type NextMeeting = { startsAt: string; timeZone: string; state: string } | null;

/** The top of a relationship page: the next meeting, the next milestone, and what each partner still owes. */
export function WhatIsNext({
  relationship: r,
  nextMeeting,
}: {
  relationship: Relationship;
  /** Undefined while the meetings load (or for a reader who cannot see them): the line is left out. */
  nextMeeting?: NextMeeting;
}) {
  const open = [...r.milestones]
    .filter((m) => m.status !== 'done')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
  const next = open[0];
  const owes = (role: 'mentee' | 'mentor') =>
    open.filter((m) => OWNER[m.key] === role || OWNER[m.key] === 'both');
  const nameOf = (role: 'mentee' | 'mentor') =>
    r.myRole === role ? 'You' : role === 'mentee' ? r.mentee.name : r.mentor.name;
  if (r.ended) return null;
  return (
    <section
      aria-labelledby="next-heading"
      className="usa-summary-box margin-bottom-4"
      data-testid="what-is-next"
    >
      <div className="usa-summary-box__body">
        <h2 id="next-heading" className="usa-summary-box__heading">
          What is next
        </h2>
        <div className="usa-summary-box__text">
          {nextMeeting !== undefined && (
            <p data-testid="next-meeting">
              {nextMeeting ? (
                <>
                  Next meeting:{' '}
                  <strong>{formatMeetingTime(nextMeeting.startsAt, nextMeeting.timeZone)}</strong>
                  {nextMeeting.state === 'proposed' ? ', waiting for an answer' : ''}.
                </>
              ) : (
                <>
                  No meeting planned.
                  {(r.myRole === 'mentor' || r.myRole === 'mentee') && (
                    <>
                      {' '}
                      <a href="#propose-heading">Propose one</a>.
                    </>
                  )}
                </>
              )}
            </p>
          )}
          {next ? (
            <p>
              Next milestone: <strong>{milestoneLabel(next.key)}</strong>, due {formatDate(next.dueAt)}
              {next.status === 'overdue' ? ' (overdue)' : ''}.
            </p>
          ) : (
            <p>Every milestone is done. Well done.</p>
          )}
          {(['mentee', 'mentor'] as const).map((role) => {
            const items = owes(role);
            const you = r.myRole === role;
            const verb =
              items.length === 0
                ? you
                  ? 'owe nothing now'
                  : 'owes nothing now'
                : you
                  ? 'still owe'
                  : 'still owes';
            return (
              <div key={role}>
                <h3 className="font-sans-sm margin-bottom-05">
                  {nameOf(role)} ({role}) {verb}
                </h3>
                {items.length > 0 && (
                  <ul className="usa-list margin-top-0">
                    {items.map((m) => (
                      <li key={m.key}>
                        {PAGE[m.key] && (r.myRole === role || OWNER[m.key] === 'both') ? (
                          <Link to={`/relationships/${r.id}/${PAGE[m.key]}`}>{milestoneLabel(m.key)}</Link>
                        ) : (
                          milestoneLabel(m.key)
                        )}
                        , due {formatDate(m.dueAt)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
