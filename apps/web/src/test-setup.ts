import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom has no scrolling; the router restores scroll positions
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// no network in unit tests: a call nobody mocked answers 401 (the session restore finds no
// session); a test that needs answers stubs fetch itself (vi.stubGlobal or configureClient)
vi.stubGlobal(
  'fetch',
  vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'no network in unit tests' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    ),
  ),
);
