import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';

const LIMIT = 100;
const mine = { params: { query: { limit: LIMIT } } };

/** R-WAIT-1: the mentors I wait for, with my place in each line. */
export const useMyWaitlists = () => $api.useQuery('get', '/api/v1/me/waitlists', mine);

/** After joining or leaving: my lines, and every mentor card's count of who waits. */
export function useInvalidateWaitlists() {
  const queryClient = useQueryClient();
  return () => {
    void invalidatePaths(
      queryClient,
      '/api/v1/me/waitlists',
      '/api/v1/mentors',
      '/api/v1/mentors/{employeeId}',
    );
  };
}

const byMentor = (mentorId: string) => ({ params: { path: { mentorId } } });

export function useWaitlistChanges() {
  const onSuccess = useInvalidateWaitlists();
  const join = $api.useMutation('put', '/api/v1/me/waitlists/{mentorId}', { onSuccess });
  const leave = $api.useMutation('delete', '/api/v1/me/waitlists/{mentorId}', { onSuccess });
  return {
    join: (mentorId: string) => join.mutate(byMentor(mentorId)),
    leave: (mentorId: string) => leave.mutate(byMentor(mentorId)),
    pending: join.isPending || leave.isPending,
    error: join.error ?? leave.error,
    done: join.isSuccess || leave.isSuccess,
  };
}
