import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import { studioKeys, type Study } from '../api';

// jsdom has no CSS.escape; React Aria's modal dialogs use it (every browser has it)
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
if (!g.CSS?.escape) g.CSS = { ...g.CSS, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) };

export const STUDY = {
  id: 's1',
  brandId: 'b1',
  title: 'Kettle beta',
  status: 'in_field',
} as unknown as Study;

/** Tests only: one studio page at `/` of a memory router, the study already in the cache, the given language. */
export function renderStudioPage(page: () => ReactNode, lang: Language) {
  const i18n = createTestI18n(lang);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  queryClient.setQueryData(studioKeys.study(STUDY.id), STUDY);
  const root = createRootRoute({ component: Outlet });
  const router = createRouter({
    routeTree: root.addChildren([createRoute({ getParentRoute: () => root, path: '/', component: page })]),
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
  return { ...view, queryClient };
}

/** A problem+json as the generated client throws it. */
export const problem = (status: number, detail = 'refused') => ({ type: 'about:blank', title: 'Problem', status, detail, requestId: 'r1' });
