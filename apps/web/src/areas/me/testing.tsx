import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../i18n';
import { createTestI18n } from '../../i18n/testing';
import { GoodbyePage } from '../../pages/GoodbyePage';

// jsdom has no CSS.escape; React Aria's modal dialogs use it (every browser has it)
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
if (!g.CSS?.escape) g.CSS = { ...g.CSS, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) };

/**
 * Renders one page of the panellist area on its own (no session guard, no app shell): a
 * router with the page at `/` and the goodbye page, a fresh query client, the given language.
 */
export function renderPage(Page: () => ReactNode, lang: Language) {
  const i18n = createTestI18n(lang);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const root = createRootRoute({ component: Outlet });
  const router = createRouter({
    routeTree: root.addChildren([
      createRoute({ getParentRoute: () => root, path: '/', component: Page }),
      createRoute({ getParentRoute: () => root, path: '/goodbye', component: GoodbyePage }),
    ]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <I18nProvider locale={lang}>
          <RouterProvider router={router as never} />
        </I18nProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...view, i18n, router, queryClient };
}

/** What the generated SDK functions resolve to with `throwOnError: true`. */
export const ok = <T,>(data: T) => Promise.resolve({ data, request: new Request('http://x'), response: new Response() });

/** A problem+json the generated client throws with `throwOnError: true`. */
export const problem = (status: number, errors?: { field: string; message: string }[]) =>
  Promise.reject({ type: 'https://leadpanel.dev/problems/validation', title: 'Bad Request', status, detail: 'invalid', errors });
