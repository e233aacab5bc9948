import { Checkbox, Form, TextInput } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useParams } from 'react-router';
import { describedBy, Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';
import { ScoreSelect } from '../../../components/ui/ScoreSelect';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSaveProgressReport } from '../api/mutations';
import { useProgressReport, type Role } from '../api/queries';
import type { ProgressReport } from '../api/types';
import { DraftActions, RoleFormPage, useMyRole } from '../components/RoleForm';

/** My 6-month progress report (R-LIFE-4): save a draft, submit, and ask the coordinator to get in touch. */
export default function ProgressReportPage() {
  const { id = '' } = useParams();
  const { rel, role } = useMyRole(id);
  const report = useProgressReport(id, role, !!rel.data);
  return (
    <RoleFormPage id={id} heading="6-month progress report" rel={rel}>
      <QueryState query={report}>
        {(r) => <ReportForm key={`${r.relationshipId}-${r.version}`} id={id} role={role} report={r} />}
      </QueryState>
    </RoleFormPage>
  );
}

/** Started from one saved version and keyed by it: a save (or a newer version) starts it again. */
function ReportForm({ id, role, report }: { id: string; role: Role; report: ProgressReport }) {
  const [d, setD] = useState(report);
  const save = useSaveProgressReport(id, role);
  const errors = fieldErrors(save.error);
  const submitted = !!report.submittedAt;
  const send = (submit: boolean) =>
    save.mutate({
      params: { path: { id, role } },
      body: {
        meetingsHeld: d.meetingsHeld,
        objectivesProgress: d.objectivesProgress,
        relationshipRating: d.relationshipRating,
        concerns: d.concerns,
        wantsCoordinatorContact: d.wantsCoordinatorContact,
        submit,
        version: d.version,
      },
    });
  return (
    <>
      {submitted && <Success>Submitted on {formatDate(report.submittedAt)}.</Success>}
      <ErrorAlert error={save.error} heading="The report was not saved" />
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
        large
        aria-label="Progress report"
      >
        <fieldset className="usa-fieldset" disabled={submitted}>
          <Field
            id="pr-meetings"
            label="Meetings held so far"
            hint={
              report.lastMeetingAt
                ? `Your last recorded meeting was on ${formatDate(report.lastMeetingAt)}.`
                : 'No meeting is recorded yet.'
            }
            error={errors.meetingsHeld}
          >
            <TextInput
              id="pr-meetings"
              name="meetingsHeld"
              type="number"
              min={0}
              max={200}
              inputSize="small"
              aria-describedby={describedBy('pr-meetings', { hint: true, error: errors.meetingsHeld })}
              value={String(d.meetingsHeld)}
              onChange={(e) => setD({ ...d, meetingsHeld: Number(e.target.value) })}
            />
          </Field>
          <TextareaField
            id="pr-progress"
            name="objectivesProgress"
            label="Progress on the IDP objectives"
            error={errors.objectivesProgress}
            value={d.objectivesProgress}
            onChange={(text) => setD({ ...d, objectivesProgress: text })}
          />
          <ScoreSelect
            id="pr-rating"
            name="relationshipRating"
            label="How is the relationship going? (1 poor – 5 excellent)"
            error={errors.relationshipRating}
            value={d.relationshipRating}
            onChange={(v) => setD({ ...d, relationshipRating: v })}
          />
          <TextareaField
            id="pr-concerns"
            name="concerns"
            label="Concerns"
            error={errors.concerns}
            value={d.concerns}
            onChange={(text) => setD({ ...d, concerns: text })}
          />
          <Checkbox
            id="pr-contact"
            name="wantsCoordinatorContact"
            checked={d.wantsCoordinatorContact}
            onChange={(e) => setD({ ...d, wantsCoordinatorContact: e.target.checked })}
            label="I would like my coordinator to contact me"
          />
        </fieldset>
        {!submitted && (
          <DraftActions
            pending={save.isPending}
            onSaveDraft={() => send(false)}
            submitLabel="Submit report"
          />
        )}
      </Form>
    </>
  );
}
