import { Button, ButtonGroup, Form, Select } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';
import { PageHeading } from '../../../components/ui/PageHeading';
import { FocusOnChange } from '../../../components/ui/FocusOnChange';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useInvitationAnswers } from '../api/mutations';
import { useInvitation, useInvitationContext } from '../api/queries';
import { DECLINE_REASONS, STATE_LABEL, STATE_TAG } from '../components/labels';
import { InvitationMessages } from '../components/InvitationMessages';
import { MenteeContext } from '../components/MenteeContext';

type Reason = (typeof DECLINE_REASONS)[number]['value'];

/** One invitation: the mentee withdraws or confirms; the mentor accepts or declines with a reason. */
export default function InvitationDetail() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { me } = useMe();
  const inv = useInvitation(id);
  const context = useInvitationContext(id);
  // Each answer moves focus to its result (a failure: ErrorAlert takes it), so keyboard users hear what happened.
  const [answered, setAnswered] = useState(0);
  const { withdraw, accept, decline, confirm } = useInvitationAnswers(() => setAnswered((n) => n + 1));
  const path = { params: { path: { id } } };
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  // Each Decline without a reason sends focus to the reason, once its error is on screen to be read with it.
  const [missingReason, setMissingReason] = useState(0);
  const reasonRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (missingReason) reasonRef.current?.focus();
  }, [missingReason]);
  const error = withdraw.error ?? accept.error ?? decline.error ?? confirm.error;
  const busy = withdraw.isPending || accept.isPending || decline.isPending || confirm.isPending;

  function submitDecline(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setReasonError('Choose a reason for declining.');
      setMissingReason((n) => n + 1);
      return;
    }
    setReasonError(undefined);
    decline.mutate({ ...path, body: { reason, ...(note.trim() ? { note: note.trim() } : {}) } });
  }

  return (
    <QueryState query={inv}>
      {(i) => {
        const iAmMentor = i.mentor.id === me?.employee.id;
        const isMentee = i.mentee.id === me?.employee.id;
        return (
          <>
            <PageHeading>
              {iAmMentor ? `Invitation from ${i.mentee.name}` : `Invitation to ${i.mentor.name}`}
            </PageHeading>
            {params.get('sent') && i.state === 'pending' && (
              <Success>Your invitation was sent to {i.mentor.name}.</Success>
            )}
            <FocusOnChange signal={answered}>
              <ErrorAlert error={error} />
              <p aria-live="polite" data-testid="invitation-result">
                <span className="usa-sr-only">This invitation is now: </span>
                <span className={`usa-tag ${STATE_TAG[i.state]}`} data-testid="invitation-state">
                  {STATE_LABEL[i.state]}
                </span>
              </p>
            </FocusOnChange>
            {!isMentee && context.data && (
              <MenteeContext context={context.data} message={i.message} menteeId={i.mentee.id} />
            )}
            <dl>
              {isMentee && (
                <>
                  <dt className="text-bold">Platform</dt>
                  <dd className="margin-left-0 margin-bottom-1">
                    {i.platform === 's2j' ? 'Senior-to-Junior' : 'Peer-to-Peer'}
                  </dd>
                </>
              )}
              <dt className="text-bold">Sent</dt>
              <dd className="margin-left-0 margin-bottom-1">
                {formatDate(i.sentAt)}
                {i.state === 'pending' && `, answer by ${formatDate(i.expiresAt)}`}
              </dd>
              {isMentee && (
                <>
                  {/* A cohort invitation carries the coordinator's words, not the mentee's (R-MATCH-4). */}
                  <dt className="text-bold">
                    {context.isPending
                      ? 'Message'
                      : context.data?.cohort
                        ? 'Message from the program coordinator who proposed this match'
                        : 'Your message'}
                  </dt>
                  <dd className="margin-left-0 margin-bottom-1">
                    {i.message || (context.data?.cohort ? 'No message.' : 'You did not write a message.')}
                  </dd>
                </>
              )}
              {i.declineReason && (
                <>
                  <dt className="text-bold">Reason for declining</dt>
                  <dd className="margin-left-0">
                    {DECLINE_REASONS.find((r) => r.value === i.declineReason)?.label ?? i.declineReason}
                    {i.declineNote && iAmMentor ? ` — ${i.declineNote}` : ''}
                  </dd>
                </>
              )}
            </dl>
            {i.relationshipId && (
              <p>
                <Link className="usa-button" to={`/relationships/${i.relationshipId}`}>
                  Open the relationship
                </Link>
              </p>
            )}
            {!iAmMentor && (i.state === 'pending' || i.state === 'accepted') && (
              <ButtonGroup>
                {i.state === 'accepted' && (
                  <Button type="button" disabled={busy} onClick={() => confirm.mutate(path)}>
                    Confirm {i.mentor.name} as my mentor
                  </Button>
                )}
                <Button type="button" outline disabled={busy} onClick={() => withdraw.mutate(path)}>
                  Withdraw invitation
                </Button>
              </ButtonGroup>
            )}
            {iAmMentor && i.state === 'pending' && (
              <>
                <Button type="button" disabled={busy} onClick={() => accept.mutate(path)}>
                  Accept
                </Button>
                <Form onSubmit={submitDecline} aria-label="Decline the invitation" className="margin-top-4">
                  <h2>Decline</h2>
                  <Field id="reason" label="Reason" error={reasonError} required>
                    <Select
                      id="reason"
                      name="reason"
                      inputRef={reasonRef}
                      value={reason}
                      onChange={(e) => setReason(e.target.value as Reason)}
                    >
                      <option value="">- Select -</option>
                      {DECLINE_REASONS.map((r) => (
                        <option key={r.value} value={r.value}>
                          {r.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <TextareaField
                    id="note"
                    label="Note (optional)"
                    value={note}
                    maxLength={2000}
                    onChange={setNote}
                  />
                  <Button type="submit" secondary disabled={busy}>
                    Decline invitation
                  </Button>
                </Form>
              </>
            )}
            {(iAmMentor || isMentee) && <InvitationMessages id={i.id} iAmMentor={iAmMentor} />}
            <p className="margin-top-4">
              <Link to="/invitations">All invitations</Link>
            </p>
          </>
        );
      }}
    </QueryState>
  );
}
