import { useQuery, useQueryClient } from '@tanstack/react-query';
import { meQuery } from './api';
import type { Schemas } from './api';

export type Me = Schemas['Me'];
export type Role = Me['roles'][number];

/** Who is signed in: `me` is null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  const query = useQuery(meQuery);
  const signedOut = query.error?.status === 401;
  return {
    me: signedOut ? null : (query.data ?? null),
    isLoading: query.isLoading,
    error: signedOut ? null : query.error,
  };
}

/** After the session ended: forget everything read as this person and go to the sign-in page. */
export function useLeaveSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.clear();
    window.location.assign('/sign-in');
  };
}

export const isStaff = (me: Me | null) =>
  !!me && (me.roles.includes('coordinator') || me.roles.includes('program_manager'));
export const hasRole = (me: Me | null, role: Role) => !!me && me.roles.includes(role);
