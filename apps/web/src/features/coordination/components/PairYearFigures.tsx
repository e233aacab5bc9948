import type { paths } from '@hhs-mentoring/api-client';
import { FigureCards, type Figure } from './FigureCards';

type Counts = paths['/api/v1/coordination/pair-year']['get']['responses'][200]['content']['application/json'];

/** The pair's working year on the dashboard (issue 17): quiet pairs, meetings, reminders, waitlists, early endings. */
export function PairYearFigures({ counts: c }: { counts: Counts }) {
  const reminders =
    c.remindersLast30Days.cadence +
    c.remindersLast30Days.unmatched +
    c.remindersLast30Days.invitation +
    c.remindersLast30Days.unconfirmed +
    c.remindersLast30Days.newMentor;
  const figures: Figure[] = [
    ['Quiet pairs', c.quietPairs, '/staff/quiet-pairs'],
    ['Meetings held in the last 30 days', c.meetingsHeldLast30Days],
    ['Reminders sent in the last 30 days', reminders],
    ['Reminder emails not yet delivered', c.remindersAwaitingDelivery],
    ['Mentees waiting for a full mentor', c.menteesWaiting],
    ['Completed early', c.completedEarly],
  ];
  return (
    <section aria-labelledby="pair-year-heading">
      <h2 id="pair-year-heading">Meetings and reminders</h2>
      <FigureCards figures={figures} testId="pair-year-figures" />
      <p className="usa-hint" data-testid="reminder-breakdown">
        Reminders in the last 30 days: {c.remindersLast30Days.cadence} to plan a meeting,{' '}
        {c.remindersLast30Days.unmatched} to mentees still looking for a mentor,{' '}
        {c.remindersLast30Days.invitation} to mentors with an invitation to answer,{' '}
        {c.remindersLast30Days.unconfirmed} to mentees with an invitation to confirm, and{' '}
        {c.remindersLast30Days.newMentor} about a new mentor who suits a mentee still looking.
      </p>
    </section>
  );
}
