/**
 * What a log line may say about an error (decision 0611): its type, a message, the stack frames, codes and, for a
 * failed query, the SQL text, never its parameter values. drizzle's DrizzleQueryError puts the parameters in its
 * message, its stack and `params`; PostgreSQL puts the offending row in `detail` and the offending value in the
 * message of a data exception (class 22: `invalid input syntax for type uuid: "…"`). Every logger uses it as
 * pino's `err` serializer (app.ts); the job runner and the start-up scripts use it too.
 */

/** Fields copied as they are: codes and names of database objects, never values. */
const KEPT = [
  'code',
  'statusCode',
  'errno',
  'syscall',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
] as const;

type ErrorLike = { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown; query?: unknown };

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  query?: string;
  cause?: LoggedError;
  [field: string]: unknown;
}

/** The message without parameter values: drizzle's `params:` line dropped, quoted values of a data exception masked. */
export function safeErrorMessage(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error).split('\nparams: ')[0]!;
  const e = error as ErrorLike & { code?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const withoutParams = message.split('\nparams: ')[0]!;
  return typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)
    ? withoutParams.replace(/"(?:[^"]|"")*"/g, '"…"')
    : withoutParams;
}

/** The stack's frames under the safe message (the stack's first lines repeat the message, parameters and all). */
function safeStack(stack: unknown, heading: string): string {
  if (typeof stack !== 'string') return heading;
  const firstFrame = stack.indexOf('\n    at ');
  return firstFrame < 0 ? heading : heading + stack.slice(firstFrame);
}

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!error || typeof error !== 'object') {
    const message = safeErrorMessage(error);
    return { type: typeof error, message, stack: message };
  }
  const e = error as ErrorLike & Record<string, unknown>;
  const constructorName = (e.constructor as { name?: string } | undefined)?.name;
  const type =
    constructorName && constructorName !== 'Error' && constructorName !== 'Object'
      ? constructorName
      : typeof e.name === 'string'
        ? e.name
        : 'Error';
  const message = safeErrorMessage(error);
  const logged: LoggedError = { type, message, stack: safeStack(e.stack, `${type}: ${message}`) };
  if (typeof e.query === 'string') logged.query = e.query;
  for (const field of KEPT) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  if (e.cause && depth < 3) logged.cause = serializeError(e.cause, depth + 1);
  return logged;
}
