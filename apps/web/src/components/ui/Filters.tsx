import { Select, TextInput } from '@trussworks/react-uswds';
import type { ChangeEvent } from 'react';
import { useOpdivs } from '../../lib/reference';
import { Field } from './Field';

type Control = {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
};

/** "Operating division" filter over the divisions the API lists; the empty choice reads `anyLabel`. */
export function OpdivSelect({ id, value, onChange, anyLabel = 'Any' }: Control & { anyLabel?: string }) {
  const opdivs = useOpdivs();
  return (
    <Field id={id} label="Operating division">
      <Select id={id} name="opdiv" value={value} onChange={onChange}>
        <option value="">{anyLabel}</option>
        {opdivs.data?.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Two-letter "State" filter (the search upper-cases it). */
export function StateInput({ id, value, onChange }: Control) {
  return (
    <Field id={id} label="State">
      <TextInput id={id} name="state" type="text" maxLength={2} value={value} onChange={onChange} />
    </Field>
  );
}

/** A free-text filter ("Name", "City"). */
export function TextFilter({
  id,
  name,
  label,
  type = 'text',
  value,
  onChange,
}: Control & { name: string; label: string; type?: 'text' | 'search' }) {
  return (
    <Field id={id} label={label}>
      <TextInput id={id} name={name} type={type} value={value} onChange={onChange} />
    </Field>
  );
}
