import { campaignWithSlug } from './support/api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';

/**
 * The public pages at 360×800, in the project's language (the browser's locale picks it):
 * each loads, shows its heading from the catalogue, passes axe and is screenshotted. Add a
 * page: one entry in PAGES (its path, its h1, a screenshot name).
 */
let campaign: { slug: string; title: string };

test.beforeAll(async () => {
  campaign = await campaignWithSlug('cuisiner-sans-cuisine', 'Cuisiner sans cuisine');
});

/** `heading`: the catalogue key of the page's h1, or a function giving the text (the join page shows the campaign's title once loaded). */
const PAGES: Array<{ name: string; path: () => string; heading: string | (() => string) }> = [
  { name: 'login', path: () => '/login', heading: 'login.title' },
  { name: 'join', path: () => `/join/${campaign.slug}?ref=XYZ`, heading: () => campaign.title },
  { name: 'confirm-bad-token', path: () => '/confirm?token=not-a-real-token', heading: 'auth.confirm.expiredTitle' },
  { name: 'forgot', path: () => '/forgot', heading: 'forgot.title' },
  { name: 'reset', path: () => '/reset?token=not-a-real-token', heading: 'reset.title' },
  { name: 'not-found', path: () => '/no/such/page/here', heading: 'notFound.title' },
  { name: 'shared-link-gone', path: () => '/r/not-a-real-token', heading: 'shared.goneTitle' },
];

for (const p of PAGES) {
  test(`${p.name}: heading in the page's language, no serious axe violation`, async ({ page, lang, t }) => {
    const res = await page.goto(p.path());
    // a deep link is answered with the app (index.html), never a server 404
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(typeof p.heading === 'string' ? t(p.heading) : p.heading());
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // no horizontal scrolling at 360 px
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAxeClean(page, p.name);
    await shot(page, p.name);
  });
}

test('an unknown API path is a problem+json 404, not the app', async ({ request }) => {
  const res = await request.get('/api/v1/nope', { headers: { accept: 'text/html,application/xhtml+xml' } });
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toMatch(/^application\/problem\+json/);
  expect(await res.json()).toMatchObject({ status: 404 });
});
