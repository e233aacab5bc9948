import { $api } from '../../../lib/api';

const byId = (id: string) => ({ params: { path: { id } } });

/** My invitations, sent and received (up to 100). */
export const useInvitations = () =>
  $api.useQuery(
    'get',
    '/api/v1/invitations',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );

export const invitationQuery = (id: string) => $api.queryOptions('get', '/api/v1/invitations/{id}', byId(id));
export const useInvitation = (id: string) => $api.useQuery('get', '/api/v1/invitations/{id}', byId(id));

/** What the mentor reads about the mentee before answering (R-INVT-1). */
export const useInvitationContext = (id: string) =>
  $api.useQuery('get', '/api/v1/invitations/{id}/context', byId(id));
