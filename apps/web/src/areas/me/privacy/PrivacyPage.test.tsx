import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../../api/generated';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import { ok, renderPage } from '../testing';
import { exportFileName, PrivacyPage } from './PrivacyPage';

const signOut = vi.fn(() => Promise.resolve());
vi.mock('../../../session/session', () => ({ useSession: () => ({ user: null, status: 'signed-in', signIn: vi.fn(), signOut }) }));
vi.mock('../../../api/generated', () => ({
  meControllerProfile: vi.fn(),
  meControllerOptOut: vi.fn(),
  meControllerExport: vi.fn(),
  meControllerErase: vi.fn(),
}));

const profile = vi.mocked(sdk.meControllerProfile);
const optOut = vi.mocked(sdk.meControllerOptOut);
const erase = vi.mocked(sdk.meControllerErase);

beforeEach(() => {
  vi.clearAllMocks();
  profile.mockImplementation(() => ok({ status: 'active' }) as never);
});

describe('privacy: erase my account', () => {
  it('enables the erase button only once the confirmation word of the language is typed, then signs out to the goodbye page', async () => {
    erase.mockImplementationOnce(() => ok(undefined) as never);
    const { router } = renderPage(PrivacyPage, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: fr.privacy.erase.button }));
    const dialog = await screen.findByRole('dialog', { name: fr.privacy.erase.confirmTitle });
    const input = screen.getByLabelText('Saisissez EFFACER pour confirmer');
    const buttons = () => screen.getAllByRole('button', { name: fr.privacy.erase.confirm }).filter((b) => dialog.contains(b));
    const confirm = buttons()[0];
    expect(confirm.hasAttribute('disabled')).toBe(true);

    await userEvent.type(input, 'ERASE'); // the English word does not count in French
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await userEvent.type(input, '{Enter}');
    expect(erase).not.toHaveBeenCalled();

    await userEvent.clear(input);
    await userEvent.type(input, 'effacer');
    expect(confirm.hasAttribute('disabled')).toBe(false);
    await userEvent.click(confirm);

    expect(await screen.findByRole('heading', { level: 1, name: fr.privacy.goodbye.title })).toBeTruthy();
    expect(erase).toHaveBeenCalledTimes(1);
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(router.state.location.pathname).toBe('/goodbye');
  });

  it('can be cancelled without erasing anything', async () => {
    renderPage(PrivacyPage, 'en');
    await userEvent.click(await screen.findByRole('button', { name: en.privacy.erase.button }));
    await userEvent.type(screen.getByLabelText('Type ERASE to confirm'), 'ERASE');
    await userEvent.click(screen.getByRole('button', { name: en.privacy.cancel }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(erase).not.toHaveBeenCalled();
  });
});

describe('privacy: opt out', () => {
  it('asks for confirmation, then shows the new status', async () => {
    optOut.mockImplementationOnce(() => ok({ status: 'opted_out' }) as never);
    renderPage(PrivacyPage, 'en');
    await userEvent.click(await screen.findByRole('button', { name: en.privacy.optOut.button }));
    expect(optOut).not.toHaveBeenCalled();
    profile.mockImplementation(() => ok({ status: 'opted_out' }) as never);
    await userEvent.click(await screen.findByRole('button', { name: en.privacy.optOut.confirm }));
    expect(await screen.findByText(en.privacy.optOut.done)).toBeTruthy();
    expect(optOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: en.privacy.optOut.button })).toBeNull();
  });
});

describe('exportFileName', () => {
  it('names the file with the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30))).toBe('leadpanel-export-2026-01-05.json');
  });
});
