import { Button, ButtonGroup, Form, Select, Textarea } from '@trussworks/react-uswds';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, QueryState, Success } from '../../../components/ui/States';
import { $api, fieldErrors } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import type { CompletionSurvey } from '../api/types';

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
  const rel = $api.useQuery('get', '/api/v1/relationships/{id}', { params: { path: { id } } });
  const role = rel.data?.myRole === 'mentor' ? 'mentor' : 'mentee';
  const survey = $api.useQuery(
    'get',
    '/api/v1/relationships/{id}/completion-surveys/{role}',
    { params: { path: { id, role } } },
    { enabled: !!rel.data },
  );
  return (
    <>
      <PageHeading>Completion survey</PageHeading>
      <p>
        <Link to={`/relationships/${id}`}>Back to the relationship</Link>
      </p>
      {rel.error ? (
        <ErrorAlert error={rel.error} />
      ) : !rel.data ? (
        <Loading />
      ) : (
        <QueryState query={survey}>{(s) => <SurveyForm id={id} role={role} survey={s} />}</QueryState>
      )}
    </>
  );
}

function SurveyForm({
  id,
  role,
  survey,
}: {
  id: string;
  role: 'mentor' | 'mentee';
  survey: CompletionSurvey;
}) {
  const queryClient = useQueryClient();
  const [d, setD] = useState(survey);
  useEffect(() => setD(survey), [survey]);
  const save = $api.useMutation('put', '/api/v1/relationships/{id}/completion-surveys/{role}', {
    onSuccess: (data) =>
      queryClient.setQueryData(
        ['get', '/api/v1/relationships/{id}/completion-surveys/{role}', { params: { path: { id, role } } }],
        data,
      ),
  });
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
            <Field key={key} id={`cs-${key}`} label={`${label} (1 poor – 5 excellent)`} error={errors[key]}>
              <Select
                id={`cs-${key}`}
                name={key}
                value={d[key] ?? ''}
                onChange={(e) => setD({ ...d, [key]: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">- Select -</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field
            id="cs-recommend"
            label="How likely are you to recommend the program? (0–10)"
            error={errors.wouldRecommend}
          >
            <Select
              id="cs-recommend"
              name="wouldRecommend"
              value={d.wouldRecommend ?? ''}
              onChange={(e) => setD({ ...d, wouldRecommend: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">- Select -</option>
              {Array.from({ length: 11 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="cs-comments" label="Comments" error={errors.comments}>
            <Textarea
              id="cs-comments"
              name="comments"
              value={d.comments}
              onChange={(e) => setD({ ...d, comments: e.target.value })}
            />
          </Field>
        </fieldset>
        {!submitted && (
          <ButtonGroup className="margin-top-3">
            <Button type="button" outline disabled={save.isPending} onClick={() => send(false)}>
              Save draft
            </Button>
            <Button type="submit" disabled={save.isPending}>
              Submit survey
            </Button>
          </ButtonGroup>
        )}
      </Form>
    </>
  );
}
