import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../api/generated';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { reportContentFixture } from '../../reports/fixture';
import { ok, problem, renderPage } from '../me/testing';
import { BrandReportPage } from './BrandReportPage';

vi.mock('../../api/generated', () => ({
  reportsControllerGet: vi.fn(),
  reportsControllerJson: vi.fn(),
  reportsControllerCsv: vi.fn(),
  reportsControllerHtml: vi.fn(),
  shareLinksControllerList: vi.fn(),
  shareLinksControllerRevoke: vi.fn(),
  studiesControllerGet: vi.fn(),
}));

const get = vi.mocked(sdk.reportsControllerGet);
const json = vi.mocked(sdk.reportsControllerJson);
const csv = vi.mocked(sdk.reportsControllerCsv);
const links = vi.mocked(sdk.shareLinksControllerList);
const revoke = vi.mocked(sdk.shareLinksControllerRevoke);

const REPORT_ID = '5b1e0000-0000-4000-8000-000000000001';
const status = (s: string) => ({
  id: REPORT_ID,
  studyId: reportContentFixture().studyId,
  version: 3,
  status: s,
  createdAt: '2026-03-14T10:00:00Z',
  generatedAt: '2026-03-14T10:22:05Z',
  publishedAt: '2026-03-15T08:00:00Z',
});
const future = new Date(Date.now() + 48 * 3600_000).toISOString();

const Page = () => <BrandReportPage reportId={REPORT_ID} />;

beforeEach(() => {
  vi.clearAllMocks();
  get.mockImplementation(() => ok(status('ready')) as never);
  json.mockImplementation(() => ok(reportContentFixture()) as never);
  links.mockImplementation(
    () => ok({ items: [{ id: 'l-1', createdAt: '2026-03-15T09:00:00Z', expiresAt: future, revokedAt: null }], nextCursor: null }) as never,
  );
});

afterEach(() => vi.restoreAllMocks());

