import { Button, TextInput } from '@trussworks/react-uswds';
import { CheckboxGroup } from '../../../components/ui/Choices';
import { Field } from '../../../components/ui/Field';
import { TextareaField } from '../../../components/ui/TextareaField';
import type { CommunicationMethod } from '../api/types';
import type { Draft } from './draft';

export const METHODS: { value: CommunicationMethod; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'Phone' },
  { value: 'video', label: 'Video' },
  { value: 'email', label: 'Email' },
];

type Props = { draft: Draft; set: (patch: Partial<Draft>) => void; errors: Record<string, string> };

export function BackgroundStep({ draft, set, errors }: Props) {
  const positions = draft.positions;
  const setPosition = (i: number, patch: Partial<Draft['positions'][number]>) =>
    set({ positions: positions.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <>
      <TextareaField
        id="bio"
        label="About you"
        hint="Your work, your experience, what you care about."
        error={errors.bio}
        required
        value={draft.bio}
        onChange={(bio) => set({ bio })}
      />
      <TextareaField
        id="education"
        label="Education"
        error={errors.education}
        value={draft.education}
        maxLength={2000}
        onChange={(education) => set({ education })}
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">Positions held</legend>
        {positions.map((p, i) => (
          <div key={i} className="border-1px border-base-lighter padding-2 margin-top-1 radius-md">
            <Field
              id={`position-${i}-title`}
              label={`Position ${i + 1} title`}
              error={errors[`positions/${i}/title`]}
            >
              <TextInput
                id={`position-${i}-title`}
                name={`position-${i}-title`}
                type="text"
                value={p.title}
                onChange={(e) => setPosition(i, { title: e.target.value })}
              />
            </Field>
            <Field
              id={`position-${i}-org`}
              label="Organization"
              error={errors[`positions/${i}/organization`]}
            >
              <TextInput
                id={`position-${i}-org`}
                name={`position-${i}-org`}
                type="text"
                value={p.organization}
                onChange={(e) => setPosition(i, { organization: e.target.value })}
              />
            </Field>
            <Field id={`position-${i}-years`} label="Years" error={errors[`positions/${i}/years`]}>
              <TextInput
                id={`position-${i}-years`}
                name={`position-${i}-years`}
                type="number"
                min={0}
                max={60}
                inputSize="small"
                value={p.years}
                onChange={(e) => setPosition(i, { years: e.target.value })}
              />
            </Field>
            <Button
              type="button"
              unstyled
              onClick={() => set({ positions: positions.filter((_, j) => j !== i) })}
            >
              Remove position {i + 1}
            </Button>
          </div>
        ))}
        {positions.length < 20 && (
          <Button
            type="button"
            outline
            className="margin-top-1"
            onClick={() => set({ positions: [...positions, { title: '', organization: '', years: '' }] })}
          >
            Add a position
          </Button>
        )}
      </fieldset>
      <CheckboxGroup
        name="communicationMethods"
        legend="How you like to communicate"
        options={METHODS}
        value={draft.communicationMethods}
        onChange={(v) => set({ communicationMethods: v })}
        error={errors.communicationMethods}
      />
    </>
  );
}
