import { Button, ButtonGroup, Form, StepIndicator, StepIndicatorStep } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors, type Schemas } from '../../../lib/api';
import type { MenteeInput, MentorInput, Role } from '../api/types';
import { AcknowledgeStep } from './AcknowledgeStep';
import { BackgroundStep } from './BackgroundStep';
import { ExpertiseStep } from './ExpertiseStep';
import { PreferencesStep } from './PreferencesStep';
import {
  initialDraft,
  MENTEE_STEPS,
  menteeBody,
  mentorBody,
  STEPS,
  stepOfField,
  validateStep,
  type Draft,
} from './draft';

export type ApplicationFormProps = {
  role: Role;
  existing?: Parameters<typeof initialDraft>[0];
  competencies: Schemas['Competency'][];
  responsibilities: string[];
  reflectionPrompts: string[];
  maxCapacity: number;
  submitting: boolean;
  /** The API's answer to the last submit: its `errors` go beside the fields, its `detail` on top. */
  problem: unknown;
  onSubmit: (body: MentorInput | MenteeInput) => void;
};

/** Apply as mentor or mentee in four steps: background, expertise or needs/goals, preferences, acknowledgement. */
export function ApplicationForm(props: ApplicationFormProps) {
  const { role, problem } = props;
  const steps = role === 'mentor' ? STEPS : MENTEE_STEPS;
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(props.existing));
  const [local, setLocal] = useState<Record<string, string>>({});
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const server = fieldErrors(problem);
  const errors = { ...server, ...local };

  useEffect(() => {
    const fields = Object.keys(fieldErrors(problem));
    if (fields.length) setStep(Math.min(...fields.map(stepOfField)));
  }, [problem]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const go = (to: number) => {
    setStep(to);
    requestAnimationFrame(() => stepHeading.current?.focus());
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateStep(role, step, draft, props.maxCapacity);
    setLocal(found);
    if (Object.keys(found).length) return;
    if (step < steps.length - 1) return go(step + 1);
    props.onSubmit(role === 'mentor' ? mentorBody(draft) : menteeBody(draft));
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <>
      <StepIndicator headingLevel="h2" counters="small" className="margin-bottom-2">
        {steps.map((label, i) => (
          <StepIndicatorStep
            key={label}
            label={label}
            status={i < step ? 'complete' : i === step ? 'current' : 'incomplete'}
          />
        ))}
      </StepIndicator>
      {problem != null && <ErrorAlert error={problem} heading="Your application was not saved" />}
      {hasFieldErrors && (
        <p className="text-secondary-dark text-bold" role="alert">
          Please correct the {Object.keys(errors).length === 1 ? 'field' : 'fields'} marked below.
        </p>
      )}
      <Form onSubmit={submit} large noValidate aria-label={`${role} application`}>
        <h3 ref={stepHeading} tabIndex={-1} className="outline-0 margin-bottom-0">
          Step {step + 1} of {steps.length}: {steps[step]}
        </h3>
        {step === 0 && <BackgroundStep draft={draft} set={set} errors={errors} />}
        {step === 1 && (
          <ExpertiseStep
            role={role}
            draft={draft}
            set={set}
            errors={errors}
            competencies={props.competencies}
            reflectionPrompts={props.reflectionPrompts}
          />
        )}
        {step === 2 && (
          <PreferencesStep
            role={role}
            draft={draft}
            set={set}
            errors={errors}
            maxCapacity={props.maxCapacity}
          />
        )}
        {step === 3 && (
          <AcknowledgeStep
            role={role}
            draft={draft}
            set={set}
            errors={errors}
            items={props.responsibilities}
          />
        )}
        <ButtonGroup className="margin-top-3">
          {step > 0 && (
            <Button
              type="button"
              outline
              onClick={() => {
                setLocal({});
                go(step - 1);
              }}
            >
              Back
            </Button>
          )}
          <Button type="submit" disabled={props.submitting}>
            {step < steps.length - 1 ? 'Continue' : props.submitting ? 'Sending…' : 'Submit application'}
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
