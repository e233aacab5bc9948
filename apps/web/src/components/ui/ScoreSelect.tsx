import { Select } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Field } from './Field';

/** A labelled score from `min` to `max` (1–5 unless told), with "- Select -" for no answer yet. */
export function ScoreSelect({
  id,
  name,
  label,
  error,
  value,
  onChange,
  min = 1,
  max = 5,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  error?: string | undefined;
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} error={error} required={required}>
      <Select
        id={id}
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        required={required}
      >
        <option value="">- Select -</option>
        {Array.from({ length: max - min + 1 }, (_, i) => (
          <option key={min + i} value={min + i}>
            {min + i}
          </option>
        ))}
      </Select>
    </Field>
  );
}
