import { hashKey, useQueryClient } from '@tanstack/react-query';
import { $api, apiFetch, ME_KEY } from '../../../lib/api';
import { useLeaveSession } from '../../../lib/session';

/**
 * Sign in: who is signed in is read again, and everything read as someone else (or as nobody) is forgotten before
 * `onSignedIn` runs.
 */
export function useSignIn(onSignedIn: () => void) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/auth/login', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      queryClient.removeQueries({ predicate: (q) => q.queryHash !== hashKey(ME_KEY) });
      onSignedIn();
    },
  });
}

/** Sign out: the session ends, the cache is emptied, and the person lands on the sign-in page. */
export function useSignOut() {
  const leave = useLeaveSession();
  return async () => {
    await apiFetch.POST('/api/v1/auth/logout');
    leave();
  };
}
