import { $api } from '../../../lib/api';
import { OrientationFormView } from './OrientationFormView';
import { useRelationshipUpdate } from './useRelationshipUpdate';

/** R-LIFE-1: the mentee records the pair's orientation or its 12-month waiver; the API checks the waiver's date. */
export function OrientationForm({ relationshipId }: { relationshipId: string }) {
  const record = $api.useMutation('post', '/api/v1/relationships/{id}/orientation', {
    onSuccess: useRelationshipUpdate(relationshipId),
  });
  // The recorded attendance the waiver can rely on; the form works without it.
  const training = $api.useQuery('get', '/api/v1/training/me');
  return (
    <OrientationFormView
      onSubmit={(body) => record.mutate({ params: { path: { id: relationshipId } }, body })}
      pending={record.isPending}
      error={record.error}
      lastRecorded={training.data?.lastOrientationAttendedAt}
    />
  );
}
