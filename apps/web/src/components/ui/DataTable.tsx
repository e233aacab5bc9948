import type { ReactNode } from 'react';

/** A USWDS borderless table that scrolls sideways on narrow screens; `caption` is for screen readers. */
export function DataTable({
  caption,
  columns,
  compact,
  className,
  testId,
  children,
}: {
  caption?: string;
  columns: readonly string[];
  compact?: boolean;
  /** extra classes on the scrolling wrapper */
  className?: string;
  testId?: string;
  /** the body rows */
  children: ReactNode;
}) {
  return (
    // A table wider than a narrow screen scrolls inside this box; keyboard users reach it with Tab (WCAG 2.1.1).
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      tabIndex={0}
      role="region"
      aria-label={caption ?? 'Table'}
    >
      <table
        className={`usa-table usa-table--borderless${compact ? ' usa-table--compact' : ''} width-full`}
        data-testid={testId}
      >
        {caption && <caption className="usa-sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
