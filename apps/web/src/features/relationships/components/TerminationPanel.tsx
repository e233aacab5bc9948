import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useTerminationRequest } from '../api/mutations';
import { TextareaField } from '../../../components/ui/TextareaField';

/** R-LIFE-7: a partner asks to end the relationship (no-fault, after 3 months); the coordinator guides, then ends it. */
export function TerminationPanel({ relationship: r }: { relationship: Schemas['Relationship'] }) {
  const { request, withdraw } = useTerminationRequest(r.id);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(request.error);
  const path = { params: { path: { id: r.id } } };
  const partner = r.myRole === 'mentor' || r.myRole === 'mentee';
  const allowedFrom = new Date(r.endingAllowedFrom);

  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate({ ...path, body: { reason: reason.trim() } });
  }
  if (r.ended)
    return (
      <section aria-labelledby="end-heading">
        <h2 id="end-heading">Ended</h2>
        <p>
          Ended {formatDate(r.ended.at)}: {r.ended.reason}
        </p>
      </section>
    );
  return (
    <section aria-labelledby="end-heading" className="margin-top-4">
      <h2 id="end-heading">Ending the relationship</h2>
      <ErrorAlert error={request.error ?? withdraw.error} heading="That did not work" />
      {r.termination ? (
        <>
          <p>
            Termination requested {formatDate(r.termination.requestedAt)}: “{r.termination.reason}”
          </p>
          <p>
            {r.termination.guidance
              ? `Coordinator guidance (${formatDate(r.termination.guidanceAt)}): ${r.termination.guidance}`
              : 'Your coordinator will contact you with guidance.'}
          </p>
          {partner && (
            <Button type="button" outline onClick={() => withdraw.mutate(path)} disabled={withdraw.isPending}>
              Withdraw my request
            </Button>
          )}
        </>
      ) : allowedFrom.getTime() > Date.now() ? (
        <p data-testid="ending-not-yet">
          Either partner may ask to end the relationship without fault from {formatDate(r.endingAllowedFrom)}.
          If something is wrong before then, talk to your coordinator.
        </p>
      ) : partner ? (
        <Form onSubmit={submit} aria-label="Ask to end the relationship">
          <p>
            Either of you may end the relationship without fault after three months. Your coordinator will
            help.
          </p>
          <TextareaField
            id="termination-reason"
            label="Why you want to end it"
            error={errors.reason}
            name="reason"
            value={reason}
            maxLength={2000}
            onChange={(text) => setReason(text)}
          />
          <Button type="submit" secondary disabled={request.isPending}>
            Ask to end the relationship
          </Button>
        </Form>
      ) : (
        <p>No termination has been requested.</p>
      )}
    </section>
  );
}
