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
    <div className={className ? `table-scroll ${className}` : 'table-scroll'}>
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
