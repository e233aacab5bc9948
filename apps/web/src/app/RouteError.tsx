import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeading } from '../components/ui/PageHeading';

/** A page that failed to load (e.g. a chunk after a deploy) or threw while rendering. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? error.statusText : 'The page could not be shown.';
  return (
    <main id="main-content" className="grid-container padding-y-4">
      <PageHeading>Something went wrong</PageHeading>
      <p>
        {detail} Reload the page, or go back to the <Link to="/">home page</Link>.
      </p>
    </main>
  );
}
