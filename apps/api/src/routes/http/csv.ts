import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { ReportMeta } from '../../services/reports/range.js';

/** A cell that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * R-ADMIN-2 CSV download: RFC 4180 quoting by csv-stringify, UTF-8 with a byte-order mark so Excel reads it as
 * UTF-8, streamed to the client, offered as an attachment.
 */
export function sendCsv(
  reply: FastifyReply,
  m: ReportMeta,
  columns: readonly string[],
  rows: readonly object[],
  headers?: Readonly<Record<string, string>>,
) {
  const named = columns.map((key) => ({ key, header: headers?.[key] ?? key }));
  const stream = stringify({
    header: true,
    columns: named,
    bom: true,
    record_delimiter: 'windows',
    cast: { string: defuse, boolean: (b) => (b ? 'true' : 'false') },
  });
  const scope = m.scope === null ? 'HHS' : m.scope.join('-');
  const name = `${m.report}-${scope}-${m.from.slice(0, 10)}-${m.to.slice(0, 10)}.csv`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`);
  setImmediate(() => {
    for (const row of rows) stream.write(row);
    stream.end();
  });
  return reply.send(stream);
}
