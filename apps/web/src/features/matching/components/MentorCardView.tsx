import { Link } from 'react-router';
import type { Schemas } from '../../../lib/api';
import { useCompetencyNames } from '../../../lib/competencies';
import { WaitlistButton } from '../../waitlists/components/WaitlistButton';

const PLATFORM = { s2j: 'Senior-to-Junior', p2p: 'Peer-to-Peer' } as const;
const METHOD = { in_person: 'in person', phone: 'phone', video: 'video', email: 'email' } as const;

/** A mentor as the matching screens show them, with the invite action. */
export function MentorCardView({
  mentor,
  children,
  headingLevel = 3,
}: {
  mentor: Schemas['MentorCard'];
  children?: React.ReactNode;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const competencyName = useCompetencyNames();
  const full = mentor.paused === true || mentor.remainingCapacity <= 0;
  return (
    <li className="usa-card tablet:grid-col-12">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <H className="usa-card__heading">
            <Link to={`/people/${mentor.id}`}>{mentor.name}</Link>
          </H>
          <p className="margin-0">
            {mentor.occupationTitle} · {mentor.grade} · {mentor.opdiv} · {mentor.city}, {mentor.state}
          </p>
        </div>
        <div className="usa-card__body">
          {children}
          <p className="margin-y-1">
            <span className="text-bold">Offers:</span> {mentor.platforms.map((p) => PLATFORM[p]).join(', ')} ·
            communicates by {mentor.communicationMethods.map((m) => METHOD[m]).join(', ')}
          </p>
          <p className="margin-y-1">
            <span className="text-bold">Competencies:</span>{' '}
            {mentor.competencies.map(competencyName).join(', ')}
          </p>
          {mentor.technicalAreas && (
            <p className="margin-y-1">
              <span className="text-bold">Technical areas:</span> {mentor.technicalAreas}
            </p>
          )}
          <p className="margin-y-1">
            {mentor.remainingCapacity} {mentor.remainingCapacity === 1 ? 'place' : 'places'} left
          </p>
          <WaitlistButton mentor={mentor} />
        </div>
        {!full && (
          <div className="usa-card__footer">
            <Link className="usa-button" to={`/invite/${mentor.id}`} aria-label={`Invite ${mentor.name}`}>
              Invite
            </Link>
          </div>
        )}
      </div>
    </li>
  );
}
