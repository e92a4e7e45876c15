import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { SurveyBuilderPage } from './SurveyBuilder';
import { fakeSurveysApi, network, renderStudio, survey } from './test-utils';

const question = (n: number) => screen.getByRole('group', { name: new RegExp(`^(Question|Question) ${n} ·`) });

describe('SurveyBuilder', () => {
  it('adds a question of every type, configures each, and saves them as the API expects', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeSurveysApi(survey({ kind: 'screener', studyId: null, title: 'Lead users' }));
    renderStudio(<SurveyBuilderPage surveyId="s1" api={api} />);
    await screen.findByRole('heading', { name: 'Survey builder' });

    const types = [
      ['single_choice', 'Single choice'],
      ['multi_choice', 'Multiple choice'],
      ['likert', 'Likert scale'],
      ['rating', 'Rating (0–10)'],
      ['nps', 'Net Promoter Score'],
      ['sus', 'System Usability Scale'],
      ['number', 'Number'],
      ['text', 'Text'],
    ] as const;
    for (const [value, label] of types) {
      await user.selectOptions(screen.getByLabelText('Type of the new question'), value);
      await user.click(screen.getByRole('button', { name: 'Add the question' }));
      expect(screen.getByRole('group', { name: `Question ${screen.getAllByRole('listitem').length} · ${label}` })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { name: '9 questions' })).toBeTruthy();

    // single choice: options as value/label rows, a third one added, the first removed
    const single = question(2);
    await user.clear(within(single).getByLabelText('Prompt'));
    await user.type(within(single).getByLabelText('Prompt'), 'Do you cook every day?');
    await user.click(within(single).getByRole('button', { name: 'Add an option to question 2' }));
    await user.type(within(single).getByLabelText('Value 3'), 'c');
    await user.type(within(single).getByLabelText('Label 3'), 'Sometimes');
    await user.click(within(single).getByRole('button', { name: 'Remove option 1' }));
    await user.click(within(single).getByLabelText('Required'));
    // likert: 7 points, a lead-user dimension, reverse-keyed
    const likert = question(4);
    expect(within(likert).queryByLabelText('Lead-user dimension')).toBeNull();
    await user.selectOptions(within(likert).getByLabelText('Scale'), '7');
    await user.selectOptions(within(likert).getByLabelText('Lead-user dimension'), 'expertise');
    await user.click(within(likert).getByLabelText('Reverse-keyed (scored 8 − answer)'));
    // number: bounds; text: a length limit
    await user.type(within(question(8)).getByLabelText('Minimum'), '0');
    await user.type(within(question(8)).getByLabelText('Maximum'), '50');
    await user.type(within(question(9)).getByLabelText('Maximum length'), '200');
    // reorder: the NPS question (6) moves above the rating (5); the first question goes
    await user.click(screen.getByRole('button', { name: 'Move question 6 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove question 1' }));

    await user.click(screen.getByRole('button', { name: 'Save the draft' }));
    await waitFor(() => expect(api.updateSurvey).toHaveBeenCalledTimes(1));
    const body = api.updateSurvey.mock.calls[0][1];
    expect(body.questions?.map((q) => q.type)).toEqual([
      'single_choice',
      'multi_choice',
      'likert',
      'nps',
      'rating',
      'sus',
      'number',
      'text',
    ]);
    expect(body.questions?.[0]).toEqual({
      id: 'q2',
      type: 'single_choice',
      prompt: 'Do you cook every day?',
      required: true,
      options: [
        { value: 'b', label: 'B' },
        { value: 'c', label: 'Sometimes' },
      ],
    });
    expect(body.questions?.[2]).toMatchObject({ type: 'likert', scale: 7, dimension: 'expertise', reverse: true });
    expect(body.questions?.[6]).toMatchObject({ type: 'number', min: 0, max: 50 });
    expect(body.questions?.[7]).toMatchObject({ type: 'text', maxLength: 200 });
    expect(body.questions?.[5]).toEqual({ id: 'q7', type: 'sus', prompt: 'New question' });
    expect(await screen.findByText('Draft saved.')).toBeTruthy();
  }, 60_000);

  it('edits a showIf and the live preview shows the conditional question only for that answer (in French)', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeSurveysApi(
      survey({
        questions: [
          {
            id: 'used',
            type: 'single_choice',
            prompt: 'Avez-vous utilisé la bouilloire ?',
            options: [
              { value: 'yes', label: 'Oui' },
              { value: 'no', label: 'Non' },
            ],
          },
          { id: 'why_not', type: 'text', prompt: 'Pourquoi pas ?' },
        ],
      }),
    );
    renderStudio(<SurveyBuilderPage surveyId="s1" api={api} />, 'fr');
    await screen.findByRole('heading', { name: 'Éditeur de questionnaire' });
    const preview = screen.getByRole('region', { name: 'Aperçu en direct' });
    expect(within(preview).getByText('Question 1 sur 2')).toBeTruthy();

    const second = screen.getByRole('group', { name: 'Question 2 · Texte' });
    // only earlier questions can be chosen
    expect(
      within(screen.getByRole('group', { name: 'Question 1 · Choix unique' }))
        .getByLabelText('Afficher cette question')
        .querySelectorAll('option'),
    ).toHaveLength(1);
    await user.selectOptions(within(second).getByLabelText('Afficher cette question'), 'used');
    await user.selectOptions(within(second).getByLabelText('…cette réponse'), 'no');

    // unanswered, the conditional question is not counted
    expect(within(preview).getByText('Question 1 sur 1')).toBeTruthy();
    await user.click(within(preview).getByRole('radio', { name: 'Oui' }));
    expect(within(preview).getByText('Question 1 sur 1')).toBeTruthy();
    await user.click(within(preview).getByRole('radio', { name: 'Non' }));
    expect(within(preview).getByText('Question 1 sur 2')).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Suivant' }));
    expect(within(preview).getByText('Pourquoi pas ?')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() => expect(api.updateSurvey).toHaveBeenCalled());
    expect(api.updateSurvey.mock.calls[0][1].questions?.[1]).toEqual({
      id: 'why_not',
      type: 'text',
      prompt: 'Pourquoi pas ?',
      showIf: { questionId: 'used', equals: 'no' },
    });
  }, 60_000);

  it('puts the server’s field errors on their fields, and publishes after a confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    let refuse = true;
    const base = fakeSurveysApi(
      survey({
        questions: [
          {
            id: 'q1',
            type: 'single_choice',
            prompt: 'Colour?',
            options: [
              { value: 'red', label: 'Red' },
              { value: 'blue', label: 'Blue' },
            ],
          },
        ],
      }),
    );
    const update = base.updateSurvey.getMockImplementation()!;
    base.updateSurvey.mockImplementation(async (id, body) => {
      await network();
      if (refuse) {
        refuse = false;
        throw new ApiError(400, {
          type: 'urn:leadpanel:problem:invalid-survey-definition',
          title: 'Bad Request',
          status: 400,
          detail: 'The survey has 2 problems',
          requestId: 'r1',
          errors: [
            { field: 'title', message: 'must be a non-empty string' },
            { field: 'questions[0].options[1].value', message: 'duplicates the value of options[0] ("red")' },
          ],
        });
      }
      return update(id, body);
    });
    renderStudio(<SurveyBuilderPage surveyId="s1" api={base} />);
    await screen.findByRole('heading', { name: 'Survey builder' });
    await user.clear(screen.getByLabelText('Value 2'));
    await user.type(screen.getByLabelText('Value 2'), 'red');
    await user.click(screen.getByRole('button', { name: 'Save the draft' }));

    expect(await screen.findByText('The survey was not saved: 2 problems are shown on their fields.')).toBeTruthy();
    const value2 = screen.getByLabelText('Value 2');
    expect(value2.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(value2.getAttribute('aria-describedby')!)?.textContent).toBe(
      'duplicates the value of options[0] ("red")',
    );
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));

    await user.clear(value2);
    await user.type(value2, 'green');
    await user.click(screen.getByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Publish this survey?' });
    expect(within(dialog).getByText('Your unsaved changes will be saved first.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(base.publishSurvey).toHaveBeenCalledTimes(1));
    expect(base.updateSurvey.mock.calls[1][1].questions?.[0].options?.[1]).toEqual({ value: 'green', label: 'Blue' });
    expect(await screen.findByText(/This survey is published: it can no longer be edited/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the draft' })).toBeNull();
    expect(screen.getByLabelText('Value 2').matches(':disabled')).toBe(true);
  }, 60_000);
});
