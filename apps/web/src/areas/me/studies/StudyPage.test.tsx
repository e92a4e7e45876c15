import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createTestI18n } from '../../../i18n/testing';
import en from '../../../i18n/en.json';
import type { DiscussionApi, Round } from '../rounds/api';
import type { MyStudy } from './api';
import { StudyPage } from './StudyPage';

function renderPage(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n('en')}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const study = (over: Partial<MyStudy> = {}): MyStudy => ({
  studyId: 's1',
  title: 'Cargo bikes in the city',
  theme: 'Mobility',
  studyStatus: 'in_field',
  participation: 'enrolled',
  joinedAt: '2030-01-01T00:00:00.000Z',
  ...over,
});

const round = (id: string, state: Round['state'], opensAt: string, closesAt: string, over: Partial<Round> = {}): Round => ({
  id,
  studyId: 's1',
  title: `Round ${id}`,
  prompt: '…',
  mode: 'open',
  opensAt,
  closesAt,
  state,
  hasPosted: false,
  createdAt: '2030-01-01T00:00:00.000Z',
  ...over,
});

function api(rounds: Round[]): DiscussionApi {
  return {
    rounds: vi.fn(() => Promise.resolve({ items: rounds, nextCursor: null })),
    round: vi.fn(),
    posts: vi.fn(),
    replies: vi.fn(),
    write: vi.fn(),
    like: vi.fn(),
  };
}

describe('StudyPage', () => {
  it('lists the rounds with their state and dates, each a link to the round', async () => {
    const rounds = [
      round('r1', 'closed', '2030-01-02T09:00:00.000Z', '2030-01-09T09:00:00.000Z'),
      round('r2', 'open', '2030-02-02T09:00:00.000Z', '2030-02-09T09:00:00.000Z', { mode: 'post_first' }),
      round('r3', 'scheduled', '2030-03-02T09:00:00.000Z', '2030-03-09T09:00:00.000Z'),
    ];
    renderPage(<StudyPage studyId="s1" api={api(rounds)} load={() => Promise.resolve({ items: [study()], nextCursor: null })} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cargo bikes in the city' })).toBeTruthy();
    const links = await screen.findAllByRole('link', { name: /^Round r/ });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/me/studies/s1/rounds/r1',
      '/me/studies/s1/rounds/r2',
      '/me/studies/s1/rounds/r3',
    ]);
    expect(within(links[0]).getByText(/^Closed on January 9, 2030/)).toBeTruthy();
    expect(within(links[1]).getByText(/^Open: closes on February 9, 2030/)).toBeTruthy();
    expect(within(links[1]).getByText(en.studies.yourTurn)).toBeTruthy();
    expect(within(links[2]).getByText(/^Opens on March 2, 2030/)).toBeTruthy();
  });

  it('explains the waiting list, and does not ask for the rounds', async () => {
    const a = api([]);
    renderPage(
      <StudyPage
        studyId="s1"
        api={a}
        load={() => Promise.resolve({ items: [study({ participation: 'waitlisted' })], nextCursor: null })}
      />,
    );
    expect(await screen.findByText(en.studies.waitlisted)).toBeTruthy();
    expect(a.rounds).not.toHaveBeenCalled();
  });
});
