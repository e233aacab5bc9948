import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { useContentPages } from '../api/queries';

/** R-CONTENT-1: the program's pages, open to everyone. */
export default function ProgramPages() {
  const pages = useContentPages();
  return (
    <>
      <PageHeading lead="What the HHS Mentoring Program is, what it asks of mentors and mentees, and how to make it work.">
        About the program
      </PageHeading>
      <QueryState
        query={pages}
        isEmpty={(list) => list.length === 0}
        empty="No pages have been published yet."
      >
        {(list) => (
          <ul className="usa-card-group">
            {list.map((page) => (
              <li key={page.slug} className="usa-card tablet:grid-col-6">
                <div className="usa-card__container">
                  <div className="usa-card__header">
                    <h2 className="usa-card__heading">
                      <Link to={`/program/${page.slug}`}>{page.title}</Link>
                    </h2>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
