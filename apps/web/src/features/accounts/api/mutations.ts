import { useQueryClient } from '@tanstack/react-query';
import { $api, ME_KEY } from '../../../lib/api';

/** R-ACC-1: register with a work email; the API emails the link that finishes it. */
export const useRegister = () => $api.useMutation('post', '/api/v1/auth/register');

/** R-ACC-1: the emailed link creates the account and signs the person in, so who is signed in is read again. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/auth/verify-email', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export const useRequestPasswordReset = () => $api.useMutation('post', '/api/v1/auth/password-reset/request');
export const useConfirmPasswordReset = () => $api.useMutation('post', '/api/v1/auth/password-reset/confirm');

/** R-ACC-1: end every session of this person; `onSignedOut` runs once the API has ended them. */
export const useSignOutEverywhere = (onSignedOut: () => void) =>
  $api.useMutation('post', '/api/v1/auth/logout-everywhere', { onSuccess: onSignedOut });
