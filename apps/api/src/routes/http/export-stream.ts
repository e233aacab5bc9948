import { Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { presentRow, type OpenExport } from '../../services/integrations/exports/index.js';
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
 * R-EXP-2: streams an open export, one chunk per batch of the cursor (a write per row would cost a system call per
 * row). A batch is fetched only when the response has taken the last chunk (highWaterMark 1: stream backpressure);
 * when the client goes away Fastify destroys the body, which ends the generator, and with it the cursor and its
 * transaction. A failure after the first byte cannot change the status any more: Fastify cuts the response short
 * (no closing chunk), which every HTTP client reports as an incomplete body.
 */
export function sendExport(reply: FastifyReply, open: OpenExport, format: ExportFormat) {
  const { cursor, columns } = open;
  const csv: Options = {
    columns: [...columns],
    record_delimiter: 'windows',
    cast: { string: defuse, boolean: (b) => (b ? 'true' : 'false') },
  };
  const body = Readable.from(
    (async function* () {
      let header = format === 'csv';
      for await (const batch of cursor) {
        const rows = batch.map((row) => presentRow(columns, row));
        yield format === 'csv'
          ? stringify(rows, { ...csv, header })
          : `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
        header = false;
      }
      if (header) yield stringify([], { ...csv, header: true });
    })(),
    { highWaterMark: 1 },
  );
  body.once('close', () => void cursor.close());
  const scope = open.scope === null ? 'HHS' : open.scope.join('-');
  const file = `${open.name}-${scope}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_');
  reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store');
  return reply.send(body);
}
