// Who a guard lets through, carried by the guard function itself. The OpenAPI document's security requirements are
// read from the guards a route really runs (R-API-6, decision 0908), so the document cannot drift from enforcement.

/** Signed-in people a guard admits: anyone signed in, coordinators and the program manager, or the program manager. */
export type People = 'user' | 'staff' | 'pm';

export type Access = {
  /** The people admitted by session cookie or bearer token; null: no person. */
  people: People | null;
  /** System-client scopes admitted (any one of them), by OAuth 2.0 client-credentials token. */
  scopes: string[];
  /** When the scope depends on a path parameter: the parameter and the scope each of its values needs. */
  scopeByParameter?: { name: string; scopes: Record<string, string> };
};

const ACCESS = Symbol('access');
type Guarded = { [ACCESS]?: Access };

/** Marks a guard with what it admits. */
export function withAccess<F extends object>(guard: F, access: Access): F {
  (guard as Guarded)[ACCESS] = access;
  return guard;
}

export function accessOf(fn: unknown): Access | undefined {
  return typeof fn === 'function' ? (fn as Guarded)[ACCESS] : undefined;
}

const BREADTH: People[] = ['pm', 'staff', 'user'];

/** The access of guards of which any one suffices: the broadest people, every scope. */
export function unionOf(accesses: Access[]): Access {
  const people = accesses
    .map((a) => a.people)
    .filter((p): p is People => p !== null)
    .sort((a, b) => BREADTH.indexOf(b) - BREADTH.indexOf(a))[0];
  return { people: people ?? null, scopes: [...new Set(accesses.flatMap((a) => a.scopes))] };
}

/** The access of the guards one route runs, each of which must pass; null when the route runs none (public). */
export function routeAccess(hooks: unknown[]): Access | null {
  const found = hooks.map(accessOf).filter((a): a is Access => a !== undefined);
  if (found.length <= 1) return found[0] ?? null;
  const people = found.some((a) => a.people === null)
    ? null
    : found.map((a) => a.people!).sort((a, b) => BREADTH.indexOf(a) - BREADTH.indexOf(b))[0]!;
  const scopes = found.reduce<string[]>(
    (acc, a) => acc.filter((s) => a.scopes.includes(s)),
    found[0]!.scopes,
  );
  return { people, scopes };
}
