import { Form } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useParams } from 'react-router';
import { TextareaField } from '../../../components/ui/TextareaField';
import { ScoreSelect } from '../../../components/ui/ScoreSelect';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useSaveCompletionSurvey } from '../api/mutations';
import { useCompletionSurvey, type Role } from '../api/queries';
import type { CompletionSurvey } from '../api/types';
import { DraftActions, RoleFormPage, useMyRole } from '../components/RoleForm';

const RATINGS = [
  ['programObjectives', 'The program met its objectives'],
  ['selectionMatching', 'The selection and matching process'],
  ['relationship', 'The mentoring relationship'],
  ['training', 'Orientation and training'],
  ['programSupport', 'Support from the program and coordinators'],
] as const;

/** The 1-year completion survey (R-LIFE-5). */
export default function CompletionSurveyPage() {
  const { id = '' } = useParams();
  const { rel, role } = useMyRole(id);
  const survey = useCompletionSurvey(id, role, !!rel.data);
  return (
    <RoleFormPage id={id} heading="Completion survey" rel={rel}>
      <QueryState query={survey}>
        {(s) => <SurveyForm key={`${s.relationshipId}-${s.version}`} id={id} role={role} survey={s} />}
      </QueryState>
    </RoleFormPage>
  );
}

/** Started from one saved version and keyed by it: a save (or a newer version) starts it again. */
function SurveyForm({ id, role, survey }: { id: string; role: Role; survey: CompletionSurvey }) {
  const [d, setD] = useState(survey);
  const save = useSaveCompletionSurvey(id, role);
  const errors = fieldErrors(save.error);
  const submitted = !!survey.submittedAt;
  const send = (submit: boolean) =>
    save.mutate({
      params: { path: { id, role } },
      body: {
        programObjectives: d.programObjectives,
        selectionMatching: d.selectionMatching,
        relationship: d.relationship,
        training: d.training,
        programSupport: d.programSupport,
        comments: d.comments,
        wouldRecommend: d.wouldRecommend,
        submit,
        version: d.version,
      },
    });
  return (
    <>
      {submitted && <Success>Submitted on {formatDate(survey.submittedAt)}. Thank you.</Success>}
      <ErrorAlert error={save.error} heading="The survey was not saved" />
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
        large
        aria-label="Completion survey"
      >
        <fieldset className="usa-fieldset" disabled={submitted}>
          {RATINGS.map(([key, label]) => (
            <ScoreSelect
              key={key}
              id={`cs-${key}`}
              name={key}
              label={`${label} (1 poor – 5 excellent)`}
              error={errors[key]}
              value={d[key]}
              onChange={(v) => setD({ ...d, [key]: v })}
            />
          ))}
          <ScoreSelect
            id="cs-recommend"
            name="wouldRecommend"
            label="How likely are you to recommend the program? (0–10)"
            error={errors.wouldRecommend}
            value={d.wouldRecommend}
            onChange={(v) => setD({ ...d, wouldRecommend: v })}
            min={0}
            max={10}
          />
          <TextareaField
            id="cs-comments"
            name="comments"
            label="Comments"
            error={errors.comments}
            value={d.comments}
            onChange={(text) => setD({ ...d, comments: text })}
          />
        </fieldset>
        {!submitted && (
          <DraftActions
            pending={save.isPending}
            onSaveDraft={() => send(false)}
            submitLabel="Submit survey"
          />
        )}
      </Form>
    </>
  );
}
