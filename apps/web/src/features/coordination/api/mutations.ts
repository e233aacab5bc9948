import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';
import { thirdPartyCaseQuery } from './queries';

/** R-LIFE-4: mark a help request resolved; the list and the dashboard's counts are read again. */
export function useResolveHelpRequest() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/coordination/contact-requests/{id}/resolve', {
    onSuccess: () =>
      invalidatePaths(queryClient, '/api/v1/coordination/contact-requests', '/api/v1/coordination/dashboard'),
  });
}

/** R-LIFE-7: record guidance to a pair, or end the relationship; the requests are read again. */
export function useTerminationActions() {
  const queryClient = useQueryClient();
  const onSuccess = () =>
    invalidatePaths(
      queryClient,
      '/api/v1/coordination/termination-requests',
      '/api/v1/coordination/dashboard',
    );
  return {
    guide: $api.useMutation('post', '/api/v1/relationships/{id}/termination-guidance', { onSuccess }),
    end: $api.useMutation('post', '/api/v1/relationships/{id}/terminate', { onSuccess }),
  };
}

/** R-MATCH-3: open a case for an unmatched mentee; `onOpened` gets the case. */
export const useOpenCase = (onOpened: (c: Schemas['ThirdPartyCase']) => void) =>
  $api.useMutation('post', '/api/v1/coordination/third-party-cases', { onSuccess: onOpened });

/** R-MATCH-3: the contact log, the shortlist and closing: each answers with the case, shown at once. */
export function useCaseActions() {
  const queryClient = useQueryClient();
  const onSuccess = (c: Schemas['ThirdPartyCase']) => {
    queryClient.setQueryData(thirdPartyCaseQuery(c.id).queryKey, c);
    void invalidatePaths(queryClient, '/api/v1/coordination/third-party-cases');
  };
  return {
    contact: $api.useMutation('post', '/api/v1/coordination/third-party-cases/{id}/contacts', { onSuccess }),
    shortlist: $api.useMutation('post', '/api/v1/coordination/third-party-cases/{id}/shortlist', {
      onSuccess,
    }),
    close: $api.useMutation('post', '/api/v1/coordination/third-party-cases/{id}/close', { onSuccess }),
  };
}

/** R-MATCH-4: preview a cohort, then approve some of its pairs; an approval adds a run to the history. */
export function useCohortActions(
  onProposed: (p: Schemas['CohortProposal']) => void,
  onApproved: (p: Schemas['CohortProposal']) => void,
) {
  const queryClient = useQueryClient();
  return {
    propose: $api.useMutation('post', '/api/v1/coordination/cohort-proposals', { onSuccess: onProposed }),
    approve: $api.useMutation('post', '/api/v1/coordination/cohort-proposals/{id}/approve', {
      onSuccess: (r) => {
        onApproved(r.proposal);
        void invalidatePaths(queryClient, '/api/v1/coordination/cohort-runs');
      },
    }),
  };
}
