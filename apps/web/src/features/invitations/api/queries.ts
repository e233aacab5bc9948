import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { $api, cursorOf } from '../../../lib/api';
import { threadOf } from '../../../components/ui/MessageThread';

const byId = (id: string) => ({ params: { path: { id } } });

/** My invitations, sent and received (up to 100). */
export const useInvitations = () =>
  $api.useQuery(
    'get',
    '/api/v1/invitations',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );

export const invitationQuery = (id: string) => $api.queryOptions('get', '/api/v1/invitations/{id}', byId(id));
export const useInvitation = (id: string) => $api.useQuery('get', '/api/v1/invitations/{id}', byId(id));

/** What the mentor reads about the mentee before answering (R-INVT-1). */
export const useInvitationContext = (id: string) =>
  $api.useQuery('get', '/api/v1/invitations/{id}/context', byId(id));
/**
 * R-MSG-1/3: an open invitation's thread, newest page first (earlier pages on request); reading it marks it read, so
 * the unread counts are refetched after.
 */
export function useInvitationThread(id: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const q = $api.useInfiniteQuery(
    'get',
    '/api/v1/invitations/{id}/messages',
    { params: { path: { id }, query: { limit: 50 } } },
    { enabled, initialPageParam: null, getNextPageParam: cursorOf, select: threadOf },
  );
  useEffect(() => {
    if (q.dataUpdatedAt) void queryClient.invalidateQueries({ queryKey: unreadKey });
  }, [q.dataUpdatedAt, queryClient]);
  return q;
}

export function useSendInvitationMessage(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/invitations/{id}/messages', {
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: $api.queryOptions('get', '/api/v1/invitations/{id}/messages', byId(id)).queryKey,
      }),
  });
}

const unreadKey = $api.queryOptions('get', '/api/v1/me/messages/unread').queryKey;

/** R-MSG-3: unread messages per invitation thread, for the badge beside each invitation (a person's threads fit a page). */
export function useUnreadByInvitation() {
  const q = $api.useQuery('get', '/api/v1/me/messages/unread', { params: { query: { limit: 100 } } });
  return new Map(
    (q.data?.items ?? []).filter((t) => t.kind === 'invitation').map((t) => [t.id, t.unread] as const),
  );
}
