import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';
import { settingsQuery } from '../../../lib/reference';

/** The API answers with the saved settings (a new version): every screen reading them shows it at once. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/settings', {
    onSuccess: (data) => queryClient.setQueryData(settingsQuery.queryKey, data),
  });
}

export function useCoordinatorGrantActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => invalidatePaths(queryClient, '/api/v1/admin/coordinators');
  return {
    grant: $api.useMutation('post', '/api/v1/admin/coordinators', { onSuccess }),
    revoke: $api.useMutation('delete', '/api/v1/admin/coordinators/{id}', { onSuccess }),
  };
}

export function useSystemClientActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => invalidatePaths(queryClient, '/api/v1/system-clients');
  return {
    create: $api.useMutation('post', '/api/v1/system-clients', { onSuccess }),
    revoke: $api.useMutation('post', '/api/v1/system-clients/{id}/revoke', { onSuccess }),
  };
}
