import { Button, ButtonGroup, Form, Textarea } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useIdpChanges } from '../api/mutations';
import { useIdp, useRelationshipIfPartner } from '../api/queries';
import type { Idp } from '../api/types';
import { ActivitiesEditor } from '../components/ActivitiesEditor';
import { SupervisorInput } from '../components/SupervisorInput';
import { TextareaField } from '../../../components/ui/TextareaField';

/** The Individual Development Plan (R-LIFE-3): the pair write it, the mentee shares it with their supervisor. */
export default function IdpPage() {
  const { id = '' } = useParams();
  const idp = useIdp(id);
  const rel = useRelationshipIfPartner(id);
  // A supervisor may read a shared IDP but not the relationship itself, so its 404 just means "not a partner".
  const myRole = rel.data?.myRole ?? 'supervisor';
  return (
    <>
      <PageHeading>Individual Development Plan</PageHeading>
      {rel.data && (
        <p>
          {rel.data.mentee.name}, mentored by {rel.data.mentor.name}.{' '}
          <Link to={`/relationships/${id}`}>Back to the relationship</Link>
        </p>
      )}
      <QueryState query={idp}>
        {(doc) =>
          myRole === 'supervisor' ? (
            <SupervisorInput id={id} idp={doc} />
          ) : (
            <IdpChanges id={id} idp={doc} myRole={myRole} />
          )
        }
      </QueryState>
    </>
  );
}

type EditorProps = { id: string; idp: Idp; myRole: string };

/** The IDP's changes outlive the editor ("saved" stays), which starts again from each saved version. */
function IdpChanges(props: EditorProps) {
  const changes = useIdpChanges(props.id);
  // Completing does not bump the version, but a completed IDP is a new starting point too.
  const { relationshipId, version, completedAt } = props.idp;
  return <IdpEditor key={`${relationshipId}-${version}-${completedAt ?? ''}`} {...props} changes={changes} />;
}

function IdpEditor({
  id,
  idp,
  myRole,
  changes: { save, share, complete },
}: EditorProps & { changes: ReturnType<typeof useIdpChanges> }) {
  const [draft, setDraft] = useState(idp);
  const path = { params: { path: { id } } };
  const errors = fieldErrors(save.error);
  const editable = (myRole === 'mentor' || myRole === 'mentee') && !idp.completedAt;
  const dirty = JSON.stringify(draft) !== JSON.stringify(idp);

  function submit(e: FormEvent) {
    e.preventDefault();
    const { strengths, developmentalNeeds, objectives, activities, reviewDates, version } = draft;
    save.mutate({
      ...path,
      body: { strengths, developmentalNeeds, objectives, activities, reviewDates, version },
    });
  }
  return (
    <>
      {save.isSuccess && !dirty && <Success>The IDP was saved.</Success>}
      {idp.sharedWithSupervisorAt && (
        <p>
          <span className="usa-tag bg-green">Shared</span> with the supervisor on{' '}
          {formatDate(idp.sharedWithSupervisorAt)}.
        </p>
      )}
      {idp.completedAt && <Success>The IDP was completed on {formatDate(idp.completedAt)}.</Success>}
      <ErrorAlert error={save.error ?? share.error ?? complete.error} />
      <Form onSubmit={submit} large aria-label="Individual Development Plan" className="maxw-none">
        <fieldset className="usa-fieldset" disabled={!editable}>
          <TextareaField
            id="idp-strengths"
            label="Strengths"
            error={errors.strengths}
            name="strengths"
            value={draft.strengths}
            maxLength={4000}
            onChange={(text) => setDraft({ ...draft, strengths: text })}
          />
          <Field id="idp-objectives" label="Objectives (one a line)" error={errors.objectives}>
            <Textarea
              id="idp-objectives"
              name="objectives"
              value={draft.objectives.map((o) => o.text).join('\n')}
              onChange={(e) =>
                setDraft({ ...draft, objectives: e.target.value.split('\n').map((text) => ({ text })) })
              }
            />
          </Field>
          <ActivitiesEditor
            activities={draft.activities}
            errors={errors}
            onChange={(activities) => setDraft({ ...draft, activities })}
          />
        </fieldset>
        {editable && (
          <Button
            type="submit"
            className="margin-top-3"
            disabled={save.isPending || !dirty}
            onClick={() => setDraft((d) => ({ ...d, objectives: d.objectives.filter((o) => o.text.trim()) }))}
          >
            Save IDP
          </Button>
        )}
      </Form>
      {editable && myRole === 'mentee' && (
        <ButtonGroup className="margin-top-3">
          {!idp.sharedWithSupervisorAt && (
            <Button
              type="button"
              outline
              disabled={share.isPending || dirty || idp.version === 0}
              onClick={() => share.mutate(path)}
            >
              Share with my supervisor
            </Button>
          )}
          <Button
            type="button"
            disabled={complete.isPending || dirty || idp.version === 0}
            onClick={() => complete.mutate(path)}
          >
            Mark the IDP complete
          </Button>
        </ButtonGroup>
      )}
      {idp.supervisorInput && (
        <section aria-labelledby="sup-heading" className="margin-top-4">
          <h2 id="sup-heading">Supervisor’s input</h2>
          <p>{idp.supervisorInput}</p>
          <p className="text-base">{formatDate(idp.supervisorInputAt)}</p>
        </section>
      )}
    </>
  );
}
