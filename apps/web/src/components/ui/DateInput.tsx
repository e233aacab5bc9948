import type { InputHTMLAttributes } from 'react';

/** A native date (or date-time) field styled as a USWDS input; the browser's picker is keyboard accessible. */
export function DateInput({
  type = 'date',
  className = '',
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; type?: 'date' | 'datetime-local' }) {
  return <input {...props} type={type} className={`usa-input ${className}`} />;
}
