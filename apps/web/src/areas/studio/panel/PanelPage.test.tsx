import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PanellistPageDto } from '../../../api/generated';
import type { Language } from '../../../i18n';
import { renderPage } from '../../me/testing';
import { panelFiltersOf, panellistsQueryOf, type PanelApi, type PanelFilters, type PanellistSummary } from './api';
import { PanelPage } from './PanelPage';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function summary(over: Partial<PanellistSummary> = {}): PanellistSummary {
  return {
    id: 'p1',
    email: 'lea@example.test',
    displayName: 'Léa Martin',
    status: 'active',
    country: 'FR',
    score: 83.3,
    tier: 'lead_user',
    createdAt: '2026-11-01T09:00:00.000Z',
    lastActiveAt: '2026-12-01T09:00:00.000Z',
    ...over,
  };
}

function fakeApi(items: PanellistSummary[]) {
  return {
    list: vi.fn(async (): Promise<PanellistPageDto> => {
      await network();
      return { items, nextCursor: null };
    }),
    detail: vi.fn(),
    changeStatus: vi.fn(),
    attributes: vi.fn(() =>
      Promise.resolve([
        { id: 'a1', key: 'owns_printer', label: 'Owns a 3D printer', type: 'boolean', options: null, createdAt: '2026-01-01T00:00:00Z' },
        { id: 'a2', key: 'diet', label: 'Diet', type: 'enum', options: ['vegan', 'omnivore'], createdAt: '2026-01-01T00:00:00Z' },
      ]),
    ),
  } satisfies Record<keyof PanelApi, unknown>;
}

function show(api: ReturnType<typeof fakeApi>, lang: Language, initial: PanelFilters = {}, changes: PanelFilters[] = []) {
  function Harness() {
    const [filters, setFilters] = useState(initial);
    return (
      <PanelPage
        api={api as unknown as PanelApi}
        filters={filters}
        onFiltersChange={(f) => {
          changes.push(f);
          setFilters(f);
        }}
      />
    );
  }
  return renderPage(Harness, lang);
}

describe('panel filters in the URL', () => {
  it('reads the filters back from the URL, dropping what is not a filter or out of bounds', () => {
    expect(
      panelFiltersOf({ status: 'waitlisted', country: 'de', tier: 'nope', minScore: '42.5', q: '  lea ', attribute: 'diet:vegan' }),
    ).toEqual({ status: 'waitlisted', country: 'DE', tier: undefined, minScore: 42.5, q: 'lea', attribute: 'diet:vegan' });
    expect(panelFiltersOf({ status: 'erased', country: 'FRA', minScore: '101', attribute: 'no value', q: '' })).toEqual({
      status: undefined,
      country: undefined,
      tier: undefined,
      minScore: undefined,
      q: undefined,
      attribute: undefined,
    });
  });

  it('asks GET /panellists with only the filters set, and the cursor of the next page', () => {
    expect(panellistsQueryOf({})).toEqual({ limit: 50 });
    expect(
      panellistsQueryOf({ status: 'active', country: 'FR', tier: 'emerging', minScore: 0, q: 'lea', attribute: 'diet:vegan' }, 'c2'),
    ).toEqual({
      limit: 50,
      status: 'active',
      country: 'FR',
      tier: 'emerging',
      minScore: 0,
      q: 'lea',
      attribute: 'diet:vegan',
      cursor: 'c2',
    });
  });
});

describe('panel list', () => {
  it('shows the panellists with a link to each, and filters by status and by country once its two letters are typed', async () => {
    const api = fakeApi([summary()]);
    const changes: PanelFilters[] = [];
    show(api, 'en', {}, changes);
    const link = await screen.findByRole('link', { name: 'Léa Martin' });
    expect(link.getAttribute('href')).toBe('/studio/panel/p1');
    expect(screen.getByText('lea@example.test')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Lead user' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '83.3' })).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'waitlisted');
    await waitFor(() => expect(api.list).toHaveBeenLastCalledWith({ limit: 50, status: 'waitlisted' }));
    await userEvent.type(screen.getByLabelText('Country'), 'de');
    await waitFor(() => expect(api.list).toHaveBeenLastCalledWith({ limit: 50, status: 'waitlisted', country: 'DE' }));
    // debounced, and never with one letter
    expect(changes.map((c) => c.country)).toEqual([undefined, 'DE']);
  });

  it('filters by a profile attribute, in French', async () => {
    const api = fakeApi([summary()]);
    const changes: PanelFilters[] = [];
    show(api, 'fr', {}, changes);
    await screen.findByRole('link', { name: 'Léa Martin' });
    await userEvent.selectOptions(await screen.findByLabelText('Attribut'), 'owns_printer');
    await userEvent.selectOptions(screen.getByLabelText('Valeur de Owns a 3D printer'), 'true');
    await waitFor(() => expect(api.list).toHaveBeenLastCalledWith({ limit: 50, attribute: 'owns_printer:true' }));
    expect(changes.at(-1)).toEqual({ attribute: 'owns_printer:true' });
    expect(screen.getByRole('columnheader', { name: 'Dernière activité' })).toBeTruthy();
  });

  it('says when nothing matches', async () => {
    const api = fakeApi([]);
    show(api, 'en', { status: 'blocked' });
    expect(await screen.findByText('No panellist matches these filters.')).toBeTruthy();
    expect(api.list).toHaveBeenCalledWith({ limit: 50, status: 'blocked' });
  });

  it('loads the next page with the cursor on "Show more"', async () => {
    const api = fakeApi([]);
    api.list
      .mockResolvedValueOnce({ items: [summary()], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [summary({ id: 'p2', displayName: 'Hugo Petit' })], nextCursor: null });
    show(api, 'en');
    await screen.findByRole('link', { name: 'Léa Martin' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Hugo Petit' })).toBeTruthy();
    expect(api.list).toHaveBeenLastCalledWith({ limit: 50, cursor: 'c2' });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});
