import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { renderIn } from '../surveys/test-utils';
import type { Language } from '../i18n';

const api = vi.hoisted(() => ({
  campaignsControllerPublicPage: vi.fn(),
  recruitmentControllerApply: vi.fn(),
  recruitmentControllerResendConfirmation: vi.fn(),
}));
vi.mock('../api/generated', () => ({
  campaignsControllerPublicPage: api.campaignsControllerPublicPage,
  recruitmentControllerApply: api.recruitmentControllerApply,
  recruitmentControllerResendConfirmation: api.recruitmentControllerResendConfirmation,
}));

const { JoinPage } = await import('./JoinPage');

const campaign = {
  slug: 'spring',
  title: 'Spring cycling panel',
  description: 'People who ride every day.',
  screener: {
    id: 's1',
    title: 'Screener',
    questions: [
      {
        id: 'rides',
        type: 'single_choice',
        prompt: 'Do you ride?',
        required: true,
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
      },
      { id: 'km', type: 'number', prompt: 'Km a week?', required: true, min: 0, max: 1000, showIf: { questionId: 'rides', equals: 'yes' } },
    ],
  },
};

function renderJoin(lang: Language = 'en', ref?: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderIn(
    lang,
    <QueryClientProvider client={qc}>
      <JoinPage slug="spring" referralCode={ref} />
    </QueryClientProvider>,
  );
}

async function fillAccount() {
  await userEvent.type(screen.getByRole('textbox', { name: en.form.email }), 'ana@example.com');
  await userEvent.type(screen.getByLabelText(en.form.password), 'long-enough-pw');
  await userEvent.type(screen.getByRole('textbox', { name: en.join.displayName }), 'Ana');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: en.join.country }), 'FR');
  await userEvent.type(screen.getByRole('textbox', { name: en.join.birthYear }), '1985');
}

beforeEach(() => {
  vi.clearAllMocks();
  api.campaignsControllerPublicPage.mockResolvedValue({ data: campaign });
  api.recruitmentControllerApply.mockResolvedValue({ data: { status: 'pending_confirmation' } });
  api.recruitmentControllerResendConfirmation.mockResolvedValue({ data: undefined });
});

describe('JoinPage', () => {
  it('shows the campaign, prefills the referral code, applies with the screener and shows "check your e-mail"', async () => {
    renderJoin('en', 'AB12CD');
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring cycling panel' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: en.join.referralCode }) as HTMLInputElement).value).toBe('AB12CD');
    expect(screen.getByText(en.join.passwordRule_other.replace('{{count}}', '10'))).toBeTruthy();
    // countries named in the page's language
    expect(screen.getByRole('option', { name: 'France' })).toBeTruthy();
    await fillAccount();
    expect(screen.queryByRole('textbox', { name: /Km a week\?/ })).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Km a week\?/ }), '40');
    await userEvent.click(screen.getByRole('checkbox', { name: /take part in the panel's research studies/ }));
    await userEvent.click(screen.getByRole('button', { name: en.join.submit }));
    await waitFor(() => expect(api.recruitmentControllerApply).toHaveBeenCalledTimes(1));
    expect(api.recruitmentControllerApply.mock.calls[0][0]).toMatchObject({
      path: { slug: 'spring' },
      body: {
        email: 'ana@example.com',
        password: 'long-enough-pw',
        displayName: 'Ana',
        country: 'FR',
        locale: 'en',
        birthYear: 1985,
        consents: { termsVersion: '2026-01', research: true, productTesting: false },
        answers: { rides: 'yes', km: 40 },
        referralCode: 'AB12CD',
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: en.join.checkEmail.title })).toBeTruthy();
    expect(screen.getByText('ana@example.com')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: en.join.checkEmail.resend }));
    await waitFor(() =>
      expect(api.recruitmentControllerResendConfirmation).toHaveBeenCalledWith(
        expect.objectContaining({ body: { email: 'ana@example.com' }, throwOnError: true }),
      ),
    );
    expect(await screen.findByText(en.join.checkEmail.resent)).toBeTruthy();
  });

  it('checks the fields and the screener in the browser before sending, in French', async () => {
    renderJoin('fr');
    await screen.findByRole('heading', { level: 1, name: 'Spring cycling panel' });
    await userEvent.type(screen.getByLabelText(fr.form.password), 'short');
    await userEvent.click(screen.getByRole('button', { name: fr.join.submit }));
    expect(await screen.findByText(fr.join.errors.passwordShort_other.replace('{{count}}', '10'))).toBeTruthy();
    expect(screen.getByText(fr.join.errors.researchConsent)).toBeTruthy();
    expect(screen.getAllByText(fr.form.required).length).toBeGreaterThan(0);
    expect(api.recruitmentControllerApply).not.toHaveBeenCalled();
    expect(screen.getByRole('option', { name: 'Allemagne' })).toBeTruthy();
  });

  it("puts the server's field errors next to their fields and screener questions", async () => {
    api.recruitmentControllerApply.mockRejectedValue({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'displayName', message: 'displayName must not contain markup' },
        { field: 'answers.rides', message: 'must be one of the option values' },
      ],
    });
    renderJoin('en');
    await screen.findByRole('heading', { level: 1, name: 'Spring cycling panel' });
    await fillAccount();
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /research studies/ }));
    await userEvent.click(screen.getByRole('button', { name: en.join.submit }));
    // an unknown server message is not shown in English to a French speaker: the generic, translated one is
    expect(await screen.findByText(en.problem.field.notAccepted)).toBeTruthy();
    expect(screen.getByText('This answer was not accepted: must be one of the option values')).toBeTruthy();
    expect(screen.getByText(en.join.errors.checkFields)).toBeTruthy();
  });

  it('explains an unknown campaign', async () => {
    api.campaignsControllerPublicPage.mockRejectedValue({ type: 'about:blank', title: 'Not Found', status: 404 });
    renderJoin('fr');
    expect(await screen.findByRole('heading', { level: 1, name: fr.join.notFound.title })).toBeTruthy();
    expect(screen.getByText(fr.join.notFound.body)).toBeTruthy();
  });
});
