import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import { feedbackFiltersOf, feedbackQueryOf, type FeedbackApi, type FeedbackFilters, type FeedbackItem } from './api';
import { FeedbackPage } from './FeedbackPage';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function item(over: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id: 'f1',
    studyId: 's1',
    authorPanellistId: 'pan1',
    kind: 'bug',
    severity: 'major',
    area: 'app pairing',
    title: 'The kettle forgets my alarm',
    body: 'After a night unplugged, it no longer starts.',
    productId: null,
    status: 'new',
    duplicateOfId: null,
    meToo: 3,
    notes: [],
    createdAt: '2026-12-05T10:00:00.000Z',
    updatedAt: '2026-12-05T10:00:00.000Z',
    ...over,
  };
}

type Fake = FeedbackApi & { [K in keyof FeedbackApi]: ReturnType<typeof vi.fn> };

function fakeApi(items: FeedbackItem[]): Fake {
  return {
    list: vi.fn(async (_s: string, q: { kind?: string; status?: string; severity?: string }) => {
      await network();
      const rows = items.filter(
        (i) => (!q.kind || i.kind === q.kind) && (!q.status || i.status === q.status) && (!q.severity || i.severity === q.severity),
      );
      return { items: rows.map((i) => ({ ...i })), nextCursor: null };
    }),
    triage: vi.fn(async (id: string, body: { status: FeedbackItem['status']; duplicateOfId?: string; note?: string }) => {
      await network();
      const i = items.find((x) => x.id === id)!;
      i.status = body.status;
      i.duplicateOfId = body.duplicateOfId ?? null;
      if (body.note)
        i.notes = [
          ...(i.notes ?? []),
          { id: `n${Math.random()}`, authorUserId: 'u1', body: body.note, createdAt: '2026-12-06T10:00:00.000Z' },
        ];
      return { ...i };
    }),
  } as never;
}

function Harness({ api, initial, onChange }: { api: FeedbackApi; initial: FeedbackFilters; onChange?: (f: FeedbackFilters) => void }) {
  const [filters, setFilters] = useState(initial);
  return (
    <FeedbackPage
      studyId="s1"
      api={api}
      filters={filters}
      onFiltersChange={(f) => {
        onChange?.(f);
        setFilters(f);
      }}
    />
  );
}

function renderPage(api: FeedbackApi, lang: Language = 'en', initial: FeedbackFilters = {}, onChange?: (f: FeedbackFilters) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n(lang)}>
        <Harness api={api} initial={initial} onChange={onChange} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const rowOf = (title: string) => screen.getByRole('rowheader', { name: new RegExp(title) }).closest('tr')!;

describe('feedback filters', () => {
  it('builds the query from the filters set and reads them back from the URL', () => {
    expect(feedbackQueryOf({})).toEqual({ limit: 25 });
    expect(feedbackQueryOf({ kind: 'bug', status: 'new', severity: 'blocker' }, 'c2')).toEqual({
      limit: 25,
      kind: 'bug',
      status: 'new',
      severity: 'blocker',
      cursor: 'c2',
    });
    expect(feedbackFiltersOf({ kind: 'bug', status: 'nope', severity: 'minor', other: 'x' })).toEqual({
      kind: 'bug',
      status: undefined,
      severity: 'minor',
    });
  });

  it('asks the API with the chosen kind, and keeps it in the filters (the URL)', async () => {
    const api = fakeApi([item(), item({ id: 'f2', kind: 'praise', severity: null as never, title: 'Lovely sound' })]);
    const changes: FeedbackFilters[] = [];
    renderPage(api, 'en', {}, (f) => changes.push(f));
    await screen.findByText('Lovely sound');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'bug');
    await waitFor(() => expect(screen.queryByText('Lovely sound')).toBeNull());
    expect(api.list).toHaveBeenLastCalledWith('s1', { limit: 25, kind: 'bug' });
    expect(changes).toEqual([{ kind: 'bug' }]);
    const row = rowOf('The kettle forgets my alarm');
    expect(within(row).getByText('Major')).toBeTruthy();
    expect(within(row).getByText('app pairing')).toBeTruthy();
    expect(within(row).getByText('3')).toBeTruthy();
  });
});

