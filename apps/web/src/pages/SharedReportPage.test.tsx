import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../api/generated';
import { ok, problem, renderPage } from '../areas/me/testing';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { reportContentFixture } from '../reports/fixture';
import { SharedReportPage } from './SharedReportPage';

vi.mock('../api/generated', () => ({ shareLinksControllerSharedJson: vi.fn() }));

const shared = vi.mocked(sdk.shareLinksControllerSharedJson);
const TOKEN = 'eyJsIjoiYSJ9.c2lnbmF0dXJl';
const Page = () => <SharedReportPage token={TOKEN} />;

beforeEach(() => vi.clearAllMocks());

describe('shared report page (/r/:token)', () => {
  it('shows the shared report natively, key figures first, with the printable HTML a link away', async () => {
    shared.mockImplementation(() => ok(reportContentFixture()) as never);
    renderPage(Page, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kitchen robot K2 — report, version 3' })).toBeTruthy();
    expect(shared).toHaveBeenCalledWith(expect.objectContaining({ path: { token: TOKEN }, throwOnError: true }));
    const key = screen.getByRole('region', { name: en.brand.report.keyFigures });
    expect(
      within(key)
        .getAllByRole('listitem')
        .find((c) => c.textContent?.startsWith(en.brand.report.nps))?.textContent,
    ).toContain('45.8');
    expect(screen.getByRole('link', { name: en.shared.openHtml }).getAttribute('href')).toBe(`/api/v1/shared/reports/${TOKEN}`);
  });

  it('says plainly that an expired or revoked link (404) leads nowhere, in French', async () => {
    shared.mockImplementation(() => problem(404) as never);
    renderPage(Page, 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: fr.shared.goneTitle })).toBeTruthy();
    expect(screen.getByText(fr.shared.gone)).toBeTruthy();
    expect(screen.queryByRole('region', { name: fr.brand.report.keyFigures })).toBeNull();
  });

  it('explains another failure without pretending the link is gone', async () => {
    shared.mockImplementation(() => problem(500) as never);
    renderPage(Page, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en.shared.errorTitle })).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
