import { Button, Tag } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type Common = { onWithdraw: () => void; withdrawing: boolean };
type Props = Common &
  (
    | { role: 'mentee'; application: Schemas['MenteeApplication'] }
    | { role: 'mentor'; application: Schemas['MentorApplication']; onPause: () => void; pausing: boolean }
  );

export function ApplicationSummary(props: Props) {
  const a = props.application;
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="usa-summary-box">
      <div className="usa-summary-box__body">
        <dl className="margin-0">
          {props.role === 'mentor' ? (
            <>
              <dt className="text-bold">Status</dt>
              <dd className="margin-left-0 margin-bottom-1">
                <Tag className={props.application.paused ? 'bg-gold text-ink' : 'bg-green'}>
                  {props.application.paused ? 'Paused' : 'Available'}
                </Tag>{' '}
                {props.application.liveMentees} of {props.application.capacity} places taken
              </dd>
              <dt className="text-bold">Competencies</dt>
              <dd className="margin-left-0 margin-bottom-1">{props.application.competencies.join(', ')}</dd>
            </>
          ) : (
            <>
              <dt className="text-bold">Developmental needs</dt>
              <dd className="margin-left-0 margin-bottom-1">
                {props.application.developmentalNeeds.join(', ')}
              </dd>
              <dt className="text-bold">Platform</dt>
              <dd className="margin-left-0 margin-bottom-1">
                {props.application.platform === 's2j' ? 'Senior-to-Junior' : 'Peer-to-Peer'}
              </dd>
            </>
          )}
          <dt className="text-bold">Responsibilities acknowledged</dt>
          <dd className="margin-left-0 margin-bottom-1">{formatDate(a.acknowledgedAt)}</dd>
          <dt className="text-bold">Last updated</dt>
          <dd className="margin-left-0">{formatDate(a.updatedAt)}</dd>
        </dl>
        <div className="margin-top-2">
          <Link className="usa-button" to={`/apply/${props.role}`}>
            Edit
          </Link>
          {props.role === 'mentor' && (
            <Button type="button" outline onClick={props.onPause} disabled={props.pausing}>
              {props.application.paused ? 'Resume taking mentees' : 'Pause taking mentees'}
            </Button>
          )}
          {confirming ? (
            <Button type="button" secondary onClick={props.onWithdraw} disabled={props.withdrawing}>
              Yes, withdraw my {props.role} application
            </Button>
          ) : (
            <Button type="button" unstyled className="margin-left-1" onClick={() => setConfirming(true)}>
              Withdraw…
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
