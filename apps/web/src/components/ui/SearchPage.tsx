import { Button, Form } from '@trussworks/react-uswds';
import type { FormEvent, ReactNode } from 'react';
import { PageHeading } from './PageHeading';
import { UrlPager } from './Pager';
import { QueryState } from './States';

type Page<T> = { items: T[]; total?: number; next: string | null };
type QueryLike<T> = { data: T | undefined; isLoading: boolean; error: unknown };

/**
 * A search screen: the filter form (its values kept in the address, see useUrlFilters), then the results with their
 * count, loading, error and empty states and the pager. Each filter is a column of the form's grid at its width.
 */
export function SearchPage<T>({
  heading,
  lead,
  formLabel,
  submitLabel,
  onSubmit,
  filters,
  resultsHeading,
  resultsId,
  results,
  empty,
  noun,
  children,
}: {
  heading: string;
  lead: string;
  formLabel: string;
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  filters: { width: string; control: ReactNode }[];
  resultsHeading: string;
  resultsId: string;
  results: QueryLike<Page<T>>;
  empty: string;
  /** What one result is called, and many: ["mentor", "mentors"]. */
  noun: [string, string];
  children: (items: T[]) => ReactNode;
}) {
  return (
    <>
      <PageHeading lead={lead}>{heading}</PageHeading>
      <Form onSubmit={onSubmit} className="maxw-none" aria-label={formLabel}>
        <div className="grid-row grid-gap">
          {filters.map((f, i) => (
            <div key={i} className={f.width}>
              {f.control}
            </div>
          ))}
        </div>
        <Button type="submit">{submitLabel}</Button>
      </Form>
      <section aria-labelledby={resultsId} className="margin-top-4">
        <h2 id={resultsId}>{resultsHeading}</h2>
        <QueryState query={results} isEmpty={(d) => d.items.length === 0} empty={empty}>
          {(page) => (
            <>
              {page.total !== undefined && (
                <p aria-live="polite">
                  {page.total} {page.total === 1 ? noun[0] : noun[1]}
                </p>
              )}
              {children(page.items)}
              <UrlPager next={page.next} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
