import { $api } from '../../../lib/api';
import type { Schemas } from '../../../lib/api';

type Kind = Schemas['TrainingEvent']['kind'];
export const byId = (id: string) => ({ params: { path: { id } } });

/** R-TRAIN-1: the catalogue, of one kind or all, one page at a time. */
export const useTrainingEvents = (kind: Kind | undefined, limit: number, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/training/events', {
    params: { query: { ...(kind ? { kind } : {}), limit, ...(cursor ? { cursor } : {}) } },
  });

export const trainingEventQuery = (id: string) =>
  $api.queryOptions('get', '/api/v1/training/events/{id}', byId(id));
export const useTrainingEvent = (id: string) =>
  $api.useQuery('get', '/api/v1/training/events/{id}', byId(id));

/** My training history and orientation status (R-TRAIN-1, R-TRAIN-4). */
export const useMyTraining = () => $api.useQuery('get', '/api/v1/training/me');

/** R-TRAIN-2: who registered for an event (staff), up to 100 a page. */
export const useRoster = (eventId: string, cursor: string | undefined) =>
  $api.useQuery('get', '/api/v1/training/events/{id}/roster', {
    params: { path: { id: eventId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
  });

/** R-TRAIN-3: what attendees thought of an event (staff). */
export const useEvaluationSummary = (eventId: string) =>
  $api.useQuery('get', '/api/v1/training/events/{id}/evaluations', byId(eventId));
