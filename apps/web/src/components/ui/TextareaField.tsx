import { Textarea } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { describedBy, Field } from './Field';

/**
 * A labelled text area with its hint and field error (Field), described by both for screen readers; `onChange`
 * gets the text. At most 4,000 characters unless `maxLength` says otherwise (the API's usual limit).
 */
export function TextareaField({
  id,
  name = id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  maxLength = 4000,
  className,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  value: string;
  onChange: (text: string) => void;
  maxLength?: number;
  className?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <Textarea
        id={id}
        name={name}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, { hint: !!hint, error })}
        {...(className ? { className } : {})}
      />
    </Field>
  );
}
