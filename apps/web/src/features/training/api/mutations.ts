import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';
import { trainingEventQuery } from './queries';

type Event = Schemas['TrainingEvent'];

/** Everything read about training: a registration or a change can move any of it. */
const refreshTraining = (queryClient: QueryClient) =>
  invalidatePaths(
    queryClient,
    '/api/v1/training/events',
    '/api/v1/training/events/{id}',
    '/api/v1/training/events/{id}/roster',
    '/api/v1/training/events/{id}/evaluations',
    '/api/v1/training/me',
  );

/** The API answers a change with the event: show it at once, and refresh the catalogue. */
function useShowEvent(then?: (e: Event) => void) {
  const queryClient = useQueryClient();
  return (e: Event) => {
    queryClient.setQueryData(trainingEventQuery(e.id).queryKey, e);
    void invalidatePaths(queryClient, '/api/v1/training/events');
    then?.(e);
  };
}

/** R-TRAIN-1: register for an event (the waitlist when it is full) or cancel my registration. */
export function useRegistration() {
  const queryClient = useQueryClient();
  const onSuccess = () => refreshTraining(queryClient);
  return {
    register: $api.useMutation('post', '/api/v1/training/events/{id}/registration', { onSuccess }),
    cancel: $api.useMutation('delete', '/api/v1/training/events/{id}/registration', { onSuccess }),
  };
}

/** Training management (staff): add an event; `onAdded` runs once the catalogue is being read again. */
export function useAddEvent(onAdded: () => void) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/training/events', {
    onSuccess: () => {
      void invalidatePaths(queryClient, '/api/v1/training/events');
      onAdded();
    },
  });
}

export const useChangeEvent = (onSaved?: (e: Event) => void) =>
  $api.useMutation('patch', '/api/v1/training/events/{id}', { onSuccess: useShowEvent(onSaved) });

export const useCancelEvent = (onCancelled?: (e: Event) => void) =>
  $api.useMutation('post', '/api/v1/training/events/{id}/cancel', { onSuccess: useShowEvent(onCancelled) });

/** R-TRAIN-2: record who attended; the roster is read again. */
export function useRecordAttendance(onRecorded: () => void) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/training/events/{id}/attendance', {
    onSuccess: () => {
      onRecorded();
      void invalidatePaths(queryClient, '/api/v1/training/events/{id}/roster');
    },
  });
}

/** R-TRAIN-3: evaluate an event once; my history (which says it is evaluated) is read again. */
export function useEvaluate() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/training/events/{id}/evaluation', {
    onSuccess: () => invalidatePaths(queryClient, '/api/v1/training/me'),
  });
}
