import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Language } from '../../../i18n';
import { SessionProvider } from '../../../session/session';
import { renderPage } from '../../me/testing';
import type { PanelApi, PanellistDetail, PanellistStatus } from './api';
import { PanellistPage } from './PanellistPage';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function detail(over: Partial<PanellistDetail> = {}): PanellistDetail {
  return {
    id: 'p1',
    email: 'walt@example.test',
    status: 'waitlisted',
    displayName: 'Walt Wait',
    country: 'DE',
    locale: 'en',
    birthYear: 1990,
    gender: 'male',
    interests: ['coffee'],
    attributes: { owns_printer: true },
    score: { overall: 16.7, tier: 'mainstream', dimensions: { ahead_of_trend: 16.7 } },
    address: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    campaignId: 'c1',
    confirmedAt: '2026-11-01T09:05:00.000Z',
    lastActiveAt: '2026-11-01T09:05:00.000Z',
    scoreBreakdown: { overall: 16.7, tier: 'mainstream', dimensions: { ahead_of_trend: 16.7, expected_benefit: 16.7 } },
    referralChain: {
      referredBy: { panellistId: 'p0', displayName: 'Rita Referrer', referralId: 'r0' },
      referrals: [],
    },
    participation: { pointsBalance: 0, referralsMade: 0, referralsJoined: 0 },
    statusHistory: [
      { from: null as never, to: 'pending_confirmation', reason: 'applied', actorUserId: 'p1', at: '2026-11-01T09:00:00.000Z' },
      { from: 'pending_confirmation', to: 'waitlisted', reason: 'e-mail confirmed', actorUserId: 'p1', at: '2026-11-01T09:05:00.000Z' },
    ],
    screener: {
      surveyId: 's1',
      title: 'Lead-user screener',
      answeredAt: '2026-11-01T09:00:00.000Z',
      answers: [
        {
          questionId: 'trend1',
          prompt: 'I usually try new products before others do',
          type: 'likert',
          dimension: 'ahead_of_trend',
          reverse: false,
          scale: 7,
          answer: 2,
          labels: [],
        },
        {
          questionId: 'trend2',
          prompt: 'I wait until a product is well established',
          type: 'likert',
          dimension: 'ahead_of_trend',
          reverse: true,
          scale: 7,
          answer: 6,
          labels: [],
        },
        {
          questionId: 'benefit',
          prompt: 'A better solution would help me a lot',
          type: 'likert',
          dimension: 'expected_benefit',
          reverse: false,
          scale: 7,
          answer: 2,
          labels: [],
        },
        {
          questionId: 'usage',
          prompt: 'How often do you cook?',
          type: 'single_choice',
          dimension: null as never,
          reverse: false,
          scale: null,
          answer: 'weekly',
          labels: ['Every week'],
        },
      ],
    },
    ...over,
  };
}

function fakeApi(start: PanellistDetail) {
  let current = start;
  return {
    list: vi.fn(),
    attributes: vi.fn(),
    detail: vi.fn(async () => {
      await network();
      return current;
    }),
    changeStatus: vi.fn(async (_id: string, status: PanellistStatus, reason: string) => {
      await network();
      current = {
        ...current,
        status,
        statusHistory: [
          ...current.statusHistory,
          { from: current.status, to: status, reason, actorUserId: 'me', at: '2026-12-07T10:00:00.000Z' },
        ],
      };
      return current;
    }),
  } satisfies Record<keyof PanelApi, unknown>;
}

const show = (api: ReturnType<typeof fakeApi>, lang: Language) =>
  renderPage(
    () => (
      <SessionProvider initial={{ status: 'signed-in', user: { id: 'me', email: 'rita@studio.test', role: 'researcher' } }}>
        <PanellistPage panellistId="p1" api={api as unknown as PanelApi} />
      </SessionProvider>
    ),
    lang,
  );

describe('panellist page', () => {
  it('shows the score by dimension with the screener answers behind each, and the other answers', async () => {
    show(fakeApi(detail()), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: /Walt Wait/ })).toBeTruthy();
    const trend = screen.getByRole('table', { name: 'Screener answers behind Ahead of the trend' });
    expect(within(trend).getByRole('rowheader', { name: /I usually try new products/ })).toBeTruthy();
    expect(within(trend).getByText('2 on 7')).toBeTruthy();
    expect(within(trend).getByText('(reverse-scored)')).toBeTruthy();
    const benefit = screen.getByRole('table', { name: 'Screener answers behind Expected benefit' });
    expect(within(benefit).queryByText(/I usually try/)).toBeNull();
    const others = screen.getByRole('table', { name: 'Other screener answers' });
    expect(within(others).getByText('Every week')).toBeTruthy();
    expect(screen.getByText('Overall score: 16.7 / 100')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rita Referrer' }).getAttribute('href')).toBe('/studio/panel/p0');
  });

  it('approves a waitlisted member with a reason, and the history shows it', async () => {
    const api = fakeApi(detail());
    show(api, 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/leave the waitlist/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.changeStatus).toHaveBeenCalledWith('p1', 'active', 'Approved from the waitlist'));
    expect(await screen.findByText('Walt Wait is now an active member.')).toBeTruthy();
    const history = screen.getByRole('table', { name: 'Status changes, oldest first' });
    expect(within(history).getByRole('cell', { name: 'Approved from the waitlist' })).toBeTruthy();
    // an active member can be paused or blocked, no longer approved
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Block' })).toBeTruthy();
  });

  it('blocks only with a reason, saying what blocking does (in French)', async () => {
    const api = fakeApi(detail({ status: 'active' }));
    show(api, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: 'Bloquer' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/déconnecté partout immédiatement/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bloquer et déconnecter' }));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Motif (conservé dans l’historique)').getAttribute('aria-invalid')).toBe('true');
    expect(api.changeStatus).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText('Motif (conservé dans l’historique)'), 'Faux comptes');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bloquer et déconnecter' }));
    await waitFor(() => expect(api.changeStatus).toHaveBeenCalledWith('p1', 'blocked', 'Faux comptes'));
    expect(await screen.findByText('Walt Wait est bloqué et déconnecté partout.')).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Changements de statut, les plus anciens d’abord' })).getByText('Faux comptes'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Débloquer' })).toBeTruthy();
  });

  it('explains the API’s 409 in the dialog and keeps it open', async () => {
    const api = fakeApi(detail());
    api.changeStatus.mockRejectedValueOnce(
      new ApiError(409, {
        type: 'urn:leadpanel:problem:illegal-status-change',
        title: 'Conflict',
        status: 409,
        detail: 'A panellist cannot go from blocked to active',
        requestId: 'r1',
      }),
    );
    show(api, 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await within(dialog).findByText(/This change is no longer possible/)).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('says so when the panellist does not exist', async () => {
    const api = fakeApi(detail());
    api.detail.mockRejectedValue(
      new ApiError(404, {
        type: 'urn:leadpanel:problem:panellist-not-found',
        title: 'Not Found',
        status: 404,
        detail: 'x',
        requestId: 'r',
      }),
    );
    show(api, 'en');
    expect(await screen.findByText('This panellist does not exist or has been erased.')).toBeTruthy();
  });
});
