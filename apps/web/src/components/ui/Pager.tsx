import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useSearchParams } from 'react-router';

/** The page kept in the address: the API's opaque `cursor`, and the page number shown to people. */
export function useUrlPage(): { cursor?: string; page: number } {
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  return { ...(cursor ? { cursor } : {}), page: cursor ? Number(params.get('page') ?? 2) : 1 };
}

/**
 * First/next paging over a cursor-paged API list (docs/api.md, "Pagination"): `next` is the list's `next` link.
 * The filters in the address are kept; the cursor and page number change.
 */
export function UrlPager({ next }: { next: string | null }) {
  const [params, setParams] = useSearchParams();
  const { page } = useUrlPage();
  if (page === 1 && !next) return null;
  const go = (cursor: string | null, to: number) => {
    const address = new URLSearchParams(params);
    address.delete('cursor');
    address.delete('page');
    if (cursor) {
      address.set('cursor', cursor);
      address.set('page', String(to));
    }
    setParams(address);
  };
  const nextCursor = next ? new URL(next, window.location.origin).searchParams.get('cursor') : null;
  return (
    <nav aria-label="Pages" className="margin-top-2">
      <ButtonGroup>
        <Button type="button" outline disabled={page === 1} onClick={() => go(null, 1)}>
          First page
        </Button>
        <span className="padding-1" aria-live="polite">
          Page {page}
        </span>
        <Button type="button" outline disabled={!nextCursor} onClick={() => go(nextCursor, page + 1)}>
          Next page
        </Button>
      </ButtonGroup>
    </nav>
  );
}
