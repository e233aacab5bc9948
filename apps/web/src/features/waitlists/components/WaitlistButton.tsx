import { Button } from '@trussworks/react-uswds';
import { ErrorAlert } from '../../../components/ui/States';
import { useMyWaitlists, useWaitlistChanges } from '../api/queries';

/** Cards that do not carry the pause flag or the count (a coordinator's shortlist) still work. */
type Mentor = {
  id: string;
  name: string;
  remainingCapacity: number;
  paused?: boolean;
  menteesWaiting?: number;
};

export function waitingWords(n: number): string {
  return n === 0
    ? 'Nobody is waiting for a place yet.'
    : `${n} ${n === 1 ? 'mentee is' : 'mentees are'} waiting for a place.`;
}

/**
 * R-WAIT-1/2: on a full or paused mentor, how many wait, and "tell me when this mentor has a place" (or my place in
 * line and a way to stop waiting). Nothing shows for a mentor with a free place: invite them instead.
 */
export function WaitlistButton({ mentor }: { mentor: Mentor }) {
  const full = mentor.paused === true || mentor.remainingCapacity <= 0;
  const lines = useMyWaitlists();
  const { join, leave, pending, error } = useWaitlistChanges();
  if (!full) return null;
  const line = lines.data?.items.find((w) => w.mentorId === mentor.id);
  const waiting = line && !line.notifiedAt;
  return (
    <div data-testid="waitlist" className="margin-y-1">
      <p className="margin-y-1">
        {mentor.paused ? 'This mentor is not taking mentees for now.' : 'This mentor has no free place.'}{' '}
        {mentor.menteesWaiting !== undefined && waitingWords(mentor.menteesWaiting)}
      </p>
      <ErrorAlert error={error} heading="That did not work" />
      <div aria-live="polite">
        {waiting ? (
          <p className="margin-y-1">
            You are number {line.position} in line. We will tell you when {mentor.name} has a place.{' '}
            <Button type="button" unstyled disabled={pending} onClick={() => leave(mentor.id)}>
              Stop waiting for {mentor.name}
            </Button>
          </p>
        ) : (
          <Button type="button" outline disabled={pending || lines.isLoading} onClick={() => join(mentor.id)}>
            Tell me when {mentor.name} has a place
          </Button>
        )}
      </div>
    </div>
  );
}
