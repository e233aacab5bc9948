import { useQueryClient } from '@tanstack/react-query';
import { $api } from '../../../lib/api';

const feedKey = $api.queryOptions('get', '/api/v1/me/calendar-feed').queryKey;
const prefsKey = $api.queryOptions('get', '/api/v1/me/notification-preferences').queryKey;

/** R-MEET-4: whether I have a calendar feed (its address is shown once, when it is made). */
export const useCalendarFeed = () => $api.useQuery('get', '/api/v1/me/calendar-feed');

/** Make (or remake) and turn off the feed; the answer replaces what the page shows. */
export function useCalendarFeedChanges() {
  const queryClient = useQueryClient();
  const onSuccess = (data: { active: boolean; createdAt: string | null; url: string | null }) =>
    queryClient.setQueryData(feedKey, data);
  return {
    renew: $api.useMutation('post', '/api/v1/me/calendar-feed', { onSuccess }),
    revoke: $api.useMutation('delete', '/api/v1/me/calendar-feed', { onSuccess }),
  };
}

/** R-NUDGE-4: my reminder choice. */
export const useReminderChoice = () => $api.useQuery('get', '/api/v1/me/notification-preferences');

export function useSetReminderChoice() {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/me/notification-preferences', {
    onSuccess: (data: { nudgesOff: boolean }) => queryClient.setQueryData(prefsKey, data),
  });
}
