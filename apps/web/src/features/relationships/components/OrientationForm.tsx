import { useRecordOrientation } from '../api/mutations';
import { useMyTraining } from '../api/queries';
import { OrientationFormView } from './OrientationFormView';

/** R-LIFE-1: the mentee records the pair's orientation or its 12-month waiver; the API checks the waiver's date. */
export function OrientationForm({ relationshipId }: { relationshipId: string }) {
  const record = useRecordOrientation(relationshipId);
  // The recorded attendance the waiver can rely on; the form works without it.
  const training = useMyTraining();
  return (
    <OrientationFormView
      onSubmit={(body) => record.mutate({ params: { path: { id: relationshipId } }, body })}
      pending={record.isPending}
      error={record.error}
      lastRecorded={training.data?.lastOrientationAttendedAt}
    />
  );
}
