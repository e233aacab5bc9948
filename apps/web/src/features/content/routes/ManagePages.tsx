import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useContentPages } from '../api/queries';

/** R-CONTENT-1: the program manager's list of the program pages to edit. */
export default function ManagePages() {
  const pages = useContentPages();
  return (
    <>
      <PageHeading lead="Edit the public pages of the program. Every save is a new version; visitors see the published one.">
        Program pages
      </PageHeading>
      <QueryState query={pages} isEmpty={(l) => l.length === 0} empty="There are no program pages.">
        {(list) => (
          <table className="usa-table usa-table--borderless width-full">
            <caption className="usa-sr-only">Program pages</caption>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Published version</th>
                <th scope="col">Published on</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.slug}>
                  <th scope="row">
                    <Link to={`/admin/content/${p.slug}`}>{p.title}</Link>
                  </th>
                  <td>{p.version}</td>
                  <td>{formatDate(p.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </>
  );
}
