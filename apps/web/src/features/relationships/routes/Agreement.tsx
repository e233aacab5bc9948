import { Button, ButtonGroup, Checkbox, Form, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CheckboxGroup } from '../../../components/ui/Choices';
import { Field } from '../../../components/ui/Field';
import { GuidanceAside } from '../../../components/ui/GuidanceAside';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useGuidance } from '../../../lib/reference';
import { useAgreementChanges } from '../api/mutations';
import { useAgreement, useRelationship } from '../api/queries';
import type { Agreement } from '../api/types';

type Method = Agreement['communicationMethods'][number];
const METHODS: { value: Method; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'Phone' },
  { value: 'video', label: 'Video' },
  { value: 'email', label: 'Email' },
];
// R-MEET-1: the cadence the cadence watch measures against, and the usual way of meeting (new meetings start from it).
type Cadence = NonNullable<Agreement['cadence']>;
type UsualMode = NonNullable<Agreement['usualMode']>;
export const CADENCES: { value: Cadence; label: string }[] = [
  { value: 'weekly', label: 'Every week' },
  { value: 'every_2_weeks', label: 'Every 2 weeks' },
  { value: 'every_4_weeks', label: 'Every 4 weeks' },
  { value: 'monthly', label: 'Every month' },
];
export const USUAL_MODES: { value: UsualMode; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'By phone' },
  { value: 'video', label: 'By video' },
];
const TEXT_FIELDS = [
  ['goals', 'What we want to achieve together', 'textarea'],
  ['meetingFrequency', 'How often we meet', 'input'],
  ['meetingLength', 'How long our meetings last', 'input'],
  ['boundaries', 'Boundaries (topics, times, access)', 'textarea'],
  ['confidentiality', 'Confidentiality', 'textarea'],
] as const;

/** The mentoring agreement (R-LIFE-2), on the partnership guide's topics; a change clears signatures. */
export default function AgreementPage() {
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const rel = useRelationship(id);
  const guidance = useGuidance();
  // Here, not in the form: the form starts again from each saved version, and "saved" must outlive it.
  const changes = useAgreementChanges(id);
  return (
    <>
      <PageHeading>Mentoring agreement</PageHeading>
      <p>
        <Link to={`/relationships/${id}`}>Back to the relationship</Link>
      </p>
      <div className="grid-row grid-gap">
        <div className="grid-col-12 desktop:grid-col-8">
          <QueryState query={agreement}>
            {(a) => (
              <AgreementForm
                // Completing does not bump the version, but a completed agreement is a new starting point too.
                key={`${a.relationshipId}-${a.version}-${a.completedAt ?? ''}`}
                id={id}
                agreement={a}
                myRole={rel.data?.myRole}
                changes={changes}
              />
            )}
          </QueryState>
        </div>
        {guidance.data && (
          <GuidanceAside
            id="topics-heading"
            className="grid-col-12 desktop:grid-col-4"
            guidance={guidance.data.agreementTopics}
          />
        )}
      </div>
    </>
  );
}

