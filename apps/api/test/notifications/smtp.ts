import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Received = { from: string; to: string[]; raw: string; text: string };

/** Decodes a quoted-printable body (nodemailer uses it for the em dash and long lines). */
export function decodeQuotedPrintable(s: string): string {
  const bytes = Buffer.from(s.replace(/=\r?\n/g, ''), 'latin1');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x3d && i + 2 < bytes.length) {
      out.push(parseInt(bytes.subarray(i + 1, i + 3).toString(), 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return Buffer.from(out).toString('utf8');
}

/**
 * A real SMTP server on a port the system assigns that records every message. While `refuse` is set it answers
 * RCPT TO with a temporary failure, like a mail relay that is down for maintenance.
 */
export async function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      state.refused += 1;
      const error = Object.assign(new Error('Mail system is down for maintenance'), { responseCode: 451 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const headerEnd = raw.indexOf('\r\n\r\n');
        const body = headerEnd < 0 ? '' : raw.slice(headerEnd + 4);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: /quoted-printable/i.test(raw) ? decodeQuotedPrintable(body) : body,
        });
        callback();
      });
    },
  });
  // A port the system assigns, so it never collides with another test server's.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    header: (m: Received, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(m.raw)?.[1]?.trim(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
