import { $api } from '../../../lib/api';

export type DirectoryFilters = Partial<Record<'q' | 'opdiv' | 'state' | 'city', string>>;

/** R-DIR-1: the HHS directory, filtered, one page at a time. */
export const useDirectorySearch = (filters: DirectoryFilters, limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/directory', {
    params: { query: { ...filters, limit, ...(cursor ? { cursor } : {}) } },
  });

/** One person's directory entry; contact details only when the API allows them (R-SEC-2). */
export const usePerson = (id: string) =>
  $api.useQuery('get', '/api/v1/directory/{id}', { params: { path: { id } } });

/** A mentor's profile (application, places left), once the person is known to be a mentor. */
export const useMentorProfile = (employeeId: string, enabled: boolean) =>
  $api.useQuery('get', '/api/v1/mentors/{employeeId}', { params: { path: { employeeId } } }, { enabled });
