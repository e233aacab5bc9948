import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-node';

// Tracing is on only when an OTLP endpoint is configured (the standard OpenTelemetry variables); otherwise nothing
// is loaded or registered. OTEL_SDK_DISABLED=true turns it off whatever else is set.
export function tracingEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const endpoints = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'].filter(
    (name) => env[name],
  );
  for (const name of endpoints)
    if (!URL.canParse(env[name]!) || !/^https?:$/.test(new URL(env[name]!).protocol))
      throw new Error(
        `${name} must be an http(s) URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318`,
      );
  return endpoints.length > 0;
}

/** The span attribute that carries the request id (echoed as X-Request-Id, `reqId` in logs, `requestId` in problems). */
export const REQUEST_ID_ATTRIBUTE = 'http.request.id';

// Probes and scrapes every few seconds would drown the traces that matter.
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0] ?? '';

// Query strings carry people's search words (decision 0607), and the client address is a person's: neither goes
// on a span. The route template, method and status are there.
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.path'];
const DROPPED_ATTRIBUTES = ['url.query', 'http.client_ip', 'client.address'];
const withoutPersonalData: SpanProcessor = {
  onStart(span) {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value === 'string') span.setAttribute(key, value.split('?')[0] ?? '');
    }
    for (const key of DROPPED_ATTRIBUTES) if (key in span.attributes) span.setAttribute(key, '');
  },
  onEnd: () => {},
  forceFlush: async () => {},
  shutdown: async () => {},
};

let stop: (() => Promise<void>) | undefined;

/**
 * Starts the OpenTelemetry SDK: Fastify (route template, request id), node:http server and pg spans, exported over
 * OTLP/HTTP. Must run before `fastify` and `pg` are imported (`node --import ./dist/tracing.js dist/server.js`):
 * the ESM loader hook only sees modules loaded after it. Worker threads (the cohort solver) are not traced.
 */
export async function startTracing(env = process.env): Promise<boolean> {
  if (!isMainThread || stop || !tracingEnabled(env)) return false;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, resources, instrumentation] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/instrumentation'),
    ]);
  const [{ HttpInstrumentation }, { PgInstrumentation }, { FastifyOtelInstrumentation }] = await Promise.all([
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@fastify/otel'),
  ]);
  // The loader hook wraps the modules imported from here on (the app's), so pg and fastify can be patched as ESM.
  register('import-in-the-middle/hook.mjs', import.meta.url);
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': 'hhs-mentoring-api' }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] })); // OTEL_SERVICE_NAME wins
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [withoutPersonalData, new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  instrumentation.registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(pathOf(request.url)),
      }),
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: (route) => UNTRACED_PATHS.has(pathOf(route.url)),
        // The request span and the node:http server span above it (active here) both carry the request id.
        requestHook: (span, request) => {
          span.setAttribute(REQUEST_ID_ATTRIBUTE, request.id);
          trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, request.id);
        },
      }),
      // The statement is on the span; its parameter values never are (enhancedDatabaseReporting would add them).
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  stop = () => provider.shutdown();
  return true;
}

/** Sends the spans still buffered, then stops (on shutdown, before the process exits). */
export async function stopTracing(): Promise<void> {
  await stop?.();
  stop = undefined;
}
