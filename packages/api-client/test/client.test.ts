import { describe, expect, it } from 'vitest';
import { createApi, fieldErrors, problemMessage } from '../src/index.js';

const problem = {
  type: 'https://mentoring.hhs.gov/problems/rule/R-CAP-3',
  title: 'A program rule refused this',
  status: 409,
  rule: 'R-CAP-3',
  detail: 'You already have 3 open invitations.',
  errors: [{ field: '/body/capacity', message: 'must be <= 5' }],
};

describe('problem helpers', () => {
  it("shows a rule refusal as the rule's sentence, not its code", () => {
    expect(problemMessage(problem)).toBe('You already have 3 open invitations.');
  });
  it('keys field errors by field name', () => {
    expect(fieldErrors(problem)).toEqual({ capacity: 'must be <= 5' });
  });
});

describe('createApi', () => {
  it('passes problem responses to onProblem and returns them as the error', async () => {
    const seen: number[] = [];
    const api = createApi({
      baseUrl: 'http://test',
      fetch: async () =>
        new Response(JSON.stringify({ ...problem, status: 401 }), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        }),
      onProblem: (p) => seen.push(p.status),
    });
    const { error } = await api.fetch.GET('/api/v1/me');
    expect(seen).toEqual([401]);
    expect(error?.status).toBe(401);
  });
});
