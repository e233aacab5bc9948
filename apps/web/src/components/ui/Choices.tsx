import { Checkbox, ErrorMessage, Fieldset, FormGroup, Radio } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

type Option<T extends string> = { value: T; label: ReactNode; description?: ReactNode };

/** A fieldset of checkboxes (legend = the question), with its error beside it. */
export function CheckboxGroup<T extends string>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  tile,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option<T>[];
  value: T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
  tile?: boolean;
}) {
  return (
    <FormGroup error={!!error}>
      <Fieldset legend={legend} legendStyle="default">
        {hint && <span className="usa-hint">{hint}</span>}
        {error && <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage>}
        {options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            label={o.label}
            labelDescription={o.description}
            tile={tile}
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          />
        ))}
      </Fieldset>
    </FormGroup>
  );
}

export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: ReactNode;
  options: Option<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <FormGroup error={!!error}>
      <Fieldset legend={legend} legendStyle="default">
        {error && <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage>}
        {options.map((o) => (
          <Radio
            key={o.value}
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            label={o.label}
            labelDescription={o.description}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
        ))}
      </Fieldset>
    </FormGroup>
  );
}
