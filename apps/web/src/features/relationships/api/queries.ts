import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { $api } from '../../../lib/api';

const byId = (id: string) => ({ params: { path: { id } } });

export const useRelationship = (id: string) => $api.useQuery('get', '/api/v1/relationships/{id}', byId(id));

/** R-MEET-1/6: the pair's meetings and the cadence summary (next meeting, meetings held, quiet or not). */
export const useMeetings = (id: string) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/meetings', byId(id));

/** R-END-1: who agreed to complete early, and from when it is allowed. */
export const useEarlyCompletion = (id: string, enabled = true) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/early-completion', byId(id), { enabled });

/** R-MSG-1/3: the pair's thread; reading it marks it read, so the unread counts are refetched after. */
export function useRelationshipThread(id: string) {
  const queryClient = useQueryClient();
  const q = $api.useQuery('get', '/api/v1/relationships/{id}/messages', byId(id));
  useEffect(() => {
    if (q.dataUpdatedAt)
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/messages/unread'] });
  }, [q.dataUpdatedAt, queryClient]);
  return q;
}

/**
 * After any change to a relationship: refetch what the page shows of it (the relationship, its meetings, its
 * early-completion agreement, its thread) and the lists it appears in (mine, the unread counts).
 */
export function useInvalidateRelationship() {
  const queryClient = useQueryClient();
  return (id: string) => {
    for (const path of [
      '/api/v1/relationships/{id}',
      '/api/v1/relationships/{id}/meetings',
      '/api/v1/relationships/{id}/early-completion',
      '/api/v1/relationships/{id}/messages',
    ] as const)
      void queryClient.invalidateQueries({ queryKey: $api.queryOptions('get', path, byId(id)).queryKey });
    for (const path of ['/api/v1/relationships', '/api/v1/me/messages/unread'])
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
  };
}

/** The meeting changes (R-MEET-2/5): each refreshes the relationship it belongs to. */
export function useMeetingMutations(relationshipId: string) {
  const invalidate = useInvalidateRelationship();
  const onSuccess = () => invalidate(relationshipId);
  return {
    propose: $api.useMutation('post', '/api/v1/relationships/{id}/meetings', { onSuccess }),
    recordHeld: $api.useMutation('post', '/api/v1/relationships/{id}/meetings/held', { onSuccess }),
    answer: $api.useMutation('post', '/api/v1/meetings/{id}/answer', { onSuccess }),
    record: $api.useMutation('put', '/api/v1/meetings/{id}/record', { onSuccess }),
  };
}

export function useSendRelationshipMessage(id: string) {
  const invalidate = useInvalidateRelationship();
  return $api.useMutation('post', '/api/v1/relationships/{id}/messages', { onSuccess: () => invalidate(id) });
}

export function useAgreeEarlyCompletion(id: string) {
  const invalidate = useInvalidateRelationship();
  return $api.useMutation('post', '/api/v1/relationships/{id}/early-completion', {
    onSuccess: () => invalidate(id),
  });
}
