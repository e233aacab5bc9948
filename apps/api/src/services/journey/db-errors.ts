import type { Problem } from '../../lib/problem.js';

/** The constraint a unique/check violation names, on both drivers (drizzle wraps the driver error in `cause`). */
function violated(err: unknown): string | undefined {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if ((e.code === '23505' || e.code === '23514') && e.constraint) return e.constraint;
  }
  return undefined;
}

/** Runs fn; a violation of one of the named constraints becomes that problem (the database held the rule). */
export async function withConstraints<T>(
  fn: () => Promise<T>,
  map: Record<string, () => Problem>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const name = violated(err);
    const problem = name ? map[name] : undefined;
    if (problem) throw problem();
    throw err;
  }
}
