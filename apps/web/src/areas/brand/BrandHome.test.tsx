import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../api/generated';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { ok, renderPage } from '../me/testing';
import { BrandHome } from './BrandHome';

vi.mock('../../api/generated', () => ({ reportsControllerBrandReports: vi.fn(), studiesControllerGet: vi.fn() }));

const list = vi.mocked(sdk.reportsControllerBrandReports);
const study = vi.mocked(sdk.studiesControllerGet);

const item = (id: string, version: number, publishedAt: string, studyTitle = 'Kitchen robot K2') => ({
  id,
  studyId: 's-1',
  studyTitle,
  version,
  status: 'ready',
  createdAt: publishedAt,
  generatedAt: publishedAt,
  publishedAt,
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('brand home', () => {
  it('lists the published reports with the study title, version and date, a page at a time', async () => {
    list.mockImplementation(((opts: { query?: { cursor?: string } }) =>
      opts.query?.cursor === 'c2'
        ? ok({ items: [item('r-1', 1, '2026-01-10T09:00:00Z')], nextCursor: null })
        : ok({ items: [item('r-2', 2, '2026-03-15T09:00:00Z')], nextCursor: 'c2' })) as never);
    renderPage(BrandHome, 'en');
    const link = await screen.findByRole('link', { name: 'Kitchen robot K2 — version 2' });
    expect(link.getAttribute('href')).toBe('/brand/reports/r-2');
    expect(
      screen.getByText(`Published on ${new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date('2026-03-15T09:00:00Z'))}`),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: en.brand.showMore }));
    expect(await screen.findByRole('link', { name: 'Kitchen robot K2 — version 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.brand.showMore })).toBeNull();
    // the titles come with the list: no request per row
    expect(study).not.toHaveBeenCalled();
  });

  it('names a report whose study has no title, in French', async () => {
    list.mockImplementation(() => ok({ items: [item('r-3', 1, '2026-02-01T09:00:00Z', '')], nextCursor: null }) as never);
    renderPage(BrandHome, 'fr');
    expect(await screen.findByRole('link', { name: `${fr.brand.studyUntitled} — version 1` })).toBeTruthy();
  });

  it('says when nothing is published yet', async () => {
    list.mockImplementation(() => ok({ items: [], nextCursor: null }) as never);
    renderPage(BrandHome, 'en');
    expect(await screen.findByText(en.brand.empty)).toBeTruthy();
  });
});
