import { Button, Form, Select } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useCaseActions } from '../api/mutations';
import { useCandidates, useThirdPartyCase } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

type Outcome = 'interested' | 'not_interested' | 'no_answer';
const OUTCOMES: Record<Outcome, string> = {
  interested: 'Interested',
  not_interested: 'Not interested',
  no_answer: 'No answer',
};

/** One case: ranked candidates, the contact log, and the shortlist handed to the mentee. */
export default function ThirdPartyCase() {
  const { id = '' } = useParams();
  const path = { params: { path: { id } } };
  const kase = useThirdPartyCase(id);
  const candidates = useCandidates(id, 10);
  const { contact, shortlist, close } = useCaseActions();
  const [mentorId, setMentorId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('interested');
  const [note, setNote] = useState('');
  const [listNote, setListNote] = useState('');
  const names = new Map((candidates.data?.items ?? []).map((c) => [c.mentor.id, c.mentor.name]));

  function log(e: FormEvent) {
    e.preventDefault();
    if (mentorId)
      contact.mutate({ ...path, body: { mentorId, outcome, ...(note.trim() ? { note: note.trim() } : {}) } });
  }
  return (
    <QueryState query={kase}>
      {(c) => {
        const interested = [
          ...new Set(c.contacts.filter((x) => x.outcome === 'interested').map((x) => x.mentor.id)),
        ];
        return (
          <>
            <PageHeading
              lead={`${c.mentee.opdiv} · ${c.status} · opened ${formatDate(c.createdAt)} by ${c.coordinator.name}`}
            >{`Finding a mentor for ${c.mentee.name}`}</PageHeading>
            <StaffNav />
            <ErrorAlert error={contact.error ?? shortlist.error ?? close.error} />
            <div className="grid-row grid-gap">
              <section className="grid-col-12 desktop:grid-col-6" aria-labelledby="cand-heading">
                <h2 id="cand-heading">Ranked candidates</h2>
                <QueryState
                  query={candidates}
                  isEmpty={(d) => d.items.length === 0}
                  empty="No eligible mentor has a place."
                >
                  {(page) => (
                    <ol className="usa-list">
                      {page.items.map((x) => (
                        <li key={x.mentor.id}>
                          <strong>{x.mentor.name}</strong> ({x.mentor.opdiv}), score {Math.round(x.score)}:{' '}
                          {x.reasons.slice(0, 2).join('; ')}
                        </li>
                      ))}
                    </ol>
                  )}
                </QueryState>
              </section>
              <section className="grid-col-12 desktop:grid-col-6" aria-labelledby="log-heading">
                <h2 id="log-heading">Contact log</h2>
                {c.contacts.length === 0 ? (
                  <p>No contacts yet.</p>
                ) : (
                  <ul className="usa-list">
                    {c.contacts.map((x) => (
                      <li key={x.id}>
                        {formatDate(x.contactedAt)}: {x.mentor.name},{' '}
                        {OUTCOMES[x.outcome as Outcome] ?? x.outcome}
                        {x.note && ` — ${x.note}`}
                      </li>
                    ))}
                  </ul>
                )}
                {c.status !== 'closed' && (
                  <Form onSubmit={log} aria-label="Record a contact">
                    <Field id="tp-mentor" label="Mentor contacted">
                      <Select
                        id="tp-mentor"
                        name="mentorId"
                        value={mentorId}
                        onChange={(e) => setMentorId(e.target.value)}
                      >
                        <option value="">- Select -</option>
                        {[...names].map(([mid, name]) => (
                          <option key={mid} value={mid}>
                            {name}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field id="tp-outcome" label="Their answer">
                      <Select
                        id="tp-outcome"
                        name="outcome"
                        value={outcome}
                        onChange={(e) => setOutcome(e.target.value as Outcome)}
                      >
                        {Object.entries(OUTCOMES).map(([v, l]) => (
                          <option key={v} value={v}>
                            {l}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <TextareaField id="tp-note" name="note" label="Note" value={note} onChange={setNote} />
                    <Button type="submit" disabled={contact.isPending || !mentorId}>
                      Record contact
                    </Button>
                  </Form>
                )}
              </section>
            </div>
            <section aria-labelledby="sl-heading" className="margin-top-4">
              <h2 id="sl-heading">Shortlist for the mentee</h2>
              {shortlist.isSuccess && <Success>The shortlist was handed to {c.mentee.name}.</Success>}
              {c.shortlists.map((s) => (
                <p key={s.id}>
                  {formatDate(s.handedAt)}: {s.mentors.map((m) => m.name).join(', ')}
                  {s.note && ` — ${s.note}`}
                </p>
              ))}
              {c.status !== 'closed' && (
                <Form
                  onSubmit={(e) => {
                    e.preventDefault();
                    shortlist.mutate({ ...path, body: { mentorIds: interested, note: listNote.trim() } });
                  }}
                  aria-label="Hand a shortlist"
                >
                  <p>
                    Mentors who said they are interested:{' '}
                    {interested.length
                      ? interested
                          .map((m) => c.contacts.find((x) => x.mentor.id === m)?.mentor.name)
                          .join(', ')
                      : 'none yet'}
                    .
                  </p>
                  <TextareaField
                    id="sl-note"
                    name="note"
                    label="Note to the mentee"
                    value={listNote}
                    onChange={setListNote}
                  />
                  <Button type="submit" disabled={shortlist.isPending || interested.length === 0}>
                    Hand the shortlist
                  </Button>
                  <Button type="button" outline disabled={close.isPending} onClick={() => close.mutate(path)}>
                    Close the case
                  </Button>
                </Form>
              )}
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
