import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';
import {
  agreementQuery,
  byId,
  completionSurveyQuery,
  idpQuery,
  progressReportQuery,
  relationshipQuery,
  type Role,
} from './queries';
import type { Agreement, CompletionSurvey, Idp, ProgressReport } from './types';

/**
 * After any change to a relationship: refetch what the page shows of it (the relationship, its meetings, its
 * early-completion agreement, its thread) and the lists it appears in (mine, the unread counts).
 */
function useInvalidateRelationship() {
  const queryClient = useQueryClient();
  return (id: string) => {
    for (const path of [
      '/api/v1/relationships/{id}',
      '/api/v1/relationships/{id}/meetings',
      '/api/v1/relationships/{id}/early-completion',
      '/api/v1/relationships/{id}/messages',
    ] as const)
      void queryClient.invalidateQueries({ queryKey: $api.queryOptions('get', path, byId(id)).queryKey });
    void invalidatePaths(queryClient, '/api/v1/relationships', '/api/v1/me/messages/unread');
  };
}

/** The meeting changes (R-MEET-2/5): each refreshes the relationship it belongs to. */
export function useMeetingMutations(relationshipId: string) {
  const invalidate = useInvalidateRelationship();
  const onSuccess = () => invalidate(relationshipId);
  return {
    propose: $api.useMutation('post', '/api/v1/relationships/{id}/meetings', { onSuccess }),
    recordHeld: $api.useMutation('post', '/api/v1/relationships/{id}/meetings/held', { onSuccess }),
    answer: $api.useMutation('post', '/api/v1/meetings/{id}/answer', { onSuccess }),
    record: $api.useMutation('put', '/api/v1/meetings/{id}/record', { onSuccess }),
  };
}

export function useSendRelationshipMessage(id: string) {
  const invalidate = useInvalidateRelationship();
  return $api.useMutation('post', '/api/v1/relationships/{id}/messages', { onSuccess: () => invalidate(id) });
}

export function useAgreeEarlyCompletion(id: string) {
  const invalidate = useInvalidateRelationship();
  return $api.useMutation('post', '/api/v1/relationships/{id}/early-completion', {
    onSuccess: () => invalidate(id),
  });
}

/** A change the API answers with the new relationship: show it at once and refresh the list of mine. */
function useShowRelationship(id: string) {
  const queryClient = useQueryClient();
  return (data: Schemas['Relationship']) => {
    queryClient.setQueryData(relationshipQuery(id).queryKey, data);
    void invalidatePaths(queryClient, '/api/v1/relationships');
  };
}

/** R-LIFE-1: the mentee records the pair's orientation or its waiver. */
export const useRecordOrientation = (id: string) =>
  $api.useMutation('post', '/api/v1/relationships/{id}/orientation', { onSuccess: useShowRelationship(id) });

/** R-LIFE-7: a partner asks to end the relationship, or withdraws the request. */
export function useTerminationRequest(id: string) {
  const onSuccess = useShowRelationship(id);
  return {
    request: $api.useMutation('post', '/api/v1/relationships/{id}/termination-request', { onSuccess }),
    withdraw: $api.useMutation('post', '/api/v1/relationships/{id}/termination-request/withdraw', {
      onSuccess,
    }),
  };
}

/** R-LIFE-2: save, sign and complete the agreement; the answer is shown at once and the milestones refetched. */
export function useAgreementChanges(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = (data: Agreement) => {
    queryClient.setQueryData(agreementQuery(id).queryKey, data);
    void queryClient.invalidateQueries({ queryKey: relationshipQuery(id).queryKey });
  };
  return {
    save: $api.useMutation('put', '/api/v1/relationships/{id}/agreement', { onSuccess }),
    sign: $api.useMutation('post', '/api/v1/relationships/{id}/agreement/sign', { onSuccess }),
    complete: $api.useMutation('post', '/api/v1/relationships/{id}/agreement/complete', { onSuccess }),
  };
}

/** R-LIFE-3: save, share and complete the IDP; the answer is shown at once and the milestones refetched. */
export function useIdpChanges(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = (data: Idp) => {
    queryClient.setQueryData(idpQuery(id).queryKey, data);
    void queryClient.invalidateQueries({ queryKey: relationshipQuery(id).queryKey });
  };
  return {
    save: $api.useMutation('put', '/api/v1/relationships/{id}/idp', { onSuccess }),
    share: $api.useMutation('post', '/api/v1/relationships/{id}/idp/share', { onSuccess }),
    complete: $api.useMutation('post', '/api/v1/relationships/{id}/idp/complete', { onSuccess }),
  };
}

/** R-LIFE-3: the supervisor's input on a shared IDP. */
export function useSaveSupervisorInput(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/relationships/{id}/idp/supervisor-input', {
    onSuccess: (data: Idp) => queryClient.setQueryData(idpQuery(id).queryKey, data),
  });
}

/** R-LIFE-4: save or submit my progress report; the relationship (its milestones) is refetched. */
export function useSaveProgressReport(id: string, role: Role) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/relationships/{id}/progress-reports/{role}', {
    onSuccess: (data: ProgressReport) => {
      queryClient.setQueryData(progressReportQuery(id, role).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: relationshipQuery(id).queryKey });
    },
  });
}

/** R-LIFE-5: save or submit my completion survey. */
export function useSaveCompletionSurvey(id: string, role: Role) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/api/v1/relationships/{id}/completion-surveys/{role}', {
    onSuccess: (data: CompletionSurvey) =>
      queryClient.setQueryData(completionSurveyQuery(id, role).queryKey, data),
  });
}
