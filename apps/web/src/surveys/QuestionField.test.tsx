import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { validateQuestion } from './logic';
import { QuestionField } from './QuestionField';
import { renderIn } from './test-utils';
import type { DraftValue, Question } from './types';
import type { Language } from '../i18n';

/** A field with its own state and a "Check" button that runs the browser's rules, as the player's Next does. */
function Harness({ question, initial }: { question: Question; initial?: DraftValue }) {
  const [value, setValue] = useState<DraftValue | undefined>(initial);
  const [checked, setChecked] = useState(false);
  const error = checked ? validateQuestion(question, value) : null;
  return (
    <>
      <QuestionField question={question} value={value} onChange={setValue} error={error} />
      <output data-testid="value">{JSON.stringify(value ?? null)}</output>
      <button type="button" onClick={() => setChecked(true)}>
        check
      </button>
    </>
  );
}

const value = () => JSON.parse(screen.getByTestId('value').textContent ?? 'null') as unknown;
const check = () => userEvent.click(screen.getByRole('button', { name: 'check' }));
const options = [
  { value: 'bike', label: 'Bike' },
  { value: 'car', label: 'Car' },
  { value: 'bus', label: 'Bus' },
];

function renderField(question: Question, lang: Language = 'en', initial?: DraftValue) {
  return renderIn(lang, <Harness question={question} initial={initial} />);
}

/** The field's error, found through the control's aria-describedby (so it is announced with it). */
function describedErrorOf(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('QuestionField', () => {
  it('single_choice: a labelled radio group, required marker, required and option checks', async () => {
    renderField({ id: 'q', type: 'single_choice', prompt: 'How do you commute?', required: true, options });
    const group = screen.getByRole('radiogroup', { name: /How do you commute\?/ });
    expect(group.textContent).toContain(en.survey.required);
    expect(group.getAttribute('aria-required')).toBe('true');
    await check();
    expect(describedErrorOf(group)).toContain(en.survey.errors.required);
    await userEvent.click(screen.getByRole('radio', { name: 'Car' }));
    expect(value()).toBe('car');
    expect(describedErrorOf(group)).not.toContain(en.survey.errors.required);
  });

  it('single_choice: a value that is not an option is refused (the server rule)', async () => {
    renderField({ id: 'q', type: 'single_choice', prompt: 'Commute', options }, 'en', 'plane');
    await check();
    expect(screen.getByText(en.survey.errors.option)).toBeTruthy();
  });

  it('multi_choice: checkboxes, the answer in option order, keyboard usable', async () => {
    renderField({ id: 'q', type: 'multi_choice', prompt: 'What do you use?', required: true, options });
    const group = screen.getByRole('group', { name: /What do you use\?/ });
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Bus' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Bike' }));
    expect(value()).toEqual(['bus', 'bike']);
    // unticking everything is "no answer": required again
    await userEvent.click(within(group).getByRole('checkbox', { name: 'Bus' }));
    screen.getByRole('checkbox', { name: 'Bike' }).focus();
    await userEvent.keyboard(' ');
    expect(value()).toBeNull();
    await check();
    expect(screen.getByText(en.survey.errors.required)).toBeTruthy();
  });

  it('likert: points 1..scale with both ends labelled', async () => {
    renderField({ id: 'q', type: 'likert', prompt: 'I like new gadgets', scale: 7 }, 'fr');
    const group = screen.getByRole('radiogroup', { name: /I like new gadgets/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(7);
    expect(screen.getByRole('radio', { name: `1 (${fr.survey.likert.low})` })).toBeTruthy();
    expect(screen.getByRole('radio', { name: `7 (${fr.survey.likert.high})` })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '5' }));
    expect(value()).toBe(5);
  });

  it('rating and nps: 0 to 10 with the end labels, range checked', async () => {
    renderField({ id: 'q', type: 'nps', prompt: 'Would you recommend it?', required: true });
    const group = screen.getByRole('radiogroup', { name: /Would you recommend it\?/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('radio', { name: `0 (${en.survey.nps.low})` })).toBeTruthy();
    expect(screen.getByRole('radio', { name: `10 (${en.survey.nps.high})` })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: `0 (${en.survey.nps.low})` }));
    expect(value()).toBe(0);
    // arrow keys move the choice (a radio group)
    await userEvent.keyboard('{ArrowRight}');
    expect(value()).toBe(1);
  });

  it('rating: an out-of-range saved value is reported', async () => {
    renderField({ id: 'q', type: 'rating', prompt: 'Rate it' }, 'fr', 12);
    await check();
    expect(screen.getByText('Merci de choisir une valeur entre 0 et 10.')).toBeTruthy();
  });

  it('sus: the 10 standard statements in French, each 1–5, complete only when all are answered', async () => {
    renderField({ id: 'q', type: 'sus', prompt: 'About the app', required: true }, 'fr');
    const groups = screen.getAllByRole('radiogroup');
    expect(groups).toHaveLength(10);
    expect(screen.getByRole('radiogroup', { name: fr.survey.sus.item1 })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: fr.survey.sus.item10 })).toBeTruthy();
    for (const g of groups.slice(0, 9)) await userEvent.click(within(g).getByRole('radio', { name: '3' }));
    await check();
    expect(screen.getByRole('alert').textContent).toBe(fr.survey.errors.susIncomplete_one);
    await userEvent.click(within(groups[9]).getByRole('radio', { name: `5 (${fr.survey.sus.high})` }));
    expect(value()).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 5]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sus: the standard English wording', () => {
    renderField({ id: 'q', type: 'sus', prompt: 'About the app' });
    expect(screen.getByRole('radiogroup', { name: 'I thought the system was easy to use.' })).toBeTruthy();
  });

  it('number: typed in, min and max checked with the range shown', async () => {
    renderField({ id: 'q', type: 'number', prompt: 'How many km?', min: 0, max: 500 });
    const input = screen.getByRole('textbox', { name: /How many km\?/ });
    expect(describedErrorOf(input)).toContain('A number from 0 to 500.');
    await userEvent.type(input, '600');
    await userEvent.tab();
    expect(value()).toBe(600);
    await check();
    expect(describedErrorOf(input)).toContain('Please enter a number of at most 500.');
  });

  it('text: a text area with a character count, too long refused', async () => {
    renderField({ id: 'q', type: 'text', prompt: 'Tell us more', maxLength: 5, required: true });
    const area = screen.getByRole('textbox', { name: /Tell us more/ });
    expect(area.tagName).toBe('TEXTAREA');
    expect(describedErrorOf(area)).toContain('0 / 5 characters');
    await userEvent.type(area, 'abcdefg');
    expect(describedErrorOf(area)).toContain('7 / 5 characters');
    await check();
    expect(describedErrorOf(area)).toContain('Please keep your answer to 5 characters.');
  });

  it('text: blank is unanswered, and the message is in French for a French panellist', async () => {
    renderField({ id: 'q', type: 'text', prompt: 'Dites-nous en plus', required: true }, 'fr', '   ');
    await check();
    expect(screen.getByText(fr.survey.errors.required)).toBeTruthy();
  });
});
