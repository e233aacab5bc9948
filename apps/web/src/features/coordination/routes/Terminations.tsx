import { Button, Form } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextareaField } from '../../../components/ui/TextareaField';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useTerminationActions } from '../api/mutations';
import { useTerminationRequests } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

/** Termination requests awaiting guidance (R-LIFE-7): record guidance, then end the relationship. */
export default function Terminations() {
  const list = useTerminationRequests();
  return (
    <>
      <PageHeading>Termination requests</PageHeading>
      <StaffNav />
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty="No termination request is waiting for guidance."
      >
        {(page) => (
          <ul className="usa-list usa-list--unstyled">
            {page.items.map((t) => (
              <li
                key={t.relationshipId}
                className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2"
              >
                <Guidance request={t} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

type Request = {
  relationshipId: string;
  mentee: { name: string };
  mentor: { name: string };
  requestedBy: string;
  reason: string;
  requestedAt: string;
  daysWaiting: number;
};

function Guidance({ request: t }: { request: Request }) {
  const [text, setText] = useState('');
  const { guide, end } = useTerminationActions();
  const path = { params: { path: { id: t.relationshipId } } };
  function submit(e: FormEvent) {
    e.preventDefault();
    guide.mutate({ ...path, body: { text: text.trim() } });
  }
  return (
    <>
      <h2 className="font-sans-md margin-top-0">
        <Link to={`/relationships/${t.relationshipId}`}>
          {t.mentee.name} and {t.mentor.name}
        </Link>
      </h2>
      <p>
        Requested by {t.requestedBy} on {formatDate(t.requestedAt)} ({t.daysWaiting} days ago): “{t.reason}”
      </p>
      {guide.isSuccess && <Success>Guidance recorded.</Success>}
      <ErrorAlert error={guide.error ?? end.error} />
      <Form onSubmit={submit} aria-label={`Guidance for ${t.mentee.name}`}>
        <TextareaField
          id={`g-${t.relationshipId}`}
          name="text"
          label="Guidance to the pair"
          value={text}
          onChange={setText}
        />
        <Button type="submit" disabled={guide.isPending}>
          Record guidance
        </Button>
        <Button
          type="button"
          secondary
          disabled={end.isPending}
          onClick={() => end.mutate({ ...path, body: {} })}
        >
          End the relationship
        </Button>
      </Form>
    </>
  );
}
