import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Received = { id: string; timestamp: string; signature: string; body: string };

/**
 * A webhook receiver in this process on a real port. `answer` decides the status of each request (200 by default).
 * kill() drops the listener and every open connection at once, as a crashed process would; start() again listens on
 * the same port, as the restarted process would.
 */
export function makeReceiver() {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let server: http.Server | undefined;
  let port = 0;
  const state = {
    answer: (_r: Received): number => 200,
    /** Called for each request before it is answered (to kill the receiver mid-stream). */
    onRequest: (_r: Received): void => {},
  };
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const r = {
            id: String(req.headers['webhook-id']),
            timestamp: String(req.headers['webhook-timestamp']),
            signature: String(req.headers['webhook-signature']),
            body: Buffer.concat(chunks).toString('utf8'),
          };
          state.onRequest(r);
          if (!server?.listening) return; // killed while this request was in flight: no answer ever comes
          received.push(r);
          const status = state.answer(r);
          res
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(status < 300 ? 'ok' : 'x'.repeat(1_000));
        });
      });
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const kill = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    const closed = new Promise((resolve) => s.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    received,
    state,
    start,
    kill,
    get url() {
      return `http://127.0.0.1:${port}/hooks`;
    },
    ids: () => received.map((r) => r.id),
  };
}
