import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import type { paths } from '@hhs-mentoring/api-client';
import { TextareaField } from '../../../components/ui/TextareaField';
import { FocusOnChange } from '../../../components/ui/FocusOnChange';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

export type EarlyCompletion =
  paths['/api/v1/relationships/{id}/early-completion']['get']['responses'][200]['content']['application/json'];
type Party = 'mentee' | 'mentor' | 'coordinator';
const PARTIES: Party[] = ['mentee', 'mentor', 'coordinator'];

/**
 * R-END-1: completing early when the goals are met. It counts as completed (not ended) once the mentee, the mentor and
 * a coordinator agree, and only from the day ending is allowed (R-LIFE-7); before then the page says that day.
 */
export function EarlyCompletionPanel({
  status: s,
  me,
  names,
  now = new Date(),
  onAgree,
  pending,
  error,
}: {
  status: EarlyCompletion;
  /** Who is reading: a partner, a coordinator in scope, or someone who may only read. */
  me: Party | null;
  names: { mentee: string; mentor: string };
  now?: Date;
  onAgree: (note: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [note, setNote] = useState('');
  const allowed = new Date(s.allowedFrom).getTime() <= now.getTime();
  const who = (p: Party) =>
    p === 'coordinator'
      ? me === p
        ? 'You (coordinator)'
        : 'A coordinator'
      : `${me === p ? 'You' : names[p]} (${p})`;
  function submit(e: FormEvent) {
    e.preventDefault();
    onAgree(note.trim());
  }
  if (s.completedEarly) return null;
  const agreedCount = PARTIES.filter((p) => s.agreed[p]).length;
  return (
    <section aria-labelledby="early-heading" className="margin-top-4" data-testid="early-completion">
      <h2 id="early-heading">Completing early</h2>
      {!allowed ? (
        <p data-testid="early-not-yet">
          If the goals of the agreement are met, the relationship can be completed early from{' '}
          {formatDate(s.allowedFrom)}. It then counts as completed, not as ended.
        </p>
      ) : (
        <>
          <p>
            If the goals of your agreement are met, the relationship can be completed early. It counts as
            completed once the mentee, the mentor and a coordinator all agree.
          </p>
          <FocusOnChange signal={agreedCount}>
            <ul className="usa-list" aria-live="polite" data-testid="early-agreed">
              {PARTIES.map((p) => (
                <li key={p}>
                  {who(p)}: {s.agreed[p] ? `agreed on ${formatDate(s.agreed[p])}` : 'has not agreed yet'}
                </li>
              ))}
            </ul>
          </FocusOnChange>
          <ErrorAlert error={error} heading="Your agreement was not recorded" />
          {me && !s.agreed[me] && (
            <Form onSubmit={submit} aria-label="Agree to complete early">
              <TextareaField
                id="early-note"
                name="note"
                label="What was achieved (optional)"
                error={fieldErrors(error).note}
                hint="A sentence for the record: which goals were met."
                value={note}
                maxLength={2000}
                onChange={setNote}
              />
              <Button type="submit" disabled={pending}>
                I agree the goals are met
              </Button>
            </Form>
          )}
        </>
      )}
    </section>
  );
}
