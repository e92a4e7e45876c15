import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { createTestI18n } from '../i18n/testing';
import { reportContentFixture } from './fixture';
import { fmtInterval, NPS_RANGE, PERCENT_RANGE, SUS_RANGE } from './format';
import { ReportView } from './ReportView';

describe('report intervals', () => {
  it('clamps an interval to the range its figure can take, both ends, one decimal', () => {
    expect(fmtInterval([-112.34, 104.5], 'en', false, NPS_RANGE)).toBe('-100 – 100');
    expect(fmtInterval([-12.34, 40.06], 'en', false, NPS_RANGE)).toBe('-12.3 – 40.1');
    expect(fmtInterval([91.2, 103.7], 'en', false, SUS_RANGE)).toBe('91.2 – 100');
    expect(fmtInterval([-2.5, 8.25], 'en', true, PERCENT_RANGE)).toBe('0% – 8.3%');
    expect(fmtInterval([97.1, 100.4], 'fr', true, PERCENT_RANGE)).toMatch(/^97,1\s%\s–\s100\s%$/);
    // without a range (a mean's interval) nothing is clamped
    expect(fmtInterval([-0.4, 5.2], 'en')).toBe('-0.4 – 5.2');
  });

  it('shows the key figures’ intervals within their ranges: NPS in [-100, 100], SUS and top-2-box in [0, 100]', () => {
    const report = reportContentFixture();
    const questions = report.surveys.flatMap((s) => s.questions);
    const [nps, sus, t2b] = [questions.find((q) => q.nps)!, questions.find((q) => q.sus)!, questions.find((q) => q.top2box)!];
    nps.nps = { ...nps.nps!, score: -95, ci95: [-108.4, -81.6] };
    sus.sus = { ...sus.sus!, mean: 97.5, ci95: [93.2, 101.8], grade: 'A+' };
    t2b.top2box = { pct: 98, ci95: [89.5, 100.6] };
    render(
      <I18nextProvider i18n={createTestI18n('en')}>
        <ReportView report={report} />
      </I18nextProvider>,
    );
    const key = screen.getByRole('region', { name: en.brand.report.keyFigures });
    const cards = within(key).getAllByRole('listitem');
    const card = (label: string) => cards.find((c) => c.textContent?.startsWith(label))!.textContent;
    expect(card(en.brand.report.nps)).toContain('95% interval: -100 – -81.6');
    expect(card(en.brand.report.sus)).toContain('95% interval: 93.2 – 100');
    expect(card(en.brand.report.sus)).toContain('Grade A+');
    expect(card(en.brand.report.top2box)).toContain('95% interval: 89.5% – 100%');
  });
});
