import { DataTable } from '../../../components/ui/DataTable';
import type { Schemas } from '../../../lib/api';
import { BarChartWithTable } from './Charts';
import { present, rangeAndScope } from './report-presentation';

const COLORS = ['#005ea2', '#e5a000', '#00a91c', '#d83933'];

/** One report in words: the period and scope, charts by value (each with its table), and the rows. */
export function ReportBody({ report: r }: { report: Schemas['Report'] }) {
  const { columns, charts } = present(r.report, r.rows);
  return (
    <>
      <p data-testid="report-range">{rangeAndScope(r)}</p>
      {charts.map((chart) => (
        <BarChartWithTable
          key={chart.title}
          title={chart.title}
          categoryKey={chart.category}
          data={chart.rows.map((row) => ({
            [chart.category]: chart.name(row),
            ...Object.fromEntries(chart.series.map((s) => [s.key, Number(row[s.key] ?? 0)])),
          }))}
          series={chart.series.map((s, i) => ({ ...s, color: COLORS[i % COLORS.length]! }))}
        />
      ))}
      <DataTable caption="Report rows" columns={columns.map((c) => c.label)} compact testId="report-table">
        {r.rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.label}>{c.show(row)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
