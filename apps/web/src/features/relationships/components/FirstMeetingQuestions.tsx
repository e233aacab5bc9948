import { GuidanceAside } from '../../../components/ui/GuidanceAside';
import { useGuidance } from '../../../lib/reference';

/**
 * R-CONTENT-3: the questions a mentee asks a prospective mentor, for the first meeting. Shown to the mentee until a
 * meeting is held; the mentor is the one asked, and afterwards they no longer help.
 */
export function FirstMeetingQuestions({
  myRole,
  meetingsHeld,
}: {
  myRole: 'mentor' | 'mentee' | null;
  meetingsHeld: number | undefined;
}) {
  const guidance = useGuidance();
  if (myRole !== 'mentee' || meetingsHeld !== 0 || !guidance.data) return null;
  return (
    <GuidanceAside
      id="questions-heading"
      className="margin-top-3"
      guidance={guidance.data.questionsForProspectiveMentor}
    />
  );
}