/** The agreement as saved, started from one version: keyed by it, so a saved or newer version starts it again. */
function AgreementForm({
  id,
  agreement: a,
  myRole,
  changes: { save, sign, complete },
}: {
  id: string;
  agreement: Agreement;
  myRole: string | undefined;
  changes: ReturnType<typeof useAgreementChanges>;
}) {
  const [draft, setDraft] = useState(a);
  const path = { params: { path: { id } } };
  const errors = fieldErrors(save.error);
  const partner = myRole === 'mentor' || myRole === 'mentee';
  const signed = !!(a.mentorSignedAt || a.menteeSignedAt);
  // A signed or completed agreement reads as a document; changing a signed one is a deliberate step (it clears both signatures).
  const [changing, setChanging] = useState(false);
  const editable = partner && !a.completedAt && (!signed || changing);
  const mySignature = myRole === 'mentor' ? a.mentorSignedAt : myRole === 'mentee' ? a.menteeSignedAt : null;
  const dirty = JSON.stringify(draft) !== JSON.stringify(a);

  function submit(e: FormEvent) {
    e.preventDefault();
    const {
      goals,
      meetingFrequency,
      meetingLength,
      communicationMethods,
      confidentiality,
      boundaries,
      noFaultTermination,
      cadence,
      usualMode,
      version,
    } = draft;
    save.mutate({
      ...path,
      body: {
        goals,
        meetingFrequency,
        meetingLength,
        communicationMethods,
        confidentiality,
        boundaries,
        noFaultTermination,
        cadence,
        usualMode,
        version,
      },
    });
  }
  return (
    <>
      {save.isSuccess && !dirty && <Success>Agreement saved. Both of you sign it next.</Success>}
      {a.completedAt && <Success>The agreement was completed on {formatDate(a.completedAt)}.</Success>}
      <ErrorAlert error={save.error ?? sign.error ?? complete.error} />
      {!editable ? (
        <>
          <AgreementText agreement={a} />
          {partner && !a.completedAt && (
            <p>
              Signed agreements cannot be edited in place.{' '}
              <Button type="button" unstyled onClick={() => setChanging(true)}>
                Change the agreement
              </Button>{' '}
              (a saved change clears both signatures, and you both sign again).
            </p>
          )}
        </>
      ) : (
        <Form onSubmit={submit} large aria-label="Mentoring agreement" className="maxw-none">
          <fieldset className="usa-fieldset" disabled={!editable}>
            {TEXT_FIELDS.map(([key, label, kind]) => (
              <Field key={key} id={`ag-${key}`} label={label} error={errors[key]}>
                {kind === 'textarea' ? (
                  <Textarea
                    id={`ag-${key}`}
                    name={key}
                    value={draft[key]}
                    maxLength={4000}
                    onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                  />
                ) : (
                  <TextInput
                    id={`ag-${key}`}
                    name={key}
                    type="text"
                    value={draft[key]}
                    maxLength={200}
                    onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                  />
                )}
              </Field>
            ))}
            <Field
              id="ag-cadence"
              label="Our meeting rhythm, for reminders"
              hint="If no meeting is recorded for one and a half times this, you both get a reminder."
              error={errors.cadence}
            >
              <Select
                id="ag-cadence"
                name="cadence"
                aria-describedby="ag-cadence-hint"
                value={draft.cadence ?? ''}
                onChange={(e) => setDraft({ ...draft, cadence: (e.target.value || null) as Cadence | null })}
              >
                <option value="">Every month (the program’s usual rhythm)</option>
                {CADENCES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="ag-usualMode" label="How we usually meet" error={errors.usualMode}>
              <Select
                id="ag-usualMode"
                name="usualMode"
                value={draft.usualMode ?? ''}
                onChange={(e) =>
                  setDraft({ ...draft, usualMode: (e.target.value || null) as UsualMode | null })
                }
              >
                <option value="">Not decided</option>
                {USUAL_MODES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
            <CheckboxGroup
              name="ag-methods"
              legend="How we communicate"
              options={METHODS}
              value={draft.communicationMethods}
              onChange={(v) => setDraft({ ...draft, communicationMethods: v })}
              error={errors.communicationMethods}
            />
            <Checkbox
              id="ag-noFault"
              name="noFaultTermination"
              checked={draft.noFaultTermination}
              onChange={(e) => setDraft({ ...draft, noFaultTermination: e.target.checked })}
              label="Either of us may end the relationship without fault (after three months)"
            />
          </fieldset>
          <Button type="submit" className="margin-top-3" disabled={save.isPending || !dirty}>
            Save agreement
          </Button>
        </Form>
      )}
      <h2>Signatures</h2>
      <ul className="usa-list" data-testid="signatures">
        <li>
          Mentor:{' '}
          {a.mentorSignedAt
            ? `${a.mentorSignature ?? 'signed'}, ${formatDate(a.mentorSignedAt)}`
            : 'not signed'}
        </li>
        <li>
          Mentee:{' '}
          {a.menteeSignedAt
            ? `${a.menteeSignature ?? 'signed'}, ${formatDate(a.menteeSignedAt)}`
            : 'not signed'}
        </li>
      </ul>
      <ButtonGroup>
        {partner && !a.completedAt && !mySignature && a.version > 0 && (
          <Button
            type="button"
            disabled={sign.isPending || dirty}
            onClick={() => sign.mutate({ ...path, body: { version: a.version } })}
          >
            Sign this version
          </Button>
        )}
        {myRole === 'mentee' && !a.completedAt && a.mentorSignedAt && a.menteeSignedAt && (
          <Button type="button" disabled={complete.isPending} onClick={() => complete.mutate(path)}>
            Mark the agreement complete
          </Button>
        )}
      </ButtonGroup>
    </>
  );
}

/** The agreement as a read-only document (what was signed). */
export function AgreementText({ agreement: a }: { agreement: Agreement }) {
  const methods = METHODS.filter((m) => a.communicationMethods.includes(m.value)).map((m) => m.label);
  return (
    <dl data-testid="agreement-text" className="margin-bottom-3">
      {TEXT_FIELDS.map(([key, label]) => (
        <div key={key}>
          <dt className="text-bold">{label}</dt>
          <dd className="margin-left-0 margin-bottom-2 text-pre-wrap">{a[key] || 'Not written.'}</dd>
        </div>
      ))}
      <dt className="text-bold">Our meeting rhythm, for reminders</dt>
      <dd className="margin-left-0 margin-bottom-2">
        {CADENCES.find((c) => c.value === a.cadence)?.label ?? 'Every month (the program’s usual rhythm)'}
      </dd>
      <dt className="text-bold">How we usually meet</dt>
      <dd className="margin-left-0 margin-bottom-2">
        {USUAL_MODES.find((m) => m.value === a.usualMode)?.label ?? 'Not decided'}
      </dd>
      <dt className="text-bold">How we communicate</dt>
      <dd className="margin-left-0 margin-bottom-2">{methods.length ? methods.join(', ') : 'Not chosen.'}</dd>
      <dt className="text-bold">Ending without fault</dt>
      <dd className="margin-left-0 margin-bottom-2">
        {a.noFaultTermination
          ? 'Either of us may end the relationship without fault (after three months).'
          : 'Not agreed.'}
      </dd>
    </dl>
  );
}
