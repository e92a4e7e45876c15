import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as sdk from '../../../api/generated';
import fr from '../../../i18n/fr.json';
import { ok, renderPage } from '../testing';
import { PointsPage } from './PointsPage';

vi.mock('../../../api/generated', () => ({ meControllerMyPoints: vi.fn() }));

describe('points', () => {
  it('shows the balance and the ledger, newest first, with reasons in words and Intl numbers and dates', async () => {
    vi.mocked(sdk.meControllerMyPoints).mockImplementation(
      () =>
        ok({
          balance: 1250,
          entries: [
            { id: 'a', delta: 40, reason: 'survey_submitted', note: 'Halo at home', createdAt: '2026-11-02T10:00:00.000Z' },
            { id: 'b', delta: 1210, reason: 'discussion_post', note: null, createdAt: '2026-12-05T10:00:00.000Z' },
            { id: 'c', delta: 5, reason: 'manual_fix', note: null, createdAt: '2026-10-01T10:00:00.000Z' },
          ],
        }) as never,
    );
    renderPage(PointsPage, 'fr');
    // Intl's French groups digits with a narrow no-break space
    const n = (v: number) => new Intl.NumberFormat('fr').format(v);
    const exactly = (text: string) => (_: string, el: Element | null) => el?.children.length === 0 && el.textContent === text;
    expect(n(1250)).toBe('1\u202f250');
    expect(await screen.findByText(exactly(`${n(1250)} points`))).toBeTruthy();
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => within(r).getAllByText(/./)[0].textContent)).toEqual([
      fr.points.reason.discussion_post,
      fr.points.reason.survey_submitted,
      fr.points.reason.other,
    ]);
    expect(within(rows[0]).getByText(exactly(`+${n(1210)} points`))).toBeTruthy();
    expect(within(rows[1]).getByText('+40 points')).toBeTruthy();
    expect(within(rows[1]).getByText('2 nov. 2026')).toBeTruthy();
  });
});
