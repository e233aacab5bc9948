import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/DataTable';
import { UrlPager, useUrlPage } from '../../../components/ui/Pager';
import { ErrorAlert, QueryState, Success } from '../../../components/ui/States';
import { formatDate } from '../../../lib/format';
import { useRecordAttendance } from '../api/mutations';
import { useRoster } from '../api/queries';

/** Training management (staff): who registered, and recording attendance (R-TRAIN-2). */
export function Roster({ eventId }: { eventId: string }) {
  const { cursor } = useUrlPage();
  const roster = useRoster(eventId, cursor);
  const [picked, setPicked] = useState<string[]>([]);
  const attend = useRecordAttendance(() => setPicked([]));
  return (
    <section aria-labelledby="roster-heading" className="margin-top-4">
      <h2 id="roster-heading">Roster</h2>
      {attend.data && (
        <Success>
          Attendance recorded for {attend.data.recorded} (already recorded: {attend.data.alreadyRecorded}).
        </Success>
      )}
      <ErrorAlert error={attend.error} />
      <QueryState query={roster} isEmpty={(d) => d.items.length === 0} empty="Nobody has registered yet.">
        {(data) => (
          <>
            <DataTable columns={['Attended', 'Name', 'Division', 'Status', 'Attendance']}>
              {data.items.map((p) => (
                <tr key={p.employeeId}>
                  <td>
                    <input
                      type="checkbox"
                      className="margin-1"
                      id={`att-${p.employeeId}`}
                      aria-label={`${p.name} attended`}
                      disabled={!!p.attendedAt}
                      checked={picked.includes(p.employeeId)}
                      onChange={(e) =>
                        setPicked(
                          e.target.checked
                            ? [...picked, p.employeeId]
                            : picked.filter((x) => x !== p.employeeId),
                        )
                      }
                    />
                  </td>
                  <th scope="row">{p.name}</th>
                  <td>{p.opdiv}</td>
                  <td>{p.status}</td>
                  <td>{p.attendedAt ? formatDate(p.attendedAt) : '—'}</td>
                </tr>
              ))}
            </DataTable>
            <UrlPager next={data.next} />
            <Button
              type="button"
              disabled={picked.length === 0 || attend.isPending}
              onClick={() =>
                attend.mutate({ params: { path: { id: eventId } }, body: { employeeIds: picked } })
              }
            >
              Record attendance ({picked.length})
            </Button>
          </>
        )}
      </QueryState>
    </section>
  );
}
