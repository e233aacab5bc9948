import { Link } from 'react-router';
import { PageHeading } from '../components/ui/PageHeading';

export default function NotFound() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is no page at this address. Go to the <Link to="/">home page</Link>.
      </p>
    </>
  );
}
