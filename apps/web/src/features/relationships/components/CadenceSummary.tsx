import type { paths } from '@hhs-mentoring/api-client';
import { formatLongDate } from '../../../components/ui/text';
import { formatMeetingTime } from '../../../lib/format';

type Summary =
  paths['/api/v1/relationships/{id}/meetings']['get']['responses'][200]['content']['application/json']['summary'];
const CADENCE = {
  weekly: 'every week',
  every_2_weeks: 'every 2 weeks',
  every_4_weeks: 'every 4 weeks',
  monthly: 'every month',
} as const;

/** R-MEET-1/6: the next meeting first, then the rhythm and how the pair keeps it. */
export function CadenceSummary({ summary: s }: { summary: Summary }) {
  return (
    <div className="usa-summary-box margin-bottom-2" role="region" aria-label="Meeting rhythm">
      <p className="margin-top-0">
        <strong>Next meeting: </strong>
        {s.nextMeeting
          ? `${formatMeetingTime(s.nextMeeting.startsAt, s.nextMeeting.timeZone)}${s.nextMeeting.state === 'proposed' ? ', waiting for an answer' : ''}`
          : 'none planned'}
      </p>
      <p>
        You meet {CADENCE[s.cadence]}
        {s.cadenceAgreed
          ? ', as your agreement says'
          : ' (the program’s default until your agreement says otherwise)'}
        . Meetings held: {s.meetingsHeld}. Last meeting: {formatLongDate(s.lastMeetingAt)}.
      </p>
      {s.status !== 'on_track' && (
        <p className="margin-bottom-0 text-bold">
          {s.status === 'quiet'
            ? 'It has been twice your usual time without a meeting. Your coordinator has been told.'
            : 'It is time to plan your next meeting.'}
        </p>
      )}
    </div>
  );
}
