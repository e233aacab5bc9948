import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => cleanup());

// A browser resolves a relative URL against the page; Node's Request (which jsdom tests get) does not. The app's API
// client builds requests for '/api/v1/...', so resolve them against the test page's address as a browser would.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(
      typeof input === 'string' && input.startsWith('/') ? new URL(input, window.location.href) : input,
      init,
    );
  }
} as typeof Request;

// The app's one API client takes `fetch` when its module loads: a stand-in is installed before any test file's imports,
// so a test can script the API's answers with `fetchMock` from `src/test/fetch.ts`.
globalThis.fetch = vi.fn<typeof fetch>();
