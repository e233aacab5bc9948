import { $api } from '../lib/api';

/**
 * R-MSG-3: unread messages by nav link (invitation threads, relationship threads), refreshed every minute. A person's
 * threads fit one page of 100.
 */
export function useUnreadMessages(enabled: boolean): Record<string, number> {
  const { data } = $api.useQuery(
    'get',
    '/api/v1/me/messages/unread',
    { params: { query: { limit: 100 } } },
    { refetchInterval: 60_000, enabled },
  );
  const sum = (kind: 'invitation' | 'relationship') =>
    (data?.items ?? []).filter((t) => t.kind === kind).reduce((n, t) => n + t.unread, 0);
  return { '/invitations': sum('invitation'), '/relationships': sum('relationship') };
}
