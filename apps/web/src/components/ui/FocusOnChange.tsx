import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Moves keyboard focus to its content whenever `signal` changes to something truthy (WCAG 2.4.3): after an action the
 * person lands on its result instead of the page's body. The content should carry its own live region.
 */
export function FocusOnChange({ signal, children }: { signal: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (signal) ref.current?.focus();
  }, [signal]);
  return (
    <div ref={ref} tabIndex={-1} className="outline-0">
      {children}
    </div>
  );
}
