import { beforeEach, type Mock } from 'vitest';

/** The stand-in for the API installed by `setup.ts`, emptied before each test of a file that imports it. */
export const fetchMock = globalThis.fetch as Mock<typeof fetch>;
beforeEach(() => {
  fetchMock.mockReset();
});

/** A JSON answer from the API. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
