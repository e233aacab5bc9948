import { Button, Form, Select } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DateInput } from '../../../components/ui/DateInput';
import { Field } from '../../../components/ui/Field';
import { OpdivSelect } from '../../../components/ui/Filters';
import { PageHeading } from '../../../components/ui/PageHeading';
import { QueryState } from '../../../components/ui/States';
import { ReportBody } from '../components/ReportBody';
import { useReport, type ReportName } from '../api/queries';
import { StaffNav } from '../components/StaffNav';

const REPORTS: { value: ReportName; label: string }[] = [
  { value: 'participation', label: 'Participation' },
  { value: 'matching', label: 'Matching' },
  { value: 'outcomes', label: 'Outcomes' },
  { value: 'evaluation', label: 'Evaluation' },
];

/** Reports with filters, charts by value with their tables, and CSV download (R-ADMIN-2: small groups suppressed by the API). */
export default function Reports() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('report');
  const report = REPORTS.find((r) => r.value === asked)?.value ?? 'participation';
  const filters = {
    opdiv: params.get('opdiv') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [form, setForm] = useState({ report, ...filters });
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const raw = useReport(report, query);
  // The same endpoint answers CSV when asked; this screen asks for JSON.
  const data = { ...raw, data: typeof raw.data === 'string' ? undefined : raw.data };
  const csv = `/api/v1/reports/${report}?${new URLSearchParams({ ...query, format: 'csv', header: 'words' })}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  }
  return (
    <>
      <PageHeading>Reports</PageHeading>
      <StaffNav />
      <Form onSubmit={submit} className="maxw-none" aria-label="Report filters">
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-3">
            <Field id="r-report" label="Report">
              <Select
                id="r-report"
                name="report"
                value={form.report}
                onChange={(e) => setForm({ ...form, report: e.target.value as ReportName })}
              >
                {REPORTS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <OpdivSelect
              id="r-opdiv"
              value={form.opdiv}
              onChange={(e) => setForm({ ...form, opdiv: e.target.value })}
              anyLabel="All I may see"
            />
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="r-from" label="From">
              <DateInput
                id="r-from"
                name="from"
                value={form.from}
                onChange={(e) => setForm({ ...form, from: e.target.value })}
              />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="r-to" label="To">
              <DateInput
                id="r-to"
                name="to"
                value={form.to}
                onChange={(e) => setForm({ ...form, to: e.target.value })}
              />
            </Field>
          </div>
        </div>
        <Button type="submit">Show report</Button>
        <a className="usa-button usa-button--outline margin-left-1" href={csv} download={`${report}.csv`}>
          Download CSV
        </a>
        <p className="usa-hint">
          The spreadsheet names its columns in words. Shares are written from 0 to 1 (0.25 is 25 %).
        </p>
      </Form>
      <section className="margin-top-4" aria-labelledby="report-heading">
        <h2 id="report-heading">{REPORTS.find((r) => r.value === report)?.label} report</h2>
        <QueryState query={data} isEmpty={(d) => d.rows.length === 0} empty="No data for these filters.">
          {(r) => <ReportBody report={r} />}
        </QueryState>
      </section>
    </>
  );
}
