import { DataTable } from '../../../components/ui/DataTable';
import { QueryState } from '../../../components/ui/States';
import { useCohortRuns } from '../api/queries';
import { formatDateTime } from '../../../lib/format';
import { listInWords } from '../../../lib/labels';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** R-MATCH-4: what earlier cohort runs proposed and what was approved from them, by whom and when. */
export function CohortRunHistory() {
  const runs = useCohortRuns();
  return (
    <section aria-labelledby="runs-heading" className="margin-top-5">
      <h2 id="runs-heading">Earlier runs</h2>
      <QueryState
        query={runs}
        isEmpty={(r) => r.length === 0}
        empty="No cohort matching has been run in your divisions yet."
      >
        {(list) => (
          <DataTable
            caption="Earlier cohort matching runs"
            columns={['Run', 'Scope', 'Pairs proposed', 'What was approved']}
            testId="cohort-runs"
          >
            {list.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {formatDateTime(r.createdAt)}, by {r.createdBy}
                </th>
                <td>{r.opdivs ? listInWords(r.opdivs) : 'All of HHS'}</td>
                <td>{plural(r.pairs, 'pair', 'pairs')}</td>
                <td>
                  {r.invited + r.suggested === 0
                    ? 'Nothing approved.'
                    : `${plural(r.invited, 'invitation', 'invitations')} sent and ${plural(r.suggested, 'suggestion', 'suggestions')} made, by ${listInWords(r.approvedBy)}, last on ${formatDateTime(r.lastApprovedAt)}.`}
                  {r.refused > 0 &&
                    ` ${plural(r.refused, 'pair was', 'pairs were')} refused by a program rule.`}
                  {r.open > 0 && ` ${plural(r.open, 'pair is', 'pairs are')} not decided.`}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}
