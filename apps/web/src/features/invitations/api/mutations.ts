import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';
import { invitationQuery } from './queries';

/**
 * The answers to an invitation (R-INVT-1): each answers with the invitation, shown at once; the lists it changes
 * (invitations, relationships, suggestions) are read again, then `onAnswered` runs.
 */
export function useInvitationAnswers(onAnswered: () => void) {
  const queryClient = useQueryClient();
  const onSuccess = (invitation: Schemas['Invitation']) => {
    onAnswered();
    queryClient.setQueryData(invitationQuery(invitation.id).queryKey, invitation);
    void invalidatePaths(
      queryClient,
      '/api/v1/invitations',
      '/api/v1/relationships',
      '/api/v1/me/suggestions',
    );
  };
  return {
    withdraw: $api.useMutation('post', '/api/v1/invitations/{id}/withdraw', { onSuccess }),
    accept: $api.useMutation('post', '/api/v1/invitations/{id}/accept', { onSuccess }),
    decline: $api.useMutation('post', '/api/v1/invitations/{id}/decline', { onSuccess }),
    confirm: $api.useMutation('post', '/api/v1/invitations/{id}/confirm', { onSuccess }),
  };
}
