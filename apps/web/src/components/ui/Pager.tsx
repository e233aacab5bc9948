import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useSearchParams } from 'react-router';

/** Previous/next paging for `Paged` API results. */
export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav aria-label="Pages" className="margin-top-2">
      <ButtonGroup>
        <Button
          type="button"
          outline
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          Previous
        </Button>
        <span className="padding-1" aria-live="polite">
          Page {page} of {pages}
        </span>
        <Button type="button" outline disabled={page >= pages} onClick={() => onChange(offset + limit)}>
          Next
        </Button>
      </ButtonGroup>
    </nav>
  );
}

/** The page offset kept in the address, for `UrlPager`. */
export function useUrlOffset(): number {
  const [params] = useSearchParams();
  return Number(params.get('offset') ?? 0);
}

/** Pager whose offset is the address's `offset` parameter (the other parameters, the filters, are kept). */
export function UrlPager({ total, limit }: { total: number; limit: number }) {
  const [params, setParams] = useSearchParams();
  return (
    <Pager
      total={total}
      limit={limit}
      offset={Number(params.get('offset') ?? 0)}
      onChange={(offset) => {
        const next = new URLSearchParams(params);
        next.set('offset', String(offset));
        setParams(next);
      }}
    />
  );
}
