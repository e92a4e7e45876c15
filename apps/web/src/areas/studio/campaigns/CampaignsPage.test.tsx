import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { CampaignSummaryDto, CreateCampaignDto, SurveySummaryDto } from '../../../api/generated';
import { network, renderStudio } from '../surveys/test-utils';
import type { CampaignsApi } from './api';
import { CampaignsPage } from './CampaignsPage';

const screener = (over: Partial<SurveySummaryDto> = {}): SurveySummaryDto => ({
  id: 'sc1',
  studyId: null,
  kind: 'screener',
  title: 'Cuisiniers bricoleurs',
  points: null,
  status: 'published',
  questionCount: 4,
  assigned: 0,
  submitted: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  publishedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

function fakeApi() {
  const campaigns: CampaignSummaryDto[] = [
    {
      id: 'c1',
      slug: 'velos',
      title: 'Cyclistes',
      description: '…',
      screenerSurveyId: 'sc1',
      acceptScore: 60,
      weights: {},
      applicants: 12,
      createdAt: '2026-11-01T10:00:00.000Z',
    },
  ];
  return {
    listCampaigns: vi.fn(async () => {
      await network();
      return { items: [...campaigns], nextCursor: null };
    }),
    createCampaign: vi.fn(async (body: CreateCampaignDto) => {
      await network();
      if (campaigns.some((c) => c.slug === body.slug))
        throw new ApiError(409, {
          type: 'urn:leadpanel:problem:campaign-slug-taken',
          title: 'Conflict',
          status: 409,
          detail: 'taken',
          requestId: 'r',
        });
      const c = {
        id: `c${campaigns.length + 1}`,
        ...body,
        weights: body.weights ?? {},
        applicants: 0,
        createdAt: '2026-12-07T10:00:00.000Z',
      };
      campaigns.unshift(c);
      return c;
    }),
    listScreeners: vi.fn(async ({ status }: { status?: string }) => {
      await network();
      const all = [screener(), screener({ id: 'sc2', title: 'Brouillon', status: 'draft' })];
      return { items: all.filter((s) => !status || s.status === status), nextCursor: null };
    }),
    createSurvey: vi.fn(),
  } satisfies CampaignsApi;
}

describe('CampaignsPage', () => {
  it('lists campaigns with their public link, creates one over a published screener, the 409 on the slug (in French)', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi();
    renderStudio(<CampaignsPage api={api} />, 'fr');
    const table = await screen.findByRole('table', { name: 'Campagnes de recrutement, les plus récentes d’abord' });
    expect(
      within(table).getByRole('link', { name: 'Page publique de Cyclistes (s’ouvre dans un nouvel onglet)' }).getAttribute('href'),
    ).toBe('/join/velos');
    expect(within(table).getByRole('cell', { name: '12' })).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Nouvelle campagne' });
    await user.type(within(form).getByLabelText('Titre'), 'Cuisiniers');
    await user.type(within(form).getByLabelText('Nom court (le lien public)'), 'Mauvais Slug');
    await user.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(within(form).getByLabelText('Nom court (le lien public)').getAttribute('aria-invalid')).toBe('true');
    expect(await within(form).findByText('Choisissez le questionnaire de sélection de la campagne.')).toBeTruthy();
    expect(api.createCampaign).not.toHaveBeenCalled();

    // only published screeners are offered
    const select = within(form).getByLabelText('Questionnaire de sélection');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(select, 'sc1');
    const slug = within(form).getByLabelText('Nom court (le lien public)');
    await user.clear(slug);
    await user.type(slug, 'velos');
    await user.type(within(form).getByLabelText('Expertise'), '2');
    await user.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(await within(form).findByText('Ce nom court est déjà pris.')).toBeTruthy();

    await user.clear(slug);
    await user.type(slug, 'cuisiniers');
    await user.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(await screen.findByText('La campagne « Cuisiniers » est ouverte sur /join/cuisiniers.')).toBeTruthy();
    expect(api.createCampaign).toHaveBeenLastCalledWith({
      slug: 'cuisiniers',
      title: 'Cuisiniers',
      description: '',
      screenerSurveyId: 'sc1',
      acceptScore: 60,
      weights: { expertise: 2 },
    });
    expect(await within(table).findByRole('rowheader', { name: 'Cuisiniers' })).toBeTruthy();
  }, 60_000);
});
