import { Card, CardBody, CardFooter, CardGroup, CardHeader, Tag } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import type { Schemas } from '../../../lib/api';

type Applications = {
  mentor: Schemas['MentorApplication'] | null;
  mentee: Schemas['MenteeApplication'] | null;
};

export function ParticipantStatus({ applications }: { applications: Applications }) {
  const { mentor, mentee } = applications;
  return (
    <CardGroup>
      <Card gridLayout={{ tablet: { col: 6 } }} headerFirst>
        <CardHeader>
          <h3 className="usa-card__heading">As a mentee</h3>
        </CardHeader>
        <CardBody>
          {mentee ? (
            <p>
              <Tag className="bg-green">Applied</Tag> You are looking for a{' '}
              {mentee.platform === 's2j' ? 'senior' : 'peer'} mentor.
            </p>
          ) : (
            <p>Apply as a mentee to get ranked mentor suggestions and invite mentors.</p>
          )}
        </CardBody>
        <CardFooter>
          <Link className="usa-button" to={mentee ? '/applications' : '/apply/mentee'}>
            {mentee ? 'View my application' : 'Apply as a mentee'}
          </Link>
        </CardFooter>
      </Card>
      <Card gridLayout={{ tablet: { col: 6 } }} headerFirst>
        <CardHeader>
          <h3 className="usa-card__heading">As a mentor</h3>
        </CardHeader>
        <CardBody>
          {mentor ? (
            <p>
              <Tag className={mentor.paused ? 'bg-gold text-ink' : 'bg-green'}>
                {mentor.paused ? 'Paused' : 'Available'}
              </Tag>{' '}
              {mentor.liveMentees} of {mentor.capacity} mentee places taken.
            </p>
          ) : (
            <p>Share your experience: apply as a mentor and choose how many mentees you can take.</p>
          )}
        </CardBody>
        <CardFooter>
          <Link className="usa-button usa-button--outline" to={mentor ? '/applications' : '/apply/mentor'}>
            {mentor ? 'View my application' : 'Apply as a mentor'}
          </Link>
        </CardFooter>
      </Card>
    </CardGroup>
  );
}
