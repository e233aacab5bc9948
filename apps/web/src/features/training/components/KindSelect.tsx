import { Select } from '@trussworks/react-uswds';
import { Field } from '../../../components/ui/Field';
import { isKind, KINDS, type Kind } from './labels';

/** The kinds of training as a labelled select; with `anyLabel`, a first choice for no kind in particular. */
export function KindSelect({
  id,
  label,
  value,
  anyLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: Kind | '';
  anyLabel?: string;
  onChange: (kind: Kind | '') => void;
}) {
  return (
    <Field id={id} label={label}>
      <Select
        id={id}
        name="kind"
        value={value}
        onChange={(e) => onChange(isKind(e.target.value) ? e.target.value : '')}
      >
        {anyLabel && <option value="">{anyLabel}</option>}
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
