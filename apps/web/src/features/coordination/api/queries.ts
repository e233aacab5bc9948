import type { paths } from '@hhs-mentoring/api-client';
import { $api } from '../../../lib/api';

type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
export type AuditQuery = QueryOf<'/api/v1/audit'>;
export type ReportName = paths['/api/v1/reports/{report}']['get']['parameters']['path']['report'];
const page = (limit: number, cursor: string | undefined) => ({ limit, ...(cursor ? { cursor } : {}) });

/** R-ROLE-2: the counts of the coordinator's dashboard, in their scope. */
export const useDashboard = () => $api.useQuery('get', '/api/v1/coordination/dashboard');

/** R-ADMIN-3: the audit log by the filters in the address, newest first. */
export const useAuditLog = (query: AuditQuery) =>
  $api.useQuery('get', '/api/v1/audit', { params: { query } });

/** R-ADMIN-2: one report as JSON (the same address answers CSV when asked). */
export const useReport = (report: ReportName, query: QueryOf<'/api/v1/reports/{report}'>) =>
  $api.useQuery('get', '/api/v1/reports/{report}', { params: { path: { report }, query } });

/** R-LIFE-4: partners who asked the coordinator to contact them. */
export const useHelpRequests = () => $api.useQuery('get', '/api/v1/coordination/contact-requests');

/** R-LIFE-7: termination requests awaiting guidance. */
export const useTerminationRequests = () => $api.useQuery('get', '/api/v1/coordination/termination-requests');

/** Mentees in scope with no live relationship, longest waiting first. */
export const useUnmatched = (limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/coordination/unmatched', { params: { query: page(limit, cursor) } });

/** R-MATCH-1, R-ROLE-2: the ranked mentors for one mentee in scope, and who the mentee is. */
export const useMenteeSuggestions = (employeeId: string, limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/mentees/{employeeId}/suggestions', {
    params: { path: { employeeId }, query: page(limit, cursor) },
  });
export const useEmployee = (id: string) =>
  $api.useQuery('get', '/api/v1/directory/{id}', { params: { path: { id } } });

/** R-MATCH-3: third-party cases in scope, one case, and its ranked candidates. */
export const useThirdPartyCases = () => $api.useQuery('get', '/api/v1/coordination/third-party-cases');
export const thirdPartyCaseQuery = (id: string) =>
  $api.queryOptions('get', '/api/v1/coordination/third-party-cases/{id}', { params: { path: { id } } });
export const useThirdPartyCase = (id: string) =>
  $api.useQuery('get', '/api/v1/coordination/third-party-cases/{id}', { params: { path: { id } } });
export const useCandidates = (caseId: string, limit: number) =>
  $api.useQuery('get', '/api/v1/coordination/third-party-cases/{id}/candidates', {
    params: { path: { id: caseId }, query: { limit } },
  });

/** R-MATCH-4: the last cohort runs, newest first. */
export const useCohortRuns = () =>
  $api.useQuery(
    'get',
    '/api/v1/coordination/cohort-runs',
    { params: { query: { limit: 20 } } },
    { select: (p) => p.items },
  );

/** R-MEET-6: pairs with no meeting held for twice their agreed interval, quietest first, one page at a time. */
export const useQuietPairs = (limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/coordination/quiet-pairs', {
    params: { query: { limit, ...(cursor ? { cursor } : {}) } },
  });

/** Issue 17's dashboard counts: quiet pairs, reminders sent, mentees waiting, early completions. */
export const usePairYearCounts = () => $api.useQuery('get', '/api/v1/coordination/pair-year');
