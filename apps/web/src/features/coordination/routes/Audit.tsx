import { Button, Form, Select, TextInput } from '@trussworks/react-uswds';
import { Link, useSearchParams } from 'react-router';
import { DateInput } from '../../../components/ui/DateInput';
import { DataTable } from '../../../components/ui/DataTable';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { UrlPager } from '../../../components/ui/Pager';
import { QueryState } from '../../../components/ui/States';
import { formatDateTime } from '../../../lib/format';
import { useUrlFilters } from '../../../lib/url-filters';
import { AUDIT_ACTIONS, RECORD_KINDS, actionInWords, objectInWords } from '../components/audit-words';
import { useAuditLog } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

const LIMIT = 25;
const KEYS = ['actor', 'action', 'objectType', 'objectId'] as const;
/** "Anything", then one choice per machine code, shown as its words with a capital letter. */
const wordChoices = (choices: Record<string, string>) => [
  <option key="" value="">
    Anything
  </option>,
  ...Object.entries(choices).map(([code, words]) => (
    <option key={code} value={code}>
      {words.charAt(0).toUpperCase() + words.slice(1)}
    </option>
  )),
];
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
  const { form, setForm, query, cursor, submit, bind } = useUrlFilters([...KEYS, ...DATES]);
  const [params, setParams] = useSearchParams();
  const { from, to, ...text } = query;
  const range = Object.fromEntries(
    DATES.flatMap((k) => {
      const at = dayBound(k === 'from' ? from : to, k);
      return at ? [[k, at]] : [];
    }),
  );
  const log = useAuditLog({ ...text, ...range, limit: LIMIT, ...(cursor ? { cursor } : {}) });
  // One record's history is reached from a link, never typed: the form says which kind of record, not its id.
  function everyRecord() {
    setForm({ ...form, objectId: '' });
    const next = new URLSearchParams(params);
    next.delete('objectId');
    next.delete('cursor');
    setParams(next);
  }
  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <StaffNav />
      <Form onSubmit={submit} className="maxw-none" aria-label="Search the audit log">
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="a-actor" label="Who (name or employee number)">
              <TextInput id="a-actor" name="actor" type="text" value={form.actor} onChange={bind('actor')} />
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="a-action" label="What they did">
              <Select id="a-action" name="action" value={form.action} onChange={bind('action')}>
                {wordChoices(AUDIT_ACTIONS)}
              </Select>
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="a-objectType" label="About">
              <Select
                id="a-objectType"
                name="objectType"
                value={form.objectType}
                onChange={bind('objectType')}
              >
                {wordChoices(RECORD_KINDS)}
              </Select>
            </Field>
          </div>
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
        {query.objectId && (
          <p data-testid="one-record">
            Showing only the entries about one{' '}
            {query.objectType ? (RECORD_KINDS[query.objectType] ?? 'record') : 'record'}.{' '}
            <Button type="button" unstyled onClick={everyRecord}>
              Show entries about every record
            </Button>
          </p>
        )}
        <Button type="submit">Search</Button>
      </Form>
      <QueryState query={log} isEmpty={(d) => d.items.length === 0} empty="No audit entries match.">
        {(page) => (
          <>
            <p className="margin-top-3">{page.total} entries</p>
            <DataTable
              caption="Audit entries, newest first"
              columns={['When', 'Who', 'What they did', 'On', 'Divisions']}
              compact
            >
              {page.items.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.at)}</td>
                  <th scope="row">{a.actorLabel}</th>
                  <td>{actionInWords(a.action)}</td>
                  <td>
                    <AuditObject type={a.objectType} id={a.objectId} />
                  </td>
                  <td>{a.opdivs.join(', ') || 'None'}</td>
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

function AuditObject({ type, id }: { type: string; id: string | null }) {
  const { text, href } = objectInWords(type, id);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}
