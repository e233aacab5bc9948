// R-API-7 (decision 0909): a deprecated operation says so on every response — `Deprecation` (RFC 9745), `Sunset`
// (RFC 8594) and a `Link` to what replaces it — and is marked `deprecated: true` in the OpenAPI document.

/** The route option: `config: { deprecated: { since: '2026-12-01', sunset: '2027-06-30', link: 'https://…' } }`. */
export type Deprecation = {
  /** The day (UTC) it was deprecated. */
  since: string;
  /** The day (UTC) after which it may stop working; at least 6 months after `since` (docs/api.md). */
  sunset: string;
  /** Where the replacement and the migration steps are described. */
  link: string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecated?: Deprecation;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MIN_NOTICE_MS = 182 * 24 * 3600 * 1000;

export function deprecationOf(config: unknown): Deprecation | undefined {
  return (config as { deprecated?: Deprecation } | undefined)?.deprecated;
}

/** The response headers of a deprecated route; throws (at start-up) when the option is not well formed. */
export function deprecationHeaders(deprecation: Deprecation): Record<string, string> {
  const { since, sunset, link } = deprecation;
  const start = Date.parse(`${since}T00:00:00Z`);
  // The last moment it is promised to work: the end of the sunset day.
  const end = Date.parse(`${sunset}T23:59:59Z`);
  if (!DAY.test(since) || !DAY.test(sunset) || Number.isNaN(start) || Number.isNaN(end))
    throw new Error(`deprecated: since and sunset must be YYYY-MM-DD days (got ${since}, ${sunset})`);
  if (end - start < MIN_NOTICE_MS)
    throw new Error(`deprecated: the sunset ${sunset} must come at least 6 months after ${since} (R-API-7)`);
  if (!/^https:\/\/\S+$/.test(link)) throw new Error(`deprecated: link must be an https URL (got ${link})`);
  return {
    deprecation: `@${Math.floor(start / 1000)}`,
    sunset: new Date(end).toUTCString(),
    link: `<${link}>; rel="deprecation"; type="text/html", <${link}>; rel="sunset"; type="text/html"`,
  };
}
