/* eslint-disable @typescript-eslint/require-await -- the fakes answer like the network does: with a promise */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WavePreview } from './api';
import { Lifecycle } from './Lifecycle';
import { ParticipantsPage } from './ParticipantsPage';
import { StudiesPage } from './StudiesPage';
import { fakeApi, renderStudio, study } from './testing';

describe('the studies pages', { timeout: 30_000 }, () => {
  it('lists the studies with brand, status and funnel, and filters by status', async () => {
    const api = fakeApi({
      list: vi.fn(async () => ({
        items: [
          study({
            status: 'recruiting',
            funnel: { invited: 30, pending: 12, enrolled: 8, waitlisted: 2, declined: 5, expired: 3 },
          }),
        ],
        nextCursor: null,
      })),
    });
    const onStatusChange = vi.fn();
    renderStudio(<StudiesPage api={api} onStatusChange={onStatusChange} />);
    const row = (await screen.findByText('Cargo bikes in the city', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Acme Bikes')).toBeTruthy();
    expect(within(row).getByText('Recruiting')).toBeTruthy();
    expect(within(row).getByText('8 enrolled of 20')).toBeTruthy();
    expect(within(row).getByText('30 invited · 12 awaiting an answer · 2 waitlisted · 5 declined · 3 expired')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New study' }).getAttribute('href')).toBe('/studio/studies/new');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'in_field');
    expect(onStatusChange).toHaveBeenCalledWith('in_field');
  });

  it('says what a transition does before doing it, and does it only when confirmed (in French)', async () => {
    const api = fakeApi();
    renderStudio(<Lifecycle study={study({ status: 'in_field' })} api={api} />, { lang: 'fr' });
    const user = userEvent.setup();
    // from the field: analysis, or back to recruiting
    await user.click(await screen.findByRole('button', { name: 'Passer à l’analyse' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(
      within(dialog).getByText(/Plus aucune vague ne peut partir, les invitations en cours ne peuvent plus être acceptées/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(api.transition).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Lancer le recrutement' }));
    const back = await screen.findByRole('alertdialog');
    expect(within(back).getByText('Critères et quotas redeviennent modifiables. Des vagues peuvent encore partir.')).toBeTruthy();
    await user.click(within(back).getByRole('button', { name: 'Lancer le recrutement' }));
    await waitFor(() => expect(api.transition).toHaveBeenCalledWith('s1', 'recruiting'));
    expect(await screen.findByText('L’étude est désormais au statut « Recrutement ».')).toBeTruthy();
  });

  it('previews a wave per cell, then sends it with the previewed seed once confirmed; counts per cell with bars', async () => {
    const previewed: WavePreview = {
      invited: 6,
      seed: 'abc123',
      cells: [
        { dimension: 'gender', value: 'female', target: 10, enrolled: 2, invited: 4 },
        { dimension: 'country', value: 'PT', target: 5, enrolled: 1, invited: 2 },
      ],
    };
    const api = fakeApi({
      previewWave: vi.fn(async () => previewed),
      sendWave: vi.fn(async () => ({ waveId: 'w1', ...previewed })),
      cells: vi.fn(async () => ({
        cells: [
          { dimension: 'gender', value: 'female', target: 10, enrolled: 2, waitlisted: 1, pending: 4, declined: 1, expired: 0, invited: 8 },
        ],
      })),
    });
    const s = study({ status: 'recruiting' });
    renderStudio(<ParticipantsPage studyId="s1" api={api} />, { studies: [s] });
    const user = userEvent.setup();
    const meter = await screen.findByLabelText('2 enrolled for a target of 10');
    expect(meter.getAttribute('aria-valuenow')).toBe('2');

    await user.clear(screen.getByLabelText('Wave size'));
    await user.type(screen.getByLabelText('Wave size'), '6');
    await user.click(screen.getByRole('button', { name: 'Preview the wave' }));
    expect(await screen.findByText('This wave would invite 6 panellists')).toBeTruthy();
    expect(api.previewWave).toHaveBeenCalledWith('s1', { size: 6 });
    const table = screen.getByRole('table', { name: 'Who the wave would invite, per quota cell' });
    expect(within(table).getByRole('row', { name: /Gender: Female 4 2 10/ })).toBeTruthy();
    expect(api.sendWave).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Send the wave' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/6 panellists get an invitation e-mail now/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Send the invitations' }));
    await waitFor(() => expect(api.sendWave).toHaveBeenCalledWith('s1', { size: 6, expiresInDays: 7, seed: 'abc123' }));
    expect(await screen.findByText('Wave sent: 6 panellists invited.')).toBeTruthy();
  });

  it('asks for a new preview when the wave changes after it', async () => {
    const api = fakeApi({ previewWave: vi.fn(async () => ({ invited: 1, seed: 's', cells: [] })) });
    renderStudio(<ParticipantsPage studyId="s1" api={api} />, { studies: [study({ status: 'recruiting' })] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Preview the wave' }));
    expect(await screen.findByRole('button', { name: 'Send the wave' })).toBeTruthy();
    await user.type(screen.getByLabelText('Wave size'), '0');
    expect(screen.queryByRole('button', { name: 'Send the wave' })).toBeNull();
    expect(screen.getByText('The form changed since this preview: preview again before sending.')).toBeTruthy();
  });
});
