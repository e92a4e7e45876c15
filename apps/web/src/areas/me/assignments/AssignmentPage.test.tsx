import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import { renderIn } from '../../../surveys/test-utils';
import type { Language } from '../../../i18n';

const api = vi.hoisted(() => ({
  assignmentsControllerMine: vi.fn(),
  assignmentsControllerOne: vi.fn(),
  assignmentsControllerSave: vi.fn(),
  assignmentsControllerSubmit: vi.fn(),
  myInvitationsControllerStudies: vi.fn(),
}));
vi.mock('../../../api/generated', () => api);

const { AssignmentPage } = await import('./AssignmentPage');
const { AssignmentsList } = await import('./AssignmentsList');

const base = {
  id: 'a1',
  surveyId: 's1',
  studyId: 'st1',
  title: 'Evening light',
  kind: 'general',
  dueAt: '2026-12-20T18:00:00.000Z',
  status: 'assigned',
  submittedAt: null,
  pointsCredited: null,
};
const detail = {
  ...base,
  survey: {
    id: 's1',
    title: 'Evening light',
    kind: 'general',
    questions: [
      { id: 'q1', type: 'rating', prompt: 'Rate the lamp', required: true },
      { id: 'q2', type: 'text', prompt: 'Anything else?' },
    ],
  },
  answers: { q1: 8 },
};

/** The page inside a tiny router (its links need one), with a fresh query cache. */
function renderPage(ui: () => React.ReactElement, lang: Language = 'en') {
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => root, path: '/', component: ui });
  const list = createRoute({ getParentRoute: () => root, path: '/me/assignments', component: () => null });
  const one = createRoute({ getParentRoute: () => root, path: '/me/assignments/$assignmentId', component: () => null });
  const router = createRouter({ routeTree: root.addChildren([page, list, one]), history: createMemoryHistory({ initialEntries: ['/'] }) });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    lang,
    <QueryClientProvider client={qc}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  sessionStorage.clear();
});

describe('AssignmentPage', () => {
  it('resumes from the saved answers, saves through PUT and submits with an Idempotency-Key', async () => {
    api.assignmentsControllerOne.mockResolvedValue({ data: detail });
    api.assignmentsControllerSave.mockResolvedValue({ data: { ...detail, answers: { q1: 8, q2: 'ok' } } });
    api.assignmentsControllerSubmit.mockResolvedValue({ data: { status: 'submitted', pointsCredited: 20 } });
    renderPage(() => <AssignmentPage assignmentId="a1" />);
    // q1 was answered on another device: the player opens on q2
    expect(await screen.findByRole('textbox', { name: /Anything else\?/ })).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: /Anything else\?/ }), 'ok');
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.toReview }));
    expect(api.assignmentsControllerSave).toHaveBeenCalledWith(
      expect.objectContaining({ path: { id: 'a1' }, body: { answers: { q2: 'ok' } } }),
    );
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.submit }));
    expect(await screen.findByText('+20 points')).toBeTruthy();
    const call = api.assignmentsControllerSubmit.mock.calls[0][0];
    expect(call.path).toEqual({ id: 'a1' });
    expect(call.body).toEqual({ answers: { q1: 8, q2: 'ok' } });
    expect(call.headers['Idempotency-Key']).toMatch(/\S{16,}/);
  });

  it('explains a survey that is not there (404), in French', async () => {
    api.assignmentsControllerOne.mockRejectedValue({ type: 'about:blank', title: 'Not Found', status: 404 });
    renderPage(() => <AssignmentPage assignmentId="nope" />, 'fr');
    expect(await screen.findByText(fr.survey.assignments.notFound)).toBeTruthy();
    expect(screen.getByRole('link', { name: fr.survey.assignments.back })).toBeTruthy();
  });

  it('says a submitted survey is done, with its points', async () => {
    api.assignmentsControllerOne.mockResolvedValue({ data: { ...detail, status: 'submitted', pointsCredited: 40 } });
    renderPage(() => <AssignmentPage assignmentId="a1" />);
    expect(await screen.findByText(en.survey.assignments.submitted)).toBeTruthy();
    expect(screen.getByText('40 points earned')).toBeTruthy();
  });
});

describe('AssignmentsList', () => {
  it('lists what to answer first with its due date in the user’s language, and the points of sent ones', async () => {
    api.assignmentsControllerMine.mockResolvedValue({
      data: {
        items: [
          { ...base, id: 'a0', title: 'Old one', status: 'submitted', submittedAt: '2026-12-01T10:00:00.000Z', pointsCredited: 40 },
          base,
        ],
        nextCursor: null,
      },
    });
    api.myInvitationsControllerStudies.mockResolvedValue({
      data: { items: [{ studyId: 'st1', title: 'Halo at home' }], nextCursor: null },
    });
    renderPage(() => <AssignmentsList />, 'fr');
    const start = await screen.findByRole('link', { name: 'Commencer le questionnaire Evening light' });
    expect(start.getAttribute('href')).toBe('/me/assignments/a1');
    expect(screen.getByText('À remplir avant le 20 décembre 2026')).toBeTruthy();
    expect(screen.getByText('40 points gagnés')).toBeTruthy();
    expect((await screen.findAllByText('Halo at home')).length).toBe(2);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Evening light', 'Old one']);
  });

  it('has an empty state', async () => {
    api.assignmentsControllerMine.mockResolvedValue({ data: { items: [], nextCursor: null } });
    api.myInvitationsControllerStudies.mockResolvedValue({ data: { items: [], nextCursor: null } });
    renderPage(() => <AssignmentsList />);
    expect(await screen.findByText(en.survey.assignments.empty)).toBeTruthy();
  });
});
