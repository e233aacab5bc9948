import { CheckboxGroup } from '../../../components/ui/Choices';
import { TextareaField } from '../../../components/ui/TextareaField';
import type { Schemas } from '../../../lib/api';
import type { Role } from '../api/types';
import type { Draft } from './draft';

type Props = {
  role: Role;
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: Record<string, string>;
  competencies: Schemas['Competency'][];
  reflectionPrompts: string[];
};

export function ExpertiseStep({ role, draft, set, errors, competencies, reflectionPrompts }: Props) {
  const options = competencies.map((c) => ({ value: c.code, label: c.name }));
  if (role === 'mentor')
    return (
      <>
        <CheckboxGroup
          name="competencies"
          legend="Competencies you can help a mentee develop"
          hint="Choose up to 12."
          options={options}
          value={draft.competencies}
          onChange={(v) => set({ competencies: v })}
          error={errors.competencies}
        />
        <TextareaField
          id="technicalAreas"
          label="Technical areas"
          hint="Subjects you know well, separated by commas."
          error={errors.technicalAreas}
          value={draft.technicalAreas}
          maxLength={2000}
          onChange={(technicalAreas) => set({ technicalAreas })}
        />
      </>
    );
  return (
    <>
      <CheckboxGroup
        name="developmentalNeeds"
        legend="Competencies you want to develop"
        hint="Choose up to 8, the most important first; the order you choose them in is their priority."
        options={options.map((o) => {
          const rank = draft.developmentalNeeds.indexOf(o.value);
          return rank < 0 ? o : { ...o, label: `${o.label} (priority ${rank + 1})` };
        })}
        value={draft.developmentalNeeds}
        onChange={(v) => set({ developmentalNeeds: v })}
        error={errors.developmentalNeeds}
      />
      {reflectionPrompts.length > 0 && (
        <div className="usa-summary-box margin-y-3" role="region" aria-labelledby="reflect-heading">
          <div className="usa-summary-box__body">
            <h3 className="usa-summary-box__heading" id="reflect-heading">
              Before you write your goals, reflect
            </h3>
            <ul className="usa-list">
              {reflectionPrompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <TextareaField
        id="shortTermGoals"
        label="Short-term goals (this year)"
        error={errors.shortTermGoals}
        required
        value={draft.shortTermGoals}
        onChange={(shortTermGoals) => set({ shortTermGoals })}
      />
      <TextareaField
        id="longTermGoals"
        label="Long-term career goals"
        error={errors.longTermGoals}
        required
        value={draft.longTermGoals}
        onChange={(longTermGoals) => set({ longTermGoals })}
      />
    </>
  );
}
