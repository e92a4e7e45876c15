import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { SurveyPlayer, type SurveyPlayerProps } from './SurveyPlayer';
import { renderIn } from './test-utils';
import type { Answers, SurveyDefinition } from './types';
import type { Language } from '../i18n';

const survey: SurveyDefinition = {
  questions: [
    {
      id: 'owns',
      type: 'single_choice',
      prompt: 'Do you own a bike?',
      required: true,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
    {
      id: 'km',
      type: 'number',
      prompt: 'How many km a week?',
      required: true,
      min: 0,
      max: 500,
      showIf: { questionId: 'owns', equals: 'yes' },
    },
    { id: 'score', type: 'nps', prompt: 'Would you recommend cycling?', required: true },
    { id: 'why', type: 'text', prompt: 'Why?' },
  ],
};

afterEach(() => sessionStorage.clear());

function renderPlayer(props: Partial<SurveyPlayerProps> = {}, lang: Language = 'en') {
  const onSave = vi.fn<SurveyPlayerProps['onSave']>().mockResolvedValue({});
  const onSubmit = vi.fn<SurveyPlayerProps['onSubmit']>().mockResolvedValue({ pointsCredited: 20 });
  renderIn(lang, <SurveyPlayer assignmentId="a-1" definition={survey} onSave={onSave} onSubmit={onSubmit} {...props} />);
  return { onSave: (props.onSave as typeof onSave) ?? onSave, onSubmit: (props.onSubmit as typeof onSubmit) ?? onSubmit };
}

const next = () => userEvent.click(screen.getByRole('button', { name: en.survey.player.next }));
const progressText = () => screen.getByRole('progressbar').getAttribute('aria-valuetext');

describe('SurveyPlayer', () => {
  it('one question per screen with progress; Next checks the question; showIf adds a question live', async () => {
    const { onSave } = renderPlayer();
    expect(progressText()).toBe('Question 1 of 3');
    expect(screen.getByRole('radiogroup', { name: /Do you own a bike\?/ })).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: /recommend/ })).toBeNull();
    await next();
    expect(screen.getByText(en.survey.errors.required)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    // the km question appears as soon as "Yes" is chosen
    expect(progressText()).toBe('Question 1 of 4');
    await next();
    expect(onSave).toHaveBeenLastCalledWith({ owns: 'yes' });
    expect(screen.getByRole('textbox', { name: /How many km a week\?/ })).toBeTruthy();
    expect(progressText()).toBe('Question 2 of 4');
    // the number is committed when the field loses focus: straight to Next, it still counts
    await userEvent.type(screen.getByRole('textbox', { name: /How many km a week\?/ }), '40');
    await next();
    expect(progressText()).toBe('Question 3 of 4');
    expect(onSave).toHaveBeenLastCalledWith({ km: 40 });
  });

  it('drops a hidden answer: changing the parent answer clears the child on save and submit', async () => {
    const { onSave, onSubmit } = renderPlayer({ savedAnswers: { owns: 'yes', km: 120, score: 8 } });
    // resumes at the first unanswered question: "why" (4 of 4)
    expect(progressText()).toBe('Question 4 of 4');
    for (let i = 0; i < 3; i++) await userEvent.click(screen.getByRole('button', { name: en.survey.player.back }));
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    expect(progressText()).toBe('Question 1 of 3');
    await next();
    expect(onSave).toHaveBeenLastCalledWith({ owns: 'no', km: null });
    await next(); // score was saved: 8
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.toReview }));
    expect(screen.queryByText('How many km a week?')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.submit }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ owns: 'no', score: 8 });
  });

  it('resumes from saved answers at the first unanswered visible question (another device)', () => {
    renderPlayer({ savedAnswers: { owns: 'no' } });
    expect(progressText()).toBe('Question 2 of 3');
    expect(screen.getByRole('radiogroup', { name: /Would you recommend cycling\?/ })).toBeTruthy();
  });

  it('resumes at the review step when everything is answered', () => {
    renderPlayer({ savedAnswers: { owns: 'no', score: 9, why: 'fun' } });
    expect(screen.getByRole('heading', { name: en.survey.review.title })).toBeTruthy();
    expect(screen.getByRole('button', { name: en.survey.player.submit })).toBeTruthy();
  });

  it('submits once on a double click, then shows the points', async () => {
    let resolve!: (v: { pointsCredited: number }) => void;
    const onSubmit = vi.fn<SurveyPlayerProps['onSubmit']>(() => new Promise((r) => (resolve = r)));
    renderPlayer({ savedAnswers: { owns: 'no', score: 9 }, onSubmit });
    // resume lands on "why" (optional): go to the review
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.toReview }));
    const button = screen.getByRole('button', { name: en.survey.player.submit });
    await userEvent.dblClick(button);
    await userEvent.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(true);
    resolve({ pointsCredited: 20 });
    expect(await screen.findByText('+20 points')).toBeTruthy();
    expect(sessionStorage.length).toBe(0); // the key is forgotten once the submit succeeded
  });

  it('reuses the Idempotency-Key on a retry after a lost connection, and after a reload', async () => {
    const onSubmit = vi.fn<SurveyPlayerProps['onSubmit']>().mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const first = renderPlayer({ savedAnswers: { owns: 'no', score: 9, why: 'x' }, onSubmit });
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.submit }));
    expect(await screen.findByText(en.survey.player.offline)).toBeTruthy();
    const key = onSubmit.mock.calls[0][1];
    expect(key).toMatch(/\S{16,}/);
    // a reload: a new player for the same assignment in the same tab
    first.onSubmit.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await userEvent.click(screen.getByRole('button', { name: en.survey.player.submit }));
    expect(onSubmit.mock.calls[1][1]).toBe(key);
    document.body.innerHTML = '';
    const again = vi.fn<SurveyPlayerProps['onSubmit']>().mockResolvedValue({ pointsCredited: 5 });
    renderPlayer({ savedAnswers: { owns: 'no', score: 9, why: 'x' }, onSubmit: again });
    await userEvent.click(screen.getAllByRole('button', { name: en.survey.player.submit }).at(-1)!);
    await waitFor(() => expect(again).toHaveBeenCalledTimes(1));
    expect(again.mock.calls[0][1]).toBe(key);
  });

  it('a server field error jumps to its question and shows a message there', async () => {
    const onSubmit = vi.fn<SurveyPlayerProps['onSubmit']>().mockRejectedValue({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'answers.score', message: 'must be an integer from 0 to 10, not 11' }],
    });
    renderPlayer({ savedAnswers: { owns: 'no', score: 9, why: 'x' } as Answers, onSubmit }, 'fr');
    await userEvent.click(screen.getByRole('button', { name: fr.survey.player.submit }));
    expect(await screen.findByRole('radiogroup', { name: /Would you recommend cycling\?/ })).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Question 2 sur 3');
    expect(screen.getByText('Cette réponse n’a pas été acceptée : must be an integer from 0 to 10, not 11')).toBeTruthy();
  });

  it('checks every question before submitting and jumps to the first problem, in French', async () => {
    const { onSubmit } = renderPlayer({ savedAnswers: { owns: 'no', why: 'x' } }, 'fr');
    // resumes on the unanswered required "score"
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Question 2 sur 3');
    await userEvent.click(screen.getByRole('button', { name: fr.survey.player.next }));
    expect(screen.getByText(fr.survey.errors.required)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('tells when a save fails, and when the survey was sent from another device', async () => {
    const onSave = vi
      .fn<SurveyPlayerProps['onSave']>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce({ type: 'about:blank', title: 'Conflict', status: 409 });
    renderPlayer({ onSave });
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    await next();
    expect(await screen.findByText(en.survey.player.saveFailed)).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '7' }));
    await next();
    // the failed answer is sent again with the next one
    expect(onSave).toHaveBeenLastCalledWith({ owns: 'no', score: 7 });
    expect(await screen.findByText(en.survey.player.alreadySubmitted)).toBeTruthy();
  });
});
