import { ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

/** A labelled form control with its hint and its field error (from the problem's `errors`) beside it. */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <FormGroup error={!!error}>
      <Label htmlFor={id} error={!!error} requiredMarker={required}>
        {label}
      </Label>
      {hint && (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </FormGroup>
  );
}

/** aria-describedby for a control wrapped in Field. */
export function describedBy(
  id: string,
  opts: { hint?: boolean; error?: string | undefined },
): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
