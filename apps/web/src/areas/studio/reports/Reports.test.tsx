import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportContentFixture } from '../../../reports/fixture';
import { problem, renderStudioPage, STUDY } from '../home-testing/testing';
import { POLL_MS, type Report, type ReportsApi, type ShareLink } from './api';
import { ReportPage } from './ReportPage';
import { ReportsPage } from './ReportsPage';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const report = (over: Partial<Report> = {}): Report => ({
  id: 'r1',
  studyId: STUDY.id,
  version: 1,
  status: 'queued',
  createdAt: '2026-12-07T10:00:00.000Z',
  generatedAt: null,
  publishedAt: null,
  ...over,
});

function fakeApi(overrides: Partial<ReportsApi> = {}) {
  return {
    list: vi.fn(async () => {
      await network();
      return { items: [], nextCursor: null };
    }),
    generate: vi.fn(async () => {
      await network();
      return report();
    }),
    get: vi.fn(async () => {
      await network();
      return report();
    }),
    content: vi.fn(async () => {
      await network();
      return reportContentFixture();
    }),
    publish: vi.fn(async () => {
      await network();
      return report({ status: 'ready', publishedAt: '2026-12-07T11:00:00.000Z' });
    }),
    shareLinks: vi.fn(async () => {
      await network();
      return { items: [], nextCursor: null };
    }),
    createShareLink: vi.fn(async () => {
      await network();
      throw problem(409);
    }),
    revokeShareLink: vi.fn(async () => {
      await network();
      return undefined;
    }),
    ...overrides,
  } satisfies ReportsApi;
}

afterEach(() => {
  vi.useRealTimers();
});

// whole pages with dialogs: slower than the default 5 s when the machine is busy
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5000 });

describe('ReportsPage', () => {
  it('generates a version and follows it every second until it is ready, then stops asking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const states: Report['status'][] = ['queued', 'generating', 'ready'];
    let calls = 0;
    const get = vi.fn(async () => {
      await network();
      const status = states[Math.min(calls++, states.length - 1)];
      return report({ status, generatedAt: status === 'ready' ? '2026-12-07T10:00:03.000Z' : null });
    });
    const api = fakeApi({ get });
    renderStudioPage(() => <ReportsPage studyId={STUDY.id} api={api} />, 'en');
    expect(await screen.findByText('No report yet: generate the first version.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Generate a new version' }));
    expect(api.generate).toHaveBeenCalledWith(STUDY.id);
    expect(await screen.findByText('Version 1 is queued: generation starts in a moment…')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Generation in progress' })).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(await screen.findByText('Version 1 is being generated…')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(await screen.findByText('Version 1 is ready.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open version 1' }).getAttribute('href')).toBe(`/studio/studies/${STUDY.id}/reports/r1`);
    expect(screen.queryByRole('progressbar')).toBeNull();

    const asked = get.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(5 * POLL_MS));
    expect(get.mock.calls.length).toBe(asked);
  });

  it('explains a failed generation, in French', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeApi({
      generate: vi.fn(async () => {
        await network();
        return report({ version: 2 });
      }),
      get: vi.fn(async () => {
        await network();
        return report({ version: 2, status: 'failed', error: 'aucune réponse à analyser' });
      }),
    });
    renderStudioPage(() => <ReportsPage studyId={STUDY.id} api={api} />, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: 'Générer une nouvelle version' }));
    expect(await screen.findByText('La version 2 n’a pas pu être générée : aucune réponse à analyser')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ouvrir la version 2' })).toBeNull();
  });
});

describe('ReportPage', () => {
  it('publishes a ready version to the brand after saying what it does', async () => {
    const api = fakeApi({
      get: vi.fn(async () => {
        await network();
        return report({ status: 'ready', generatedAt: '2026-12-07T10:00:03.000Z' });
      }),
    });
    renderStudioPage(() => <ReportPage studyId={STUDY.id} reportId="r1" api={api} />, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Report, version 1' })).toBeTruthy();
    expect(screen.getByText('Not published: the brand does not see it yet.')).toBeTruthy();
    // the report itself, natively (ReportView)
    expect(await screen.findByRole('heading', { name: 'Key figures' })).toBeTruthy();
    // no share link before publishing (the API refuses them)
    expect(screen.queryByRole('heading', { name: 'Share links' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Publish to the brand' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Publish version 1 to the brand?' });
    expect(within(dialog).getByText(/receive an e-mail saying the report is ready/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(api.publish).toHaveBeenCalledWith('r1');
    expect(await screen.findByText(/^Published to the brand on/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish to the brand' })).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Share links' })).toBeTruthy();
  });

  it('creates a share link, shows its address once, then revokes it, in French', async () => {
    const links: ShareLink[] = [];
    const api = fakeApi({
      get: vi.fn(async () => {
        await network();
        return report({ status: 'ready', generatedAt: '2026-12-07T10:00:03.000Z', publishedAt: '2026-12-07T11:00:00.000Z' });
      }),
      shareLinks: vi.fn(async () => {
        await network();
        return { items: links.map((l) => ({ ...l })), nextCursor: null };
      }),
      createShareLink: vi.fn(async (_id: string, hours: number) => {
        await network();
        const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
        links.unshift({ id: 'l1', createdAt: new Date().toISOString(), expiresAt, revokedAt: null });
        return { id: 'l1', url: 'https://leadpanel.test/api/v1/shared/reports/tok123', expiresAt };
      }),
      revokeShareLink: vi.fn(async (id: string) => {
        await network();
        const link = links.find((l) => l.id === id);
        if (link) link.revokedAt = new Date().toISOString();
      }),
    });
    renderStudioPage(() => <ReportPage studyId={STUDY.id} reportId="r1" api={api} />, 'fr');
    expect(await screen.findByText('Aucun lien de partage pour l’instant.')).toBeTruthy();

    const hours = screen.getByLabelText('Valable pendant (heures, 720 au plus)');
    await userEvent.clear(hours);
    await userEvent.type(hours, '800');
    await userEvent.click(screen.getByRole('button', { name: 'Créer un lien de partage' }));
    expect(await screen.findByText('Un nombre entier d’heures, de 1 à 720.')).toBeTruthy();
    expect(api.createShareLink).not.toHaveBeenCalled();

    await userEvent.clear(hours);
    await userEvent.type(hours, '48');
    await userEvent.click(screen.getByRole('button', { name: 'Créer un lien de partage' }));
    expect(await screen.findByText('https://leadpanel.test/api/v1/shared/reports/tok123')).toBeTruthy();
    expect(api.createShareLink).toHaveBeenCalledWith('r1', 48);
    expect(screen.getByText(/Copiez-le maintenant : il ne sera plus affiché\./)).toBeTruthy();
    const row = (await screen.findByText('Actif')).closest('tr') as HTMLElement;

    await userEvent.click(within(row).getByRole('button', { name: /^Révoquer le lien créé le/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Révoquer ce lien de partage ?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Révoquer le lien' }));
    expect(api.revokeShareLink).toHaveBeenCalledWith('l1');
    expect(await screen.findByText('Le lien a été révoqué : il n’ouvre plus le rapport.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Révoqué')).toBeTruthy());
    expect(screen.queryByText('https://leadpanel.test/api/v1/shared/reports/tok123')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Révoquer le lien créé le/ })).toBeNull();
  });
});
