import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

/**
 * IDPs my direct reports shared with me. The API has no list of them for supervisors, so this reads the
 * "idp.shared" notifications it sends (each links to the IDP), newest first, one per IDP.
 */
export default function SharedIdps() {
  const inbox = $api.useQuery('get', '/api/v1/me/notifications', { params: { query: { limit: 100 } } });
  return (
    <>
      <PageHeading lead="Individual Development Plans your direct reports shared with you. Read them and add your input.">
        Shared IDPs
      </PageHeading>
      <QueryState
        query={inbox}
        isEmpty={(d) => !d.items.some((n) => n.kind === 'idp.shared')}
        empty="None of your direct reports has shared an IDP with you yet."
      >
        {(page) => {
          const seen = new Set<string>();
          const shared = page.items.filter(
            (n) => n.kind === 'idp.shared' && n.link && !seen.has(n.link) && seen.add(n.link),
          );
          return (
            <ul className="usa-list" data-testid="shared-idps">
              {shared.map((n) => (
                <li key={n.id}>
                  <Link to={n.link!}>{n.title}</Link>{' '}
                  <span className="text-base">({formatDate(n.createdAt)})</span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </>
  );
}
