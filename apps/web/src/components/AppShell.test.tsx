import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createI18n, pickLanguage, type Language } from '../i18n';
import { createTestI18n } from '../i18n/testing';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import type { SessionSnapshot } from '../session/session';

const strings = { fr, en };

const signedOut: SessionSnapshot = { status: 'signed-out', user: null };
const panellist: SessionSnapshot = {
  status: 'signed-in',
  user: { id: 'p1', email: 'p@example.com', role: 'panellist', panellistId: 'p1' },
};

function renderAt(path: string, lang: Language, session: SessionSnapshot = signedOut) {
  return render(<App i18n={createTestI18n(lang)} history={createMemoryHistory({ initialEntries: [path] })} session={session} />);
}

describe('app shell', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`renders the header, skip link, main landmark and page in ${lang}`, async () => {
      const s = strings[lang];
      renderAt('/login', lang);
      expect(await screen.findByRole('heading', { level: 1, name: s.login.title })).toBeTruthy();
      const banner = screen.getByRole('banner');
      expect(within(banner).getByRole('link', { name: s.app.name })).toBeTruthy();
      expect(within(banner).getByRole('radiogroup', { name: s.shell.language })).toBeTruthy();
      expect(screen.getByRole('link', { name: s.shell.skipLink }).getAttribute('href')).toBe('#main');
      expect(screen.getByRole('main').id).toBe('main');
      expect(screen.getByLabelText(s.form.email)).toBeTruthy();
      expect(screen.getByRole('button', { name: s.login.submit })).toBeTruthy();
      expect(document.documentElement.lang).toBe(lang);
    });
  }

  it('switches language from the header, and remembers it (the other catalogue loaded first: never a raw key)', async () => {
    // the app's own instance: French only, English loaded on demand
    const i18n = await createI18n('fr');
    render(<App i18n={i18n} history={createMemoryHistory({ initialEntries: ['/login'] })} session={signedOut} />);
    await screen.findByRole('heading', { level: 1, name: fr.login.title });
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    const headings: string[] = [];
    const observer = new MutationObserver(() =>
      headings.push(...screen.queryAllByRole('heading', { level: 1 }).map((h) => h.textContent ?? '')),
    );
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await userEvent.click(screen.getByRole('radio', { name: en.languages.en }));
    expect(await screen.findByRole('heading', { level: 1, name: en.login.title })).toBeTruthy();
    observer.disconnect();
    expect(headings.every((h) => h === fr.login.title || h === en.login.title)).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    expect(pickLanguage(null, ['fr-FR'])).toBe('en');
  });

  it('shows the not-found page for an unknown path', async () => {
    renderAt('/nowhere/at/all', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: en.notFound.title })).toBeTruthy();
    expect(screen.getByRole('link', { name: en.notFound.home })).toBeTruthy();
  });

  it('keeps the referral code of a campaign link', async () => {
    renderAt('/join/spring-panel?ref=AB12CD', 'fr');
    expect(await screen.findByText('Vous avez été invité·e avec le code AB12CD.')).toBeTruthy();
  });

  it('renders the panellist home', async () => {
    // the home's look-ups answer empty (a list page, or the points balance)
    vi.stubGlobal(
      'fetch',
      vi.fn((input: Request | string) => {
        const url = typeof input === 'string' ? input : input.url;
        const body = url.includes('/me/points') ? { balance: 0, entries: [] } : { items: [], nextCursor: null };
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
      }),
    );
    renderAt('/me', 'en', panellist);
    expect(await screen.findByRole('heading', { level: 1, name: en.home.title })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: en.nav.label });
    expect(within(nav).getByRole('link', { name: en.nav.home }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: en.nav.shipments }).getAttribute('href')).toBe('/me/shipments');
  });
});

describe('pickLanguage', () => {
  it("takes the user's locale, else the browser's, else English", () => {
    expect(pickLanguage('fr-CA', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'fr-BE'])).toBe('fr');
    expect(pickLanguage(undefined, ['de-DE'])).toBe('en');
  });
});
