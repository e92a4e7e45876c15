import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../../api/generated';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import { ok, problem, renderPage } from '../testing';
import { ProfilePage } from './ProfilePage';

vi.mock('../../../api/generated', () => ({
  meControllerProfile: vi.fn(),
  meControllerUpdateProfile: vi.fn(),
  meControllerAddress: vi.fn(),
  attributesControllerList: vi.fn(),
}));

const getProfile = vi.mocked(sdk.meControllerProfile);
const updateProfile = vi.mocked(sdk.meControllerUpdateProfile);
const putAddress = vi.mocked(sdk.meControllerAddress);
const listAttributes = vi.mocked(sdk.attributesControllerList);

const PROFILE = {
  id: 'p',
  email: 'pauline@panel.example',
  status: 'active',
  displayName: 'Pauline',
  country: 'FR',
  locale: 'fr',
  birthYear: 1990,
  gender: null,
  interests: ['lighting'],
  attributes: { owns_printer: true, hours: 3 },
  score: { overall: 70, tier: 'emerging', dimensions: {} },
  address: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const ATTRIBUTES = [
  { id: 'a1', key: 'owns_printer', label: 'Owns a 3D printer', type: 'boolean', options: null, createdAt: '' },
  { id: 'a2', key: 'hours', label: 'Hours of DIY a week', type: 'number', options: null, createdAt: '' },
  { id: 'a3', key: 'room', label: 'Favourite room', type: 'enum', options: ['kitchen', 'office'], createdAt: '' },
  { id: 'a4', key: 'tools', label: 'Tools you own', type: 'multi_enum', options: ['drill', 'saw'], createdAt: '' },
];

beforeEach(() => {
  vi.clearAllMocks();
  getProfile.mockImplementation(() => ok(PROFILE) as never);
  listAttributes.mockImplementation(() => ok({ items: ATTRIBUTES, nextCursor: null }) as never);
  updateProfile.mockImplementation((o) => ok({ ...PROFILE, ...(o?.body ?? {}) }) as never);
});

describe('profile', () => {
  it('switches the whole page to the language picked, at once, and saves it', async () => {
    const { i18n } = renderPage(ProfilePage, 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: fr.profile.title })).toBeTruthy();
    await userEvent.click(await screen.findByRole('radio', { name: en.languages.en }));
    expect(await screen.findByRole('heading', { level: 1, name: en.profile.title })).toBeTruthy();
    expect(screen.getByRole('button', { name: en.profile.save })).toBeTruthy();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('leadpanel.language')).toBe('en');
    expect(updateProfile).toHaveBeenCalledWith(expect.objectContaining({ body: { locale: 'en' } }));
    expect(await screen.findByText(en.profile.language.saved)).toBeTruthy();
  });

  it('has the right control per attribute type, edits interests with the keyboard, and sends typed values', async () => {
    renderPage(ProfilePage, 'en');
    expect(((await screen.findByRole('textbox', { name: en.profile.displayName })) as HTMLInputElement).value).toBe('Pauline');
    const printer = await screen.findByRole('group', { name: 'Owns a 3D printer' });
    expect((within(printer).getByRole('radio', { name: en.profile.yes }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Hours of DIY a week' }) as HTMLInputElement).value).toBe('3');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Favourite room' }), 'office');
    await userEvent.click(within(screen.getByRole('group', { name: 'Tools you own' })).getByRole('checkbox', { name: 'saw' }));

    const interest = screen.getByRole('textbox', { name: en.profile.interests.label });
    await userEvent.type(interest, '  Woodwork {Enter}');
    expect(screen.getByText('woodwork')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove lighting' }));
    expect(screen.queryByText('lighting')).toBeNull();
    expect(document.activeElement).toBe(interest);

    await userEvent.click(screen.getByRole('button', { name: en.profile.save }));
    expect(await screen.findByText(en.profile.saved)).toBeTruthy();
    expect(updateProfile).toHaveBeenCalledWith(
      expect.objectContaining({
        body: {
          displayName: 'Pauline',
          interests: ['woodwork'],
          attributes: { owns_printer: true, hours: 3, room: 'office', tools: ['saw'] },
        },
      }),
    );
  });

  it('puts the server’s field errors on the address fields, in the user’s language', async () => {
    putAddress.mockImplementationOnce(() => problem(400, [{ field: 'postalCode', message: 'postalCode must be shorter' }]) as never);
    renderPage(ProfilePage, 'fr');
    await userEvent.type(await screen.findByRole('textbox', { name: fr.profile.address.line1 }), '3 rue des Lilas');
    await userEvent.type(screen.getByRole('textbox', { name: fr.profile.address.postalCode }), '75011');
    await userEvent.type(screen.getByRole('textbox', { name: fr.profile.address.city }), 'Paris');
    expect((screen.getByRole('combobox', { name: fr.profile.address.country }) as HTMLSelectElement).value).toBe('FR');
    await userEvent.click(screen.getByRole('button', { name: fr.profile.address.save }));
    const postal = screen.getByRole('textbox', { name: fr.profile.address.postalCode });
    expect(await screen.findByText(fr.profile.address.errors.postalCode)).toBeTruthy();
    expect(postal.getAttribute('aria-invalid')).toBe('true');
    expect(putAddress).toHaveBeenCalledWith(
      expect.objectContaining({ body: { line1: '3 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' } }),
    );
  });
});
