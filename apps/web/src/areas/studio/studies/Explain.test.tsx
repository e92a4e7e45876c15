/* eslint-disable @typescript-eslint/require-await -- the fakes answer like the network does: with a promise */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PanellistMatch } from './api';
import { Explain } from './Explain';
import { fakeApi, renderStudio } from './testing';

function match(over: Pick<PanellistMatch, 'id' | 'displayName' | 'email' | 'country'>): PanellistMatch {
  return {
    status: 'active',
    score: 72,
    tier: 'lead_user',
    createdAt: '2026-10-01T09:00:00.000Z',
    lastActiveAt: '2026-11-20T09:00:00.000Z',
    ...over,
  };
}
const ANNA = match({ id: '6f0c2b1e-8a4d-4c3b-9f2e-1d5a7b9c0e11', displayName: 'Anna Weber', email: 'anna@example.test', country: 'DE' });
const ANNIKA = match({
  id: '0b7e9d2c-3f1a-4e5b-8c6d-2a4f6e8b0c22',
  displayName: 'Annika Roux',
  email: 'annika@example.test',
  country: 'FR',
});

/** Anna lives in Germany, the study wants France; she belongs to two quota cells (two cell_full rows). */
const NOT_ELIGIBLE = {
  eligible: false,
  reasons: [
    { rule: 'status', passed: true, detail: 'status is active' },
    { rule: 'contact_cap', passed: true, detail: '0, below the cap of 4' },
    { rule: 'already_invited', passed: true, detail: 'not yet invited to this study' },
    { rule: 'country', passed: false, detail: 'country DE is not in FR' },
    { rule: 'age', passed: true, detail: 'no age restriction' },
    { rule: 'attribute:has_balcony', passed: true, detail: 'has_balcony is true; equals true' },
    { rule: 'cell_full', passed: true, detail: 'cell gender=female has room (1/10)' },
    { rule: 'cell_full', passed: false, detail: 'cell age=25-34 is full (5/5)' },
  ],
};

/** The rows of the explanation's table, as "rule | result | why". */
function rulesShown(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent).join(' | '));
}

describe('explain for one panellist', { timeout: 30_000 }, () => {
  it('finds a panellist by name, then shows every rule with its result and why, and the verdict', async () => {
    const api = fakeApi({
      searchPanellists: vi.fn(async () => [ANNA, ANNIKA]),
      explain: vi.fn(async () => NOT_ELIGIBLE),
    });
    renderStudio(<Explain studyId="s1" api={api} />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Panellist (name, e-mail or id)' }, { timeout: 5000 }), 'ann');
    // the matches, each with its own button
    const anna = await screen.findByRole('button', { name: 'Explain for Anna Weber' }, { timeout: 5000 });
    expect(screen.getByText('(anna@example.test, DE)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Explain for Annika Roux' })).toBeTruthy();
    expect(api.searchPanellists).toHaveBeenLastCalledWith('ann');
    expect(api.explain).not.toHaveBeenCalled();

    await user.click(anna);
    expect(await screen.findByText('Anna Weber is not eligible.')).toBeTruthy();
    expect(api.explain).toHaveBeenCalledWith('s1', ANNA.id);
    expect(screen.getByRole('table', { name: 'The rules checked for Anna Weber' })).toBeTruthy();
    expect(rulesShown()).toEqual([
      'Panel status | Passed | status is active',
      'Contact cap | Passed | 0, below the cap of 4',
      'Already invited | Passed | not yet invited to this study',
      'Country | Failed | country DE is not in FR',
      'Age | Passed | no age restriction',
      'Attribute has_balcony | Passed | has_balcony is true; equals true',
      'Quota cells | Passed | cell gender=female has room (1/10)',
      'Quota cells | Failed | cell age=25-34 is full (5/5)',
    ]);

    // another match: the verdict and the rules follow
    api.explain.mockResolvedValueOnce({
      eligible: true,
      reasons: [
        { rule: 'status', passed: true, detail: 'status is active' },
        { rule: 'country', passed: true, detail: 'country FR is in FR' },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Explain for Annika Roux' }));
    expect(await screen.findByText('Annika Roux is eligible.')).toBeTruthy();
    expect(screen.queryByText('Anna Weber is not eligible.')).toBeNull();
    expect(rulesShown()).toEqual(['Panel status | Passed | status is active', 'Country | Passed | country FR is in FR']);
  });

  it('says when no panellist matches', async () => {
    const api = fakeApi({ searchPanellists: vi.fn(async () => []) });
    renderStudio(<Explain studyId="s1" api={api} />);
    await userEvent.type(await screen.findByRole('searchbox', {}, { timeout: 5000 }), 'zz');
    expect(await screen.findByText('No panellist matches.', {}, { timeout: 5000 })).toBeTruthy();
    expect(api.searchPanellists).toHaveBeenCalledWith('zz');
    expect(screen.queryByRole('button', { name: /Explain/ })).toBeNull();
  });

  it('explains for a pasted id without searching', async () => {
    const api = fakeApi({ explain: vi.fn(async () => NOT_ELIGIBLE) });
    renderStudio(<Explain studyId="s1" api={api} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('searchbox', {}, { timeout: 5000 });
    // no button until the text is a whole id
    expect(screen.queryByRole('button', { name: 'Explain' })).toBeNull();
    await user.type(box, ` ${ANNA.id} {Enter}`);
    expect(await screen.findByText(`${ANNA.id} is not eligible.`)).toBeTruthy();
    expect(api.explain).toHaveBeenCalledTimes(1);
    expect(api.explain).toHaveBeenCalledWith('s1', ANNA.id);
    expect(api.searchPanellists).not.toHaveBeenCalled();
    expect(rulesShown()).toHaveLength(8);
    // the button does it too
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    await waitFor(() => expect(api.explain).toHaveBeenCalledTimes(2));
  });

  it('says clearly, in French, that an unknown panellist was not found', async () => {
    const api = fakeApi({
      explain: vi.fn(async () => {
        // what the SDK throws (throwOnError) for the API's 404 problem+json
        throw { type: 'urn:leadpanel:problem:not-found', title: 'Not Found', status: 404, detail: 'Panellist was not found' };
      }),
    });
    renderStudio(<Explain studyId="s1" api={api} />, { lang: 'fr' });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Panéliste (nom, e-mail ou identifiant)' }, { timeout: 5000 }), ANNA.id);
    await user.click(screen.getByRole('button', { name: 'Expliquer' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Cet élément est introuvable, ou n’est plus disponible.'));
    expect(api.explain).toHaveBeenCalledWith('s1', ANNA.id);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText(/est (pas )?éligible\./)).toBeNull();
  });
});
