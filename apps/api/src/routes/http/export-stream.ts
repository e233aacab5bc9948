import { Readable, Transform, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { presentRow, type OpenExport } from '../../services/exports/index.js';
import { defuse } from './csv.js';

export type ExportFormat = 'ndjson' | 'csv';

/** `format` when given, else the Accept header: text/csv → CSV; NDJSON otherwise (R-EXP-2). */
export function exportFormat(format: string | undefined, accept: string | undefined): ExportFormat {
  if (format === 'csv' || format === 'ndjson') return format;
  return /\btext\/csv\b/i.test(accept ?? '') && !/\bapplication\/(x-)?ndjson\b/i.test(accept ?? '')
    ? 'csv'
    : 'ndjson';
}

/**
 * R-EXP-2: streams an open export. Rows are pulled from the database cursor only as fast as the client reads
 * (stream backpressure); when the client goes away, `pipeline` destroys the source, which closes the cursor and its
 * transaction. A failure after the first byte cannot change the status any more: the response is cut short
 * (no closing chunk), which every HTTP client reports as an incomplete body.
 */
export function sendExport(reply: FastifyReply, open: OpenExport, format: ExportFormat) {
  const { cursor, columns } = open;
  const rows = Readable.from(
    (async function* () {
      for await (const batch of cursor) for (const row of batch) yield presentRow(columns, row);
    })(),
    { objectMode: true, highWaterMark: 256 },
  );
  rows.once('close', () => void cursor.close());
  const encode =
    format === 'csv'
      ? stringify({
          header: true,
          columns: [...columns],
          record_delimiter: 'windows',
          cast: { string: defuse, boolean: (b) => (b ? 'true' : 'false') },
        })
      : new Transform({
          writableObjectMode: true,
          transform(row, _encoding, done) {
            done(null, `${JSON.stringify(row)}\n`);
          },
        });
  const body = pipeline(rows, encode, (error) => {
    if (error && !reply.raw.destroyed) reply.raw.destroy(error);
  });
  const scope = open.scope === null ? 'HHS' : open.scope.join('-');
  const file = `${open.name}-${scope}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_');
  reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store');
  return reply.send(body);
}
