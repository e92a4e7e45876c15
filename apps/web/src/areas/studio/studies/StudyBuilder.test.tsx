/* eslint-disable @typescript-eslint/require-await -- the fakes answer like the network does: with a promise */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Preview } from './api';
import { StudyBuilder } from './StudyBuilder';
import { fakeApi, renderStudio, study } from './testing';

afterEach(() => {
  vi.useRealTimers();
});

describe('the study builder', { timeout: 30_000 }, () => {
  it('creates a draft with the quota cells added (and not the one removed), in the API’s shapes', async () => {
    const api = fakeApi();
    const onCreated = vi.fn();
    renderStudio(<StudyBuilder api={api} onCreated={onCreated} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Title'), 'Kitchens of tomorrow');
    await user.type(screen.getByLabelText('Theme'), 'cooking');
    await user.selectOptions(await screen.findByLabelText('Brand'), 'Acme Bikes');
    await user.type(screen.getByLabelText('Countries'), 'fr, de');
    await user.click(screen.getByRole('checkbox', { name: 'Female' }));

    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Add a quota cell' }));
    const cell1 = screen.getByRole('group', { name: 'Quota cell 1' });
    await user.type(within(cell1).getByLabelText('Value'), 'fr');
    await user.click(screen.getByRole('button', { name: 'Remove quota cell 2' }));
    // what was cell 3 is now cell 2
    const cell2 = screen.getByRole('group', { name: 'Quota cell 2' });
    await user.selectOptions(within(cell2).getByLabelText('Dimension'), 'gender');
    await user.selectOptions(within(cell2).getByLabelText('Value'), 'female');
    await user.clear(within(cell2).getByLabelText('Target'));
    await user.type(within(cell2).getByLabelText('Target'), '4');
    expect(screen.queryByRole('group', { name: 'Quota cell 3' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(api.create).toHaveBeenCalledWith({
      brandId: 'b1',
      title: 'Kitchens of tomorrow',
      theme: 'cooking',
      brief: '',
      targetSize: 20,
      incentivePoints: 50,
      criteria: { countries: ['FR', 'DE'], genders: ['female'] },
      quotas: [
        { dimension: 'country', value: 'FR', target: 10 },
        { dimension: 'gender', value: 'female', target: 4 },
      ],
    });
    expect(screen.getByText('The eligibility preview appears once the draft is created.')).toBeTruthy();
  });

  it('checks the required fields before sending, and puts the server’s field errors on their fields', async () => {
    const api = fakeApi({
      create: vi.fn(() =>
        Promise.reject(
          new ApiError(400, {
            status: 400,
            type: 'urn:leadpanel:problem:validation-failed',
            title: 'Bad Request',
            detail: '1 field is invalid',
            requestId: 'r1',
            errors: [{ field: 'quotas[0].value', message: 'the criteria exclude this cell' }],
          }),
        ),
      ),
    });
    renderStudio(<StudyBuilder api={api} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create the draft' }));
    expect(await screen.findAllByText('Required.')).toHaveLength(3); // title, theme, brand
    expect(api.create).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Title'), 'T');
    await user.type(screen.getByLabelText('Theme'), 'x');
    await user.selectOptions(screen.getByLabelText('Brand'), 'Acme Bikes');
    await user.type(screen.getByLabelText('Countries'), 'FR');
    await user.click(screen.getByRole('button', { name: 'Add a quota cell' }));
    await user.type(within(screen.getByRole('group', { name: 'Quota cell 1' })).getByLabelText('Value'), 'DE');
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    const value = within(screen.getByRole('group', { name: 'Quota cell 1' })).getByLabelText('Value');
    await waitFor(() => expect(value.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(value.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Not accepted: the criteria exclude this cell',
    );
  });

  it('previews the criteria as typed: one request once typing pauses, the superseded request aborted', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const api = fakeApi({
      preview: vi.fn(
        (_id: string, body: { criteria: { countries?: string[] } }, signal?: AbortSignal) =>
          new Promise<Preview>((resolve, reject) => {
            signals.push(signal!);
            // the network takes a second
            const timer = setTimeout(
              () =>
                resolve({
                  eligible: (body.criteria.countries ?? []).length * 100,
                  cells: [{ dimension: 'gender', value: 'female', eligible: 40, target: 10, enrolled: 0 }],
                }),
              1000,
            );
            signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new DOMException('aborted', 'AbortError'));
            });
          }),
      ),
    });
    renderStudio(<StudyBuilder api={api} study={study()} />, { router: false });
    // typed one key at a time (fireEvent: user-event waits on a real setTimeout, which fake timers hold)
    const type = (el: HTMLElement, text: string) => {
      for (const ch of text) fireEvent.change(el, { target: { value: (el as HTMLInputElement).value + ch } });
    };
    await act(() => vi.advanceTimersByTimeAsync(1400));
    expect(api.preview).toHaveBeenCalledTimes(1);
    expect(screen.getByText('100 eligible panellists')).toBeTruthy();

    const countries = screen.getByLabelText('Countries');
    type(countries, ', DE');
    // typed quickly: nothing asked yet
    expect(api.preview).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(api.preview).toHaveBeenCalledTimes(2);
    expect(api.preview.mock.calls[1][1]).toEqual({
      criteria: { countries: ['FR', 'DE'] },
      quotas: [{ dimension: 'gender', value: 'female', target: 10 }],
    });
    // the answer is still on its way when the criteria change again
    type(countries, ', IT');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(api.preview).toHaveBeenCalledTimes(3);
    expect(signals[1].aborted).toBe(true);
    expect(signals[2].aborted).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('300 eligible panellists')).toBeTruthy();
    expect(screen.getByText('40 / 10')).toBeTruthy();
  });

  it('speaks French: the preview and the cells', async () => {
    const api = fakeApi({
      preview: vi.fn(async () => ({
        eligible: 1,
        cells: [{ dimension: 'gender', value: 'female', eligible: 1, target: 10, enrolled: 0 }],
      })),
    });
    renderStudio(<StudyBuilder api={api} study={study()} />, { lang: 'fr' });
    expect(await screen.findByText('1 panéliste éligible')).toBeTruthy();
    expect(screen.getByText('Genre : Femme', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer l’étude' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Cellule de quota 1' })).toBeTruthy();
  });
});
