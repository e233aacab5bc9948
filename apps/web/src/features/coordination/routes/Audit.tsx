import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { DateInput } from '../../../components/ui/DateInput';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { $api } from '../../../lib/api';
import { useUrlFilters } from '../../../lib/url-filters';
import { StaffNav } from '../components/StaffNav';

const LIMIT = 25;
const KEYS = ['actor', 'action', 'objectType', 'objectId'] as const;
const DATES = ['from', 'to'] as const;

/** A day typed in the form as the API's instant: `from` is the day's start; `to` (exclusive) the next day's start, so the day is included. */
function dayBound(day: string | undefined, key: (typeof DATES)[number]): string | undefined {
  if (!day) return undefined;
  const at = new Date(`${day}T00:00:00`);
  if (Number.isNaN(at.getTime())) return undefined;
  if (key === 'to') at.setDate(at.getDate() + 1);
  return at.toISOString();
}

/** Search the append-only audit log (R-ADMIN-3); coordinators see their divisions' rows. */
export default function Audit() {
  const { form, query, cursor, submit, bind } = useUrlFilters([...KEYS, ...DATES]);
  const { from, to, ...text } = query;
  const range = Object.fromEntries(
    DATES.flatMap((k) => {
      const at = dayBound(k === 'from' ? from : to, k);
      return at ? [[k, at]] : [];
    }),
  );
  const log = $api.useQuery('get', '/api/v1/audit', {
    params: { query: { ...text, ...range, limit: LIMIT, ...(cursor ? { cursor } : {}) } },
  });
  const labels = {
    actor: 'Who (name or id)',
    action: 'Action',
    objectType: 'Object type',
    objectId: 'Object id',
  };
  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <StaffNav />
      <Form onSubmit={submit} className="maxw-none" aria-label="Search the audit log">
        <div className="grid-row grid-gap">
          {KEYS.map((k) => (
            <div key={k} className="grid-col-12 tablet:grid-col-3">
              <Field id={`a-${k}`} label={labels[k]}>
                <TextInput id={`a-${k}`} name={k} type="text" value={form[k]} onChange={bind(k)} />
              </Field>
            </div>
          ))}
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="a-from" label="From (date)">
              <DateInput
                id="a-from"
                name="from"
                value={form.from}
                max={form.to || undefined}
                onChange={bind('from')}
              />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="a-to" label="To (date, included)">
              <DateInput
                id="a-to"
                name="to"
                value={form.to}
                min={form.from || undefined}
                onChange={bind('to')}
              />
            </Field>
          </div>
        </div>
        <Button type="submit">Search</Button>
      </Form>
      <QueryState query={log} isEmpty={(d) => d.items.length === 0} empty="No audit entries match.">
        {(page) => (
          <>
            <p className="margin-top-3">{page.total} entries</p>
            <DataTable
              caption="Audit entries, newest first"
              columns={['When', 'Who', 'Action', 'Object', 'Divisions']}
              compact
            >
              {page.items.map((a) => (
                <tr key={a.id}>
                  <td>{new Date(a.at).toLocaleString()}</td>
                  <th scope="row">{a.actorLabel}</th>
                  <td>{a.action}</td>
                  <td>
                    {a.objectType} {a.objectId ?? ''}
                  </td>
                  <td>{a.opdivs.join(', ')}</td>
                </tr>
              ))}
            </DataTable>
            <UrlPager next={page.next} />
          </>
        )}
      </QueryState>
    </>
  );
}
