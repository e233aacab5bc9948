import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { $api, cursorOf, invalidatePaths } from '../../../lib/api';
import { threadOf } from '../../../components/ui/MessageThread';

export type Role = 'mentor' | 'mentee';
export const byId = (id: string) => ({ params: { path: { id } } });
const byRole = (id: string, role: Role) => ({ params: { path: { id, role } } });

/** My mentoring relationships (up to 100), each with its milestones. */
export const useMyRelationships = () =>
  $api.useQuery(
    'get',
    '/api/v1/relationships',
    { params: { query: { limit: 100 } } },
    { select: (page) => page.items },
  );

export const relationshipQuery = (id: string) =>
  $api.queryOptions('get', '/api/v1/relationships/{id}', byId(id));
export const useRelationship = (id: string) => $api.useQuery('get', '/api/v1/relationships/{id}', byId(id));

/** A supervisor may read a shared IDP but not the relationship, so a refusal here is an answer, not retried. */
export const useRelationshipIfPartner = (id: string) =>
  $api.useQuery('get', '/api/v1/relationships/{id}', byId(id), { retry: false });

/** R-MEET-1/6: the pair's meetings and the cadence summary (next meeting, meetings held, quiet or not). */
export const useMeetings = (id: string) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/meetings', byId(id));

/** R-END-1: who agreed to complete early, and from when it is allowed. */
export const useEarlyCompletion = (id: string, enabled = true) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/early-completion', byId(id), { enabled });

/** R-MEET-1: the pair's meetings, latest first, a page at a time ("Show earlier meetings" loads the next). */
export const useMeetingPages = (id: string) =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/relationships/{id}/meetings',
    { params: { path: { id }, query: { limit: 20 } } },
    {
      initialPageParam: null,
      getNextPageParam: cursorOf,
      select: (data) => ({
        summary: data.pages[0]!.summary,
        meetings: data.pages.flatMap((p) => p.items),
      }),
    },
  );

/**
 * R-MSG-1/3: the pair's thread, newest page first (earlier pages on request); reading it marks it read, so the unread
 * counts are refetched after.
 */
export function useRelationshipThread(id: string) {
  const queryClient = useQueryClient();
  const q = $api.useInfiniteQuery(
    'get',
    '/api/v1/relationships/{id}/messages',
    { params: { path: { id }, query: { limit: 50 } } },
    { initialPageParam: null, getNextPageParam: cursorOf, select: threadOf },
  );
  useEffect(() => {
    if (q.dataUpdatedAt) void invalidatePaths(queryClient, '/api/v1/me/messages/unread');
  }, [q.dataUpdatedAt, queryClient]);
  return q;
}

/** R-LIFE-2: the mentoring agreement. */
export const agreementQuery = (id: string) =>
  $api.queryOptions('get', '/api/v1/relationships/{id}/agreement', byId(id));
export const useAgreement = (id: string) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/agreement', byId(id));

/** R-LIFE-3: the Individual Development Plan. */
export const idpQuery = (id: string) => $api.queryOptions('get', '/api/v1/relationships/{id}/idp', byId(id));
export const useIdp = (id: string) => $api.useQuery('get', '/api/v1/relationships/{id}/idp', byId(id));

/** R-LIFE-4: my side's 6-month progress report (read once the relationship says which side I am on). */
export const progressReportQuery = (id: string, role: Role) =>
  $api.queryOptions('get', '/api/v1/relationships/{id}/progress-reports/{role}', byRole(id, role));
export const useProgressReport = (id: string, role: Role, enabled: boolean) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/progress-reports/{role}', byRole(id, role), { enabled });

/** R-LIFE-5: my side's completion survey (read once the relationship says which side I am on). */
export const completionSurveyQuery = (id: string, role: Role) =>
  $api.queryOptions('get', '/api/v1/relationships/{id}/completion-surveys/{role}', byRole(id, role));
export const useCompletionSurvey = (id: string, role: Role, enabled: boolean) =>
  $api.useQuery('get', '/api/v1/relationships/{id}/completion-surveys/{role}', byRole(id, role), { enabled });

/** R-LIFE-1: my recorded orientation attendance, which the orientation waiver can rely on. */
export const useMyTraining = () => $api.useQuery('get', '/api/v1/training/me');
