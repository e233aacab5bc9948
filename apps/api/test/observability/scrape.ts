import type { FastifyInstance } from 'fastify';

/** GET /metrics on the app's metrics port, as Prometheus scrapes it. */
export async function scrape(app: FastifyInstance): Promise<string> {
  const address = app.metrics.address();
  if (!address) throw new Error('the metrics port is not listening');
  const response = await fetch(`http://127.0.0.1:${address.port}/metrics`);
  if (response.status !== 200) throw new Error(`metrics answered ${response.status}`);
  return response.text();
}

/** The value of one series in Prometheus text, or undefined when the series is absent. */
export function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}
