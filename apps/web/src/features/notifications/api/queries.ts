import { $api } from '../../../lib/api';

/** R-NOTE-1: my notifications, newest first, one page at a time. */
export const useNotifications = (limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/me/notifications', {
    params: { query: { limit, ...(cursor ? { cursor } : {}) } },
  });

/** R-NOTE-1: how many are unread, for the header; refreshed every minute. */
export const useUnreadNotificationCount = () =>
  $api.useQuery('get', '/api/v1/me/notifications/unread-count', undefined, { refetchInterval: 60_000 });
