import { $api } from '../../../lib/api';

/** R-ROLE-2: who coordinates which division (the program manager's page lists up to 100). */
export const useCoordinatorGrants = () =>
  $api.useQuery(
    'get',
    '/api/v1/admin/coordinators',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );

/** R-API-2: other HHS systems' credentials (up to 100). */
export const useSystemClients = () =>
  $api.useQuery('get', '/api/v1/system-clients', { params: { query: { limit: 100 } } });
