import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type Series = { key: string; label: string; color: string };

/** A bar chart with its numbers also in a table: the table is what assistive technology reads, the chart is hidden from it. */
export function BarChartWithTable({
  title,
  data,
  categoryKey,
  series,
}: {
  title: string;
  data: Record<string, string | number>[];
  categoryKey: string;
  series: Series[];
}) {
  return (
    <figure className="margin-x-0">
      <figcaption className="text-bold margin-bottom-1">{title}</figcaption>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={categoryKey} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: the numbers`}>
        <table className="usa-table usa-table--compact usa-table--borderless">
          <caption className="usa-sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryKey}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={String(row[categoryKey])}>
                <th scope="row">{row[categoryKey]}</th>
                {series.map((s) => (
                  <td key={s.key}>{row[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
