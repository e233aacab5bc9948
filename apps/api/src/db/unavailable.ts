/**
 * Whether an error means the database could not be reached or went away mid-request (decision 0005), as opposed
 * to a bug or a refused statement. Such a request is answered 503 with Retry-After: trying again later is right.
 */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
// SQLSTATE: 08 connection exception; 57P01-03 shut down / crashed / starting up; 53300 too many connections;
// 57014 statement timeout; 25P03 idle-in-transaction timeout.
const SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25P03']);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /query read timeout/i,
  /connection (is )?(ended|closed)/i,
  /cannot use a pool after calling end/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK.has(code) || SQLSTATE.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}

// SQLSTATE of a statement refused because of a value the caller sent: 23503 a reference to nothing, 23514 a check,
// 22P02 / 22003 / 22001 / 22021 / 22007 / 22008 a malformed, out-of-range, too long, badly encoded or invalid date value.
const REFUSED_INPUT = new Set(['23503', '23514', '22P02', '22003', '22001', '22021', '22007', '22008']);

/** R-SEC-4: the SQLSTATE when the database refused a value the request carried (a 4xx, not a 5xx), else undefined. */
export function refusedInputCode(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = e.cause as typeof e, depth++
  )
    if (typeof e.code === 'string' && REFUSED_INPUT.has(e.code)) return e.code;
  return undefined;
}
