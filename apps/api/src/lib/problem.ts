import { Type, type Static } from '@sinclair/typebox';

// RFC 9457 problem details. `rule` names the SPEC rule that refused; `errors` lists field validation failures.
export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'JSON pointer to the offending field, e.g. /body/capacity' }),
  message: Type.String(),
});
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    rule: Type.Optional(Type.String()),
    refusals: Type.Optional(Type.Array(Type.Object({ rule: Type.String(), detail: Type.String() }))),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'Problem', title: 'Problem', description: 'RFC 9457 problem details' },
);
export type ProblemBody = Static<typeof ProblemSchema>;

const TYPE_BASE = 'https://mentoring.hhs.gov/problems/';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Partial<Pick<ProblemBody, 'rule' | 'errors' | 'refusals'>> = {},
  ) {
    super(detail ?? title);
  }

  /** Sent as Retry-After (429, 503). */
  retryAfterSeconds?: number;

  /** What Fastify and plugins read as an error's HTTP status. */
  get statusCode(): number {
    return this.status;
  }

  toBody(instance?: string, requestId?: string): ProblemBody {
    return {
      type: TYPE_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
      ...(requestId ? { requestId } : {}),
    };
  }
}

export type Refusal = { rule: string; detail: string };

export const problems = {
  badRequest: (detail: string, errors?: ProblemBody['errors']) =>
    new Problem(400, 'validation', 'Your request is not valid', detail, errors ? { errors } : {}),
  unauthorized: (detail = 'Sign in to continue.') =>
    new Problem(401, 'unauthorized', 'Not signed in', detail),
  /** `rule`, when a SPEC rule is why, goes in the machine-readable field; the detail stays a sentence. */
  forbidden: (detail = 'You are not allowed to do this.', rule?: string) =>
    new Problem(403, 'forbidden', 'Forbidden', detail, rule ? { rule } : {}),
  notFound: (what: string) => new Problem(404, 'not-found', 'Not found', `${what} was not found.`),
  conflict: (detail: string) => new Problem(409, 'conflict', 'Conflict', detail),
  preconditionFailed: (detail: string) =>
    new Problem(412, 'precondition-failed', 'Someone else changed this first', detail),
  /** A SPEC rule refused the request (409 by default: the state of things forbids it). */
  rule: (rule: string, detail: string, status = 409) =>
    new Problem(status, `rule/${rule}`, 'A program rule refused this', detail, { rule }),
  refusals: (refusals: Refusal[], status = 409) =>
    new Problem(
      status,
      `rule/${refusals[0]?.rule ?? 'unknown'}`,
      'A program rule refused this',
      refusals.map((r) => r.detail).join(' '),
      { rule: refusals[0]?.rule, refusals },
    ),
  unavailable: () =>
    new Problem(
      503,
      'unavailable',
      'Service temporarily unavailable',
      'We could not reach our database just now. Please try again in a few seconds.',
    ),
  tooMany: (detail: string, retryAfterSeconds?: number) => {
    const problem = new Problem(429, 'rate-limited', 'Too many requests', detail);
    problem.retryAfterSeconds = retryAfterSeconds;
    return problem;
  },
};
