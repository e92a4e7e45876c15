import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi, type Mock } from 'vitest';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import type { Survey, SurveysApi } from './api';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

/** Renders a studio page under a router (its links and navigation work) with both catalogues. */
export function renderStudio(ui: ReactNode, lang: Language = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const root = createRootRoute();
  const page = createRoute({ getParentRoute: () => root, path: '/', component: () => ui });
  const builder = createRoute({ getParentRoute: () => root, path: '/studio/surveys/$surveyId', component: () => <p>builder page</p> });
  const router = createRouter({
    routeTree: root.addChildren([page, builder]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const result = render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n(lang)}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...result, router };
}

export const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function survey(over: Partial<Survey> = {}): Survey {
  return {
    id: 's1',
    studyId: 'st1',
    kind: 'general',
    title: 'Kettle week one',
    points: null,
    status: 'draft',
    questions: [{ id: 'q1', type: 'text', prompt: 'Anything else?' }],
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    publishedAt: null,
    ...over,
  };
}

export type FakeSurveysApi = { [K in keyof SurveysApi]: Mock<SurveysApi[K]> };

/** A fake API holding one survey: updates replace it, publish freezes it; `over` replaces any call. */
export function fakeSurveysApi(initial: Survey, over: Partial<SurveysApi> = {}): FakeSurveysApi {
  let current = initial;
  const base: SurveysApi = {
    listSurveys: async () => {
      await network();
      return { items: [], nextCursor: null };
    },
    getSurvey: async () => {
      await network();
      return current;
    },
    createSurvey: () => Promise.reject(new Error('not expected')),
    updateSurvey: async (_id, body) => {
      await network();
      current = { ...current, ...body, points: body.points ?? null } as Survey;
      return current;
    },
    publishSurvey: async () => {
      await network();
      current = { ...current, status: 'published', publishedAt: '2026-12-02T10:00:00.000Z' };
      return current;
    },
    assign: () => Promise.reject(new Error('not expected')),
    listParticipants: () => Promise.reject(new Error('not expected')),
    listResponses: () => Promise.reject(new Error('not expected')),
    ...over,
  };
  return {
    listSurveys: vi.fn(base.listSurveys),
    getSurvey: vi.fn(base.getSurvey),
    createSurvey: vi.fn(base.createSurvey),
    updateSurvey: vi.fn(base.updateSurvey),
    publishSurvey: vi.fn(base.publishSurvey),
    assign: vi.fn(base.assign),
    listParticipants: vi.fn(base.listParticipants),
    listResponses: vi.fn(base.listResponses),
  };
}
