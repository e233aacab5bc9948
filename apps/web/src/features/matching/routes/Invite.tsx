import { Button, Checkbox, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { GuidanceAside } from '../../../components/ui/GuidanceAside';
import { PageHeading } from '../../../components/ui/PageHeading';
import { TextareaField } from '../../../components/ui/TextareaField';
import { ErrorAlert, Loading } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { fullName } from '../../../lib/format';
import { useGuidance } from '../../../lib/reference';
import { useSendInvitation } from '../api/mutations';
import { useMentorEntry } from '../api/queries';

/** Invite a mentor with a message (R-CAP-3 and the platform rules are checked by the API, refusals shown as sentences). */
export default function Invite() {
  const { mentorId = '' } = useParams();
  const navigate = useNavigate();
  const mentor = useMentorEntry(mentorId);
  const guidance = useGuidance();
  const [message, setMessage] = useState('');
  const [alreadyAgreed, setAlreadyAgreed] = useState(false);
  const send = useSendInvitation((inv) => navigate(`/invitations/${inv.id}?sent=1`));
  const errors = fieldErrors(send.error);
  const name = mentor.data ? fullName(mentor.data) : 'a mentor';

  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate({ body: { mentorId, message: message.trim(), ...(alreadyAgreed ? { alreadyAgreed } : {}) } });
  }
  if (mentor.isLoading) return <Loading />;
  return (
    <>
      <PageHeading>{`Invite ${name}`}</PageHeading>
      {mentor.error ? (
        <ErrorAlert error={mentor.error} heading="This mentor could not be found" />
      ) : (
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-7">
            <ErrorAlert error={send.error} heading="Your invitation was not sent" />
            <Form onSubmit={submit} large aria-label="Invitation">
              <TextareaField
                id="message"
                label="Your message"
                hint="Introduce yourself and say what you hope to learn."
                error={errors.message}
                value={message}
                onChange={setMessage}
              />
              <Checkbox
                id="alreadyAgreed"
                name="alreadyAgreed"
                checked={alreadyAgreed}
                onChange={(e) => setAlreadyAgreed(e.target.checked)}
                label="We have already agreed to work together"
                labelDescription="The mentor's acceptance then confirms the match at once."
              />
              <Button type="submit" disabled={send.isPending} className="margin-top-3">
                {send.isPending ? 'Sending…' : 'Send invitation'}
              </Button>
              <Link to="/suggestions" className="margin-left-2">
                Back to suggestions
              </Link>
            </Form>
          </div>
          {guidance.data && (
            <GuidanceAside
              id="questions-heading"
              className="grid-col-12 tablet:grid-col-5"
              boxClassName="margin-top-3"
              guidance={guidance.data.questionsForProspectiveMentor}
            />
          )}
        </div>
      )}
    </>
  );
}