describe('brand report page', () => {
  it('shows the key figures first, rounded for display: NPS with its interval, SUS with its grade, top-2-box with its interval, respondents', async () => {
    renderPage(Page, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kitchen robot K2 — report, version 3' }, { timeout: 5000 })).toBeTruthy();
    const key = screen.getByRole('region', { name: en.brand.report.keyFigures });
    const cards = within(key).getAllByRole('listitem');
    const card = (label: string) => cards.find((c) => c.textContent?.startsWith(label))!;
    expect(card(en.brand.report.respondents).textContent).toContain('1,234');
    expect(card(en.brand.report.nps).textContent).toContain('45.8');
    expect(card(en.brand.report.nps).textContent).toContain('95% interval: 18.1 – 73.5');
    expect(card(en.brand.report.sus).textContent).toContain('75.4');
    expect(card(en.brand.report.sus).textContent).toContain('Grade B');
    expect(card(en.brand.report.top2box).textContent).toContain('66.7%');
    expect(card(en.brand.report.top2box).textContent).toContain('46.7% – 82%');
    // key figures come before the first survey section
    const survey = screen.getByRole('region', { name: 'Survey: Usage and satisfaction' });
    expect(key.compareDocumentPosition(survey) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('writes numbers the French way in French', async () => {
    renderPage(Page, 'fr');
    const key = await screen.findByRole('region', { name: fr.brand.report.keyFigures });
    expect(key.textContent).toContain('45,8');
    expect(key.textContent).toMatch(/1\s234/);
  });

  it('draws each distribution as a real table with its counts and shares', async () => {
    renderPage(Page, 'en');
    const table = await screen.findByRole('table', { name: 'Answers to “How often do you cook?”' });
    const row = within(table).getByRole('row', { name: /daily/ });
    expect(row.textContent).toContain('10');
    expect(row.textContent).toContain('41.7%');
  });

  it('marks suppressed cross-tab cells with the minimum cell size, and shows no figure for them', async () => {
    renderPage(Page, 'en');
    const table = await screen.findByRole('table', { name: '“How often do you cook?” by Country' });
    const belgium = within(table).getByRole('row', { name: /Belgium/ });
    expect(belgium.textContent).toContain('Fewer than 5 respondents: not shown');
    expect(belgium.textContent).not.toContain('3');
    const tiers = screen.getByRole('table', { name: '“How easy was the set-up?” by Tier' });
    expect(within(tiers).getByRole('row', { name: /Lead users/ }).textContent).toContain('Fewer than 5 respondents');
    expect(within(tiers).getByRole('row', { name: /Mainstream/ }).textContent).toContain('3.8');
  });

  it('shows labels from the catalogue, never raw codes', async () => {
    renderPage(Page, 'en');
    await screen.findByRole('region', { name: en.brand.report.composition });
    const text = document.body.textContent ?? '';
    for (const label of [
      'Women',
      'Non-binary',
      'Lead users',
      'Mainstream',
      'France',
      'Switzerland',
      'Under review',
      'Will not be fixed',
      'In progress',
      'Bug',
      'Major',
    ]) {
      expect(text, label).toContain(label);
    }
    for (const code of ['lead_user', 'non_binary', 'under_review', 'wont_fix', 'in_progress', 'female']) {
      expect(text, code).not.toContain(code);
    }
  });

  it('shows quotes with pseudonyms, discussions, home testing and feedback', async () => {
    renderPage(Page, 'en');
    expect(await screen.findByText('It is too loud in the morning.')).toBeTruthy();
    expect(screen.getByText('P-07')).toBeTruthy();
    expect(screen.getByText('A quiet mode for the evening')).toBeTruthy();
    expect(screen.getByRole('table', { name: en.brand.report.products }).textContent).toContain('2.5');
    expect(screen.getByRole('table', { name: en.brand.report.topFeedback }).textContent).toContain('Lid sensor fails');
    expect(screen.getByRole('table', { name: en.brand.report.funnelCaption }).textContent).toContain('60');
  });

  it('says "not available" for a report that is not published for this brand (404), never a broken page', async () => {
    get.mockImplementation(() => problem(404) as never);
    renderPage(Page, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en.brand.report.notAvailableTitle })).toBeTruthy();
    expect(screen.getByText(en.brand.report.notAvailable)).toBeTruthy();
    expect(screen.getByRole('link', { name: en.brand.report.backToList }).getAttribute('href')).toBe('/brand');
    expect(json).not.toHaveBeenCalled();
  });

  it('explains a failed report and a report still being prepared, without asking for its content', async () => {
    get.mockImplementation(() => ok(status('failed')) as never);
    const view = renderPage(Page, 'en');
    expect(await screen.findByText(en.brand.report.failed)).toBeTruthy();
    view.unmount();
    get.mockImplementation(() => ok(status('generating')) as never);
    renderPage(Page, 'en');
    expect(await screen.findByText(en.brand.report.notReady)).toBeTruthy();
    expect(json).not.toHaveBeenCalled();
  });

  it('downloads the CSV through the configured client into a file named after the study', async () => {
    const blob = new Blob(['question_id,prompt\n'], { type: 'text/csv' });
    csv.mockImplementation(() => ok(blob) as never);
    const createObjectURL = vi.fn(() => 'blob:report');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    let saved = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    renderPage(Page, 'en');
    await userEvent.click(await screen.findByRole('button', { name: en.brand.report.downloadCsv }));
    expect(await screen.findByText(en.brand.report.downloaded)).toBeTruthy();
    expect(csv).toHaveBeenCalledWith(expect.objectContaining({ path: { id: REPORT_ID }, parseAs: 'blob', throwOnError: true }));
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(saved).toBe('leadpanel-report-kitchen-robot-k2-v3.csv');
  });

  it('lists share links and revokes one after confirmation', async () => {
    revoke.mockImplementation(() => ok(undefined) as never);
    renderPage(Page, 'en');
    const button = await screen.findByRole('button', { name: /Revoke the link created/ });
    await userEvent.click(button);
    const dialog = await screen.findByRole('alertdialog', { name: en.brand.share.confirmTitle });
    expect(revoke).not.toHaveBeenCalled();
    links.mockImplementation(
      () =>
        ok({
          items: [{ id: 'l-1', createdAt: '2026-03-15T09:00:00Z', expiresAt: future, revokedAt: '2026-03-16T09:00:00Z' }],
          nextCursor: null,
        }) as never,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: en.brand.share.confirm }));
    expect(revoke).toHaveBeenCalledWith(expect.objectContaining({ path: { id: 'l-1' } }));
    expect(await screen.findByText(en.brand.share.states.revoked)).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