describe('triage', () => {
  it('offers only the moves the API allows, then saves a new status with a note', async () => {
    const api = fakeApi([item()]);
    renderPage(api);
    await screen.findByText('The kettle forgets my alarm');
    await userEvent.click(screen.getByRole('button', { name: 'Triage “The kettle forgets my alarm”' }));
    const dialog = await screen.findByRole('dialog');
    const status = within(dialog).getByLabelText('Status') as HTMLSelectElement;
    expect([...status.options].map((o) => o.value)).toEqual(['new', 'triaged', 'wont_fix', 'duplicate']);
    // nothing changed, no note: nothing to send
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the triage' }));
    expect(await within(dialog).findByText('Choose a new status or write a note.')).toBeTruthy();
    expect(api.triage).not.toHaveBeenCalled();

    await userEvent.selectOptions(status, 'triaged');
    await userEvent.type(within(dialog).getByLabelText('Note for the team (optional)'), 'Reproduced on 1.2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the triage' }));
    await waitFor(() => expect(api.triage).toHaveBeenCalledWith('f1', { status: 'triaged', note: 'Reproduced on 1.2' }));
    expect(await screen.findByText('“The kettle forgets my alarm” is now “Triaged”.')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('The kettle forgets my alarm')).getByText('Triaged')).toBeTruthy());
  }, 15_000);

  it('marks a duplicate of an item picked from the study, and shows the link on both rows', async () => {
    const api = fakeApi([item(), item({ id: 'f2', title: 'Alarm schedule lost', meToo: 0 })]);
    renderPage(api);
    await screen.findByText('Alarm schedule lost');
    await userEvent.click(screen.getByRole('button', { name: 'Triage “Alarm schedule lost”' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText('Status'), 'duplicate');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the triage' }));
    expect(await within(dialog).findAllByText('Choose the original item')).toHaveLength(2); // the empty option and the error
    expect(api.triage).not.toHaveBeenCalled();
    const original = within(dialog).getByLabelText('Duplicate of') as HTMLSelectElement;
    expect([...original.options].map((o) => o.textContent)).toEqual(['Choose the original item', 'The kettle forgets my alarm']);
    await userEvent.selectOptions(original, 'f1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the triage' }));
    await waitFor(() => expect(api.triage).toHaveBeenCalledWith('f2', { status: 'duplicate', duplicateOfId: 'f1' }));
    expect(await screen.findByText('Duplicate of “The kettle forgets my alarm”')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('The kettle forgets my alarm')).getByText('1 duplicate')).toBeTruthy());
  }, 15_000);

  it('explains a 409 (the status moved meanwhile) in the dialog, in French', async () => {
    const api = fakeApi([item()]);
    api.triage.mockRejectedValue(
      new ApiError(409, {
        type: 'urn:leadpanel:problem:illegal-transition',
        title: 'Conflict',
        status: 409,
        detail: 'new → resolved',
        requestId: 'r',
      }),
    );
    renderPage(api, 'fr');
    await screen.findByText('The kettle forgets my alarm');
    await userEvent.click(screen.getByRole('button', { name: 'Trier « The kettle forgets my alarm »' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText('État'), 'wont_fix');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer le tri' }));
    expect(
      await within(dialog).findByText(
        'Ce changement n’est pas possible depuis l’état actuel du retour (quelqu’un vient peut-être de le modifier). Le tableau montre maintenant le retour tel qu’il est : choisissez à nouveau.',
      ),
    ).toBeTruthy();
    // the board asked again for the items as they are
    await waitFor(() => expect(api.list.mock.calls.length).toBeGreaterThan(2));
  }, 15_000);
});
