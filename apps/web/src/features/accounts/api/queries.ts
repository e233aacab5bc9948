import { $api } from '../../../lib/api';

/** R-ACC-1: the sign-on providers this site offers (HHS single sign-on or none); fixed while the page is open. */
export const useAuthProviders = () =>
  $api.useQuery('get', '/api/v1/auth/providers', undefined, { staleTime: Infinity });
