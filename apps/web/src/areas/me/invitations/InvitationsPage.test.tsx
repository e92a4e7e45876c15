import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import { meKeys } from '../shared/api';
import type { InvitationsApi, MyInvitation } from './api';
import { InvitationsPage } from './InvitationsPage';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

function invitation(over: Partial<MyInvitation> = {}): MyInvitation {
  return {
    id: 'i1',
    studyId: 's1',
    studyTitle: 'Cargo bikes in the city',
    theme: 'Mobility',
    brief: 'Tell us how you carry things around town.',
    incentivePoints: 300,
    status: 'invited',
    expiresAt: '2030-05-20T10:00:00.000Z',
    createdAt: '2030-05-06T10:00:00.000Z',
    ...over,
  };
}

function fakeApi(items: MyInvitation[], outcome: 'accepted' | 'waitlisted' = 'accepted') {
  return {
    list: vi.fn(() => Promise.resolve({ items: items.map((i) => ({ ...i })), nextCursor: null })),
    accept: vi.fn(async (id: string) => {
      await network();
      const i = items.find((x) => x.id === id)!;
      i.status = outcome;
      return { status: outcome };
    }),
    decline: vi.fn(async (id: string) => {
      await network();
      items.find((x) => x.id === id)!.status = 'declined';
      return { status: 'declined' as const };
    }),
  } satisfies InvitationsApi;
}

function renderPage(
  ui: ReactNode,
  lang: Language = 'en',
  client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n(lang)}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

/** the fake answers asynchronously, like the network */
const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('InvitationsPage', () => {
  it('shows an open invitation (title, theme, brief, points, expiry) and the past ones below', async () => {
    const api = fakeApi([
      invitation({ incentivePoints: 1500 }),
      invitation({ id: 'i2', studyId: 's2', studyTitle: 'Kitchen scales', status: 'expired' }),
    ]);
    renderPage(<InvitationsPage api={api} />);
    const card = (await screen.findByRole('heading', { level: 3, name: 'Cargo bikes in the city' })).closest('article')!;
    expect(within(card).getByText('Mobility')).toBeTruthy();
    expect(within(card).getByText('Tell us how you carry things around town.')).toBeTruthy();
    expect(within(card).getByText('1,500 points for taking part')).toBeTruthy();
    expect(within(card).getByText(/^May 20, 2030/)).toBeTruthy();
    const past = screen.getByRole('region', { name: en.invitations.past });
    expect(within(past).getByText('Kitchen scales')).toBeTruthy();
    expect(within(past).getByText(/^Expired · invited on May 6, 2030$/)).toBeTruthy();
  });

  it('accepts, and explains kindly a waitlisted answer (the group like you is full)', async () => {
    const api = fakeApi([invitation()], 'waitlisted');
    renderPage(<InvitationsPage api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: en.invitations.accept }));
    expect(await screen.findByText(en.invitations.waitlisted.why)).toBeTruthy();
    expect(screen.getByText('Thank you! You are on the waiting list for “Cargo bikes in the city”.')).toBeTruthy();
    expect(screen.getByText(en.invitations.waitlisted.next)).toBeTruthy();
    expect(api.accept).toHaveBeenCalledWith('i1');
    // the list is reloaded: the invitation is now among the past ones
    const past = await screen.findByRole('region', { name: en.invitations.past });
    expect(within(past).getByText(/^On the waiting list/)).toBeTruthy();
  });

  it('accepts: you are in, with a link to the study (in French)', async () => {
    const api = fakeApi([invitation()], 'accepted');
    renderPage(<InvitationsPage api={api} />, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: fr.invitations.accept }));
    expect(
      await screen.findByText(fr.invitations.accepted.title.replace('{{title}}', 'Cargo bikes in the city').replace(/\s+/g, ' ')),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: fr.invitations.accepted.link }).getAttribute('href')).toBe('/me/studies/s1');
  });

  it('asks for confirmation before declining, and does nothing when kept', async () => {
    const api = fakeApi([invitation()]);
    renderPage(<InvitationsPage api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: en.invitations.decline }));
    let dialog = await screen.findByRole('alertdialog', { name: en.invitations.confirm.title });
    await userEvent.click(within(dialog).getByRole('button', { name: en.invitations.confirm.no }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.decline).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: en.invitations.decline }));
    dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: en.invitations.confirm.yes }));
    await waitFor(() => expect(api.decline).toHaveBeenCalledWith('i1'));
    expect(await screen.findByText('You declined “Cargo bikes in the city”. Thank you for letting us know.')).toBeTruthy();
  });

  it('shares its cache entry with the home page (an array of my invitations)', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    client.setQueryData(meKeys.invitations, [invitation({ studyTitle: 'Loaded by the home page' })]);
    const api = fakeApi([]);
    renderPage(<InvitationsPage api={api} />, 'en', client);
    expect(await screen.findByRole('heading', { level: 3, name: 'Loaded by the home page' })).toBeTruthy();
    expect(api.list).not.toHaveBeenCalled();
  });

  it('says so when there is nothing to answer', async () => {
    renderPage(<InvitationsPage api={fakeApi([])} />);
    expect(await screen.findByText(en.invitations.none)).toBeTruthy();
  });

  it('shows why an answer was refused', async () => {
    const api = fakeApi([invitation()]);
    api.accept.mockRejectedValueOnce({
      type: 'urn:leadpanel:problem:invitation-closed',
      title: 'Conflict',
      status: 409,
      detail: 'expired',
    });
    renderPage(<InvitationsPage api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: en.invitations.accept }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.invitations.errors.closed);
  });
});
