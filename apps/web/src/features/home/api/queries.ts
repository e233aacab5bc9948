import { $api } from '../../../lib/api';

const FIRST_100 = { params: { query: { limit: 100 } } };

export const useMyApplications = () => $api.useQuery('get', '/api/v1/me/applications');

/** My relationships and invitations (up to 100 each), for what is due next. */
export const useMyRelationships = () =>
  $api.useQuery('get', '/api/v1/relationships', FIRST_100, { select: (page) => page.items });
export const useMyInvitations = () =>
  $api.useQuery('get', '/api/v1/invitations', FIRST_100, { select: (page) => page.items });
