import { $api } from '../../../lib/api';

/** R-SEC-1: IDPs my direct reports shared with me (up to 100), newest share first. */
export const useSharedIdps = () =>
  $api.useQuery(
    'get',
    '/api/v1/me/shared-idps',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );
