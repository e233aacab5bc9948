import { Alert } from '@trussworks/react-uswds';
import { useEffect, useRef, type ReactNode } from 'react';
import { problemMessage } from '../../lib/api';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="text-base">
      {label}
    </p>
  );
}

/** The control of the first field showing an error on the page (Field marks it), if any. */
function firstFieldInError(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.usa-form-group--error [aria-invalid="true"]');
}

/**
 * A failed request, shown as the problem's own sentence (a rule refusal reads as the rule, not a code). Each new
 * failure takes keyboard focus, or gives it to the first field in error when the problem named fields, so the person
 * lands where there is something to fix (the form keeps what they typed).
 */
export function ErrorAlert({
  error,
  heading = 'That did not work',
  focus = true,
}: {
  error: unknown;
  heading?: string;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && focus) (firstFieldInError() ?? ref.current)?.focus();
  }, [error, focus]);
  if (!error) return null;
  return (
    <div ref={ref} tabIndex={-1} className="outline-0" data-testid="error-alert">
      <Alert type="error" headingLevel="h2" heading={heading} slim={false} role="alert">
        {problemMessage(error)}
      </Alert>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="bg-base-lightest padding-2 radius-md" data-testid="empty">
      <p className="margin-0">{children}</p>
    </div>
  );
}

/**
 * A saved change. Forms start again from the record they saved (keyed by its version), which takes the button just
 * pressed with them: when that left keyboard focus nowhere, the confirmation takes it, so the person keeps their place.
 */
export function Success({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="outline-0">
      <Alert type="success" headingLevel="h2" slim role="status">
        {children}
      </Alert>
    </div>
  );
}

type QueryLike<T> = { data: T | undefined; isLoading: boolean; error: unknown };

/** Loading, error, empty and content states of one query, in that order. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isLoading) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} heading="This could not be loaded" focus={false} />;
  if (query.data === undefined) return <Loading />;
  if (isEmpty?.(query.data)) return <Empty>{empty ?? 'Nothing here yet.'}</Empty>;
  return <>{children(query.data)}</>;
}
