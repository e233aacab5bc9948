import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';

/** Send an invitation: my invitations and suggestions are read again before `onSent` runs. */
export function useSendInvitation(onSent: (invitation: Schemas['Invitation']) => void) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/invitations', {
    onSuccess: async (invitation) => {
      await invalidatePaths(queryClient, '/api/v1/invitations', '/api/v1/me/suggestions');
      onSent(invitation);
    },
  });
}
