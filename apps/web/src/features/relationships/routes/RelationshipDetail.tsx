import { Link, useParams } from 'react-router';
import { MilestoneTimeline } from '../../../components/ui/MilestoneTimeline';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/ui/States';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { isStaff, useMe } from '../../../lib/session';
import { useAgreeEarlyCompletion } from '../api/mutations';
import { useEarlyCompletion, useMeetings, useRelationship } from '../api/queries';
import { EarlyCompletionPanel } from '../components/EarlyCompletionPanel';
import { FirstMeetingQuestions } from '../components/FirstMeetingQuestions';
import { OrientationForm } from '../components/OrientationForm';
import { TerminationPanel } from '../components/TerminationPanel';
import { MeetingsPanel } from '../components/MeetingsPanel';
import { MessagesPanel } from '../components/MessagesPanel';
import { WhatIsNext } from '../components/WhatIsNext';

const STATE_WORDS: Record<string, string> = {
  onboarding: 'Getting started: orientation, agreement and plan.',
  active: 'Under way.',
  termination_requested: 'A partner has asked to end it.',
  completed: 'Completed.',
  terminated: 'Ended.',
};

/** A relationship: the pair, the milestone timeline, and the documents of the year. */
export default function RelationshipDetail() {
  const { id = '' } = useParams();
  const rel = useRelationship(id);
  const meetings = useMeetings(id);
  return (
    <QueryState query={rel}>
      {(r) => {
        const mine = r.myRole === 'mentor' || r.myRole === 'mentee' ? r.myRole : null;
        const orientationDone = r.milestones.some((m) => m.key === 'orientation' && m.status === 'done');
        return (
          <>
            <PageHeading
              lead={`${r.platform === 's2j' ? 'Senior-to-Junior' : 'Peer-to-Peer'} mentoring, confirmed ${formatDate(r.confirmedAt)}. ${STATE_WORDS[r.state] ?? ''}`}
            >
              {`${r.mentee.name} and ${r.mentor.name}`}
            </PageHeading>
            <WhatIsNext relationship={r} nextMeeting={meetings.data?.summary.nextMeeting} />
            {/* Issue 17: the pair's meetings and messages, after what is next. */}
            <MeetingsPanel relationshipId={r.id} myRole={mine} canChange={Boolean(mine) && !r.ended} />
            {mine && <MessagesPanel id={r.id} />}
            <div className="grid-row grid-gap">
              <section className="grid-col-12 tablet:grid-col-6" aria-labelledby="milestones-heading">
                <h2 id="milestones-heading">Milestones</h2>
                <MilestoneTimeline milestones={r.milestones} headingId="milestones-heading" />
                {mine === 'mentee' && !orientationDone && !r.ended && (
                  <OrientationForm relationshipId={r.id} />
                )}
              </section>
              <section className="grid-col-12 tablet:grid-col-6" aria-labelledby="docs-heading">
                <h2 id="docs-heading">Documents</h2>
                <ul className="usa-list">
                  <li>
                    <Link to={`/relationships/${r.id}/agreement`}>Mentoring agreement</Link>
                  </li>
                  <li>
                    <Link to={`/relationships/${r.id}/idp`}>Individual Development Plan</Link>
                  </li>
                  {mine && (
                    <li>
                      <Link to={`/relationships/${r.id}/progress-report`}>My 6-month progress report</Link>
                    </li>
                  )}
                  {mine && (
                    <li>
                      <Link to={`/relationships/${r.id}/survey`}>My completion survey</Link>
                    </li>
                  )}
                </ul>
                <h2>Contact</h2>
                <p>
                  {r.mentee.name} (mentee): <a href={`mailto:${r.mentee.email}`}>{r.mentee.email}</a>
                </p>
                <p>
                  {r.mentor.name} (mentor): <a href={`mailto:${r.mentor.email}`}>{r.mentor.email}</a>
                </p>
              </section>
            </div>
            {!r.ended && <EarlyCompletion relationship={r} partner={mine} />}
            <TerminationPanel relationship={r} />
            <FirstMeetingQuestions myRole={mine} meetingsHeld={meetings.data?.summary.meetingsHeld} />
          </>
        );
      }}
    </QueryState>
  );
}

/** R-END-1: the partners and a coordinator in scope agree; anyone else who may read the page only reads. */
function EarlyCompletion({
  relationship: r,
  partner,
}: {
  relationship: Schemas['Relationship'];
  partner: 'mentor' | 'mentee' | null;
}) {
  const { me } = useMe();
  const status = useEarlyCompletion(r.id);
  const agree = useAgreeEarlyCompletion(r.id);
  if (status.error)
    return <ErrorAlert error={status.error} heading="Completing early could not be loaded" focus={false} />;
  if (!status.data) return null;
  return (
    <EarlyCompletionPanel
      status={status.data}
      me={partner ?? (me && isStaff(me) ? 'coordinator' : null)}
      names={{ mentee: r.mentee.name, mentor: r.mentor.name }}
      onAgree={(note) => agree.mutate({ params: { path: { id: r.id } }, body: { note } })}
      pending={agree.isPending}
      error={agree.error}
    />
  );
}
