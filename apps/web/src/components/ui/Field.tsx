import { ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import { cloneElement, isValidElement, type ReactNode } from 'react';

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
      {error ? withError(id, children) : children}
    </FormGroup>
  );
}

type ControlProps = { id?: string; 'aria-describedby'?: string };

/** The control named `id` marked invalid and described by its error, so focus on it reads the error out. */
function withError(id: string, children: ReactNode): ReactNode {
  if (!isValidElement<ControlProps>(children) || children.props.id !== id) return children;
  const described = [children.props['aria-describedby'], `${id}-error`].filter(Boolean).join(' ');
  return cloneElement(children, { 'aria-invalid': true, 'aria-describedby': described } as ControlProps);
}

/** aria-describedby for a control wrapped in Field. */
export function describedBy(
  id: string,
  opts: { hint?: boolean; error?: string | undefined },
): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
