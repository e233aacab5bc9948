import { NavLink } from 'react-router';
import { $api } from '../lib/api';

/** Inbox link with the unread count (R-NOTE-1), refreshed every minute. */
export function UnreadBadge() {
  const { data } = $api.useQuery(
    'get',
    '/api/v1/me/notifications/unread-count',
    {},
    { refetchInterval: 60_000 },
  );
  const unread = data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="usa-nav__link">
      <span>
        Notifications
        {unread > 0 && (
          <span className="nav-count" data-testid="unread-count">
            {unread}
            <span className="usa-sr-only"> unread</span>
          </span>
        )}
      </span>
    </NavLink>
  );
}
