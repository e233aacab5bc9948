import pg from 'pg';

/**
 * Counts the statements every pg client in this process sends (the API's pool included: one pg module in the
 * workspace). A figure the machine's load cannot distort: round trips per request.
 */
export function countQueries(): { reset(): void; readonly count: number } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return {
    reset: () => {
      count = 0;
    },
    get count() {
      return count;
    },
  };
}
