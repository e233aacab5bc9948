import { Link, useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useContentPage } from '../api/queries';
import { Markdown } from '../components/Markdown';

/** R-CONTENT-1: one program page as published now. */
export default function ProgramPage() {
  const { slug = '' } = useParams();
  const page = useContentPage(slug);
  return (
    <QueryState query={page}>
      {(p) => (
        <article>
          <PageHeading>{p.title}</PageHeading>
          <Markdown>{p.markdown}</Markdown>
          <p className="text-base font-sans-3xs">
            Version {p.version}, published {formatDate(p.publishedAt)}.{' '}
            <Link to="/program">All program pages</Link>
          </p>
        </article>
      )}
    </QueryState>
  );
}
