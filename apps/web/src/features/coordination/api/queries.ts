import { $api } from '../../../lib/api';

/** R-MEET-6: pairs with no meeting held for twice their agreed interval, quietest first, one page at a time. */
export const useQuietPairs = (limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/coordination/quiet-pairs', {
    params: { query: { limit, ...(cursor ? { cursor } : {}) } },
  });

/** Issue 17's dashboard counts: quiet pairs, reminders sent, mentees waiting, early completions. */
export const usePairYearCounts = () => $api.useQuery('get', '/api/v1/coordination/pair-year');
