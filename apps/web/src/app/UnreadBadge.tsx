import { NavLink } from 'react-router';
import { useUnreadNotificationCount } from '../features/notifications/api/queries';

/** Inbox link with the unread count (R-NOTE-1), refreshed every minute. */
export function UnreadBadge() {
  const { data } = useUnreadNotificationCount();
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
