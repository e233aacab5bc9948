import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';

function useRefreshMine() {
  const queryClient = useQueryClient();
  return () => invalidatePaths(queryClient, '/api/v1/me/applications');
}

/** Save the mentor or mentee application (R-APP-1); `onSaved` runs once my applications are read again. */
export function useSaveApplication(onSaved: () => void) {
  const refresh = useRefreshMine();
  const onSuccess = async () => {
    await refresh();
    onSaved();
  };
  return {
    mentor: $api.useMutation('put', '/api/v1/me/applications/mentor', { onSuccess }),
    mentee: $api.useMutation('put', '/api/v1/me/applications/mentee', { onSuccess }),
  };
}

/** R-APP-2: pause or resume taking mentees, and withdraw an application. */
export function useApplicationActions() {
  const onSuccess = useRefreshMine();
  return {
    pause: $api.useMutation('post', '/api/v1/me/applications/mentor/pause', { onSuccess }),
    resume: $api.useMutation('post', '/api/v1/me/applications/mentor/resume', { onSuccess }),
    withdraw: $api.useMutation('delete', '/api/v1/me/applications/{role}', { onSuccess }),
  };
}
