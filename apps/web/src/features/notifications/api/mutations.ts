import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';

/** Marking one or all read: the list and the header's unread count are read again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    invalidatePaths(queryClient, '/api/v1/me/notifications', '/api/v1/me/notifications/unread-count');
  return {
    markRead: $api.useMutation('post', '/api/v1/me/notifications/{id}/read', { onSuccess }),
    markAll: $api.useMutation('post', '/api/v1/me/notifications/read-all', { onSuccess }),
  };
}
