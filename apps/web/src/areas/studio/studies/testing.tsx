/* eslint-disable @typescript-eslint/require-await -- the fakes answer like the network does: with a promise */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import { studioKeys, type Study } from '../api';
import type { Preview, StudiesApi } from './api';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

export const BRANDS = [{ id: 'b1', name: 'Acme Bikes', slug: 'acme-bikes', createdAt: '2026-01-01T00:00:00.000Z' }];

export function study(over: Partial<Study> = {}): Study {
  return {
    id: 's1',
    brandId: 'b1',
    title: 'Cargo bikes in the city',
    theme: 'mobility',
    brief: 'How families move.',
    targetSize: 20,
    incentivePoints: 50,
    postPoints: 0,
    criteria: { countries: ['FR'] },
    quotas: [{ dimension: 'gender', value: 'female', target: 10 }],
    status: 'draft',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    funnel: { invited: 0, pending: 0, enrolled: 0, waitlisted: 0, declined: 0, expired: 0 },
    ...over,
  };
}

export type FakeApi = StudiesApi & { [K in keyof StudiesApi]: ReturnType<typeof vi.fn> };

/** A fake of the studies API answering like the network (asynchronously); override per test. */
export function fakeApi(over: Partial<StudiesApi> = {}): FakeApi {
  const preview: Preview = { eligible: 0, cells: [] };
  return {
    list: vi.fn(async () => ({ items: [study()], nextCursor: null })),
    brands: vi.fn(async () => BRANDS),
    attributes: vi.fn(async () => []),
    create: vi.fn(async (body: { title: string }) => study({ id: 'new', title: body.title })),
    update: vi.fn(async () => study()),
    transition: vi.fn(async (_id: string, to: Study['status']) => study({ status: to })),
    preview: vi.fn(async () => preview),
    explain: vi.fn(async () => ({ eligible: true, reasons: [] })),
    searchPanellists: vi.fn(async () => []),
    previewWave: vi.fn(),
    sendWave: vi.fn(),
    cells: vi.fn(async () => ({ cells: [] })),
    participants: vi.fn(async () => ({ items: [], nextCursor: null })),
    invitations: vi.fn(async () => ({ items: [], nextCursor: null })),
    ...over,
  } as FakeApi;
}

/** The page inside the app's providers (a router for links), in `lang`, with `studies` already known (no GET). */
export function renderStudio(
  ui: ReactNode,
  { lang = 'en', studies = [], router: withRouter = true }: { lang?: Language; studies?: Study[]; router?: boolean } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  for (const s of studies) client.setQueryData(studioKeys.study(s.id), s);
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const view = render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n(lang)}>{withRouter ? <RouterProvider router={router} /> : ui}</I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...view, client };
}
