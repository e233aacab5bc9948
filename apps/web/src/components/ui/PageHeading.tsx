import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { shouldFocusHeading } from '../../lib/focus';

/** The page's one h1; takes focus after a route change (see lib/focus.ts). */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (shouldFocusHeading(key)) ref.current?.focus();
  }, [key]);
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} | HHS Mentoring Program`;
  }, [children]);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="margin-top-0 outline-0">
        {children}
      </h1>
      {lead && <p className="usa-intro">{lead}</p>}
    </>
  );
}
