import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../../lib/api';

/** After a change the API answers with the new relationship: put it in the cache and refresh the lists. */
export function useRelationshipUpdate(id: string) {
  const queryClient = useQueryClient();
  return (data: Schemas['Relationship']) => {
    queryClient.setQueryData(['get', '/api/v1/relationships/{id}', { params: { path: { id } } }], data);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/relationships'] });
  };
}
