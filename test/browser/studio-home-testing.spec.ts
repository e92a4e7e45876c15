import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { StaffApi } from './support/api';
import { expect, expectAxeClean, shot, test } from './support/fixtures';
import { csvRecords, readyResearcher, researcherInBrowser, studyWithParticipants } from './support/studio-home-testing';

// a country of its own: no other spec's wave reaches these panellists
const COUNTRY = 'IS';

test('the researcher creates a product, allocates it, downloads the pick list, imports tracking with a bad row and reads a parcel’s history', async ({
  page,
  context,
  baseURL,
  t,
}) => {
  test.setTimeout(180_000);
  // --- through the API: a study with two enrolled participants who gave their address
  const staff = await StaffApi.setUp();
  await readyResearcher(staff);
  const { study } = await studyWithParticipants(staff, COUNTRY, ['Ada Lovelace', 'Grace Hopper'], { title: 'Kettle home test' });
  await researcherInBrowser(context, baseURL!, staff);

  // --- the tab, and a product created in the browser
  await page.goto(`/studio/studies/${study.id}/home-testing`);
  await expect(page.getByRole('heading', { level: 1, name: t('studio.homeTesting.title') })).toBeVisible();
  await expect(page.getByText(t('studio.homeTesting.products.empty'))).toBeVisible();
  await page.getByLabel(t('studio.homeTesting.products.sku'), { exact: true }).fill('KTL-K3');
  await page.getByLabel(t('studio.homeTesting.products.name'), { exact: true }).fill('Kettle K3');
  await page.getByLabel(t('studio.homeTesting.products.unitsInStock')).fill('5');
  await page.getByLabel(t('studio.homeTesting.products.usageDays')).fill('7');
  await page.getByRole('button', { name: t('studio.homeTesting.products.createSubmit') }).click();
  await expect(page.getByText(t('studio.homeTesting.products.created', { name: 'Kettle K3', sku: 'KTL-K3' }))).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Kettle K3' })).toBeVisible();

  // --- allocation: both participants get a parcel, no shortfall, no missing address
  await page.getByRole('button', { name: t('studio.homeTesting.allocate.submit') }).click();
  await expect(page.getByText(t('studio.homeTesting.allocate.done', { name: 'Kettle K3' }))).toBeVisible();
  const figures = page.getByRole('listitem');
  await expect(figures.filter({ hasText: t('studio.homeTesting.allocate.allocated_other') })).toContainText('2');
  await expect(figures.filter({ hasText: t('studio.homeTesting.allocate.shortfall_other') })).toContainText('0');
  await expect(figures.filter({ hasText: t('studio.homeTesting.allocate.missingAddress_other') })).toContainText('0');
  await expect(figures.filter({ hasText: t('studio.homeTesting.allocate.left_other') })).toContainText('3');
  await expectAxeClean(page, 'studio-home-testing');
  await shot(page, 'home-testing');

  // --- the pick list, through the session's Authorization header: one row per parcel
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t('studio.homeTesting.pickList.download') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pick-list-.+\.csv$/);
  const [header, ...rows] = csvRecords(readFileSync((await download.path())!, 'utf8'));
  expect(header.slice(0, 6)).toEqual(['shipmentId', 'status', 'sku', 'productName', 'readyToShip', 'recipientName']);
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r[5]).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  for (const r of rows) expect(r.slice(1, 4)).toEqual(['allocated', 'KTL-K3', 'Kettle K3']);

  // --- tracking import by file: one good row, one for a parcel that does not exist
  const good = rows[0];
  const unknown = randomUUID();
  const csv = `shipmentId,carrier,trackingNumber\n${good[0]},Colissimo,6A${Date.now()}\n${unknown},Colissimo,6B123456\n`;
  await page
    .getByLabel(t('studio.homeTesting.tracking.file'))
    .setInputFiles({ name: 'tracking.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: t('studio.homeTesting.tracking.submit') }).click();
  await expect(page.getByText(t('studio.homeTesting.tracking.updated_one', { count: 1, file: 'tracking.csv' }))).toBeVisible();
  await expect(page.getByText(t('studio.homeTesting.tracking.errors_one', { count: 1 }))).toBeVisible();
  const bad = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) });
  await expect(bad).toContainText(unknown);
  await expect(bad).toContainText(t('studio.homeTesting.tracking.reasons.unknown_shipment'));

  // --- the board: the good row's parcel is now shipped, the other still allocated
  const filter = page.getByRole('list', { name: t('studio.homeTesting.board.filter') });
  await filter.getByRole('button', { name: t('studio.homeTesting.status.shipped'), exact: true }).click();
  const board = page.getByRole('region', {
    name: t('studio.homeTesting.board.captionStatus', { status: t('studio.homeTesting.status.shipped') }),
  });
  await expect(board.getByRole('rowheader', { name: good[5] })).toBeVisible();
  await expect(board.getByRole('rowheader')).toHaveCount(1);
  await filter.getByRole('button', { name: t('studio.homeTesting.status.allocated'), exact: true }).click();
  const other = rows[1][5];
  await expect(
    page
      .getByRole('region', { name: t('studio.homeTesting.board.captionStatus', { status: t('studio.homeTesting.status.allocated') }) })
      .getByRole('rowheader', { name: other }),
  ).toBeVisible();
  await filter.getByRole('button', { name: t('studio.homeTesting.status.shipped'), exact: true }).click();
  await expect(board.getByRole('rowheader', { name: good[5] })).toBeVisible();
  await board.scrollIntoViewIfNeeded();
  await expectAxeClean(page, 'studio-shipments');
  await shot(page, 'shipments');

  // --- the parcel's history: allocated, then shipped by the tracking import
  await page.getByRole('button', { name: t('studio.homeTesting.parcel.openLabel', { name: good[5] }) }).click();
  const dialog = page.getByRole('dialog', { name: t('studio.homeTesting.parcel.title', { name: good[5] }) });
  await expect(dialog).toBeVisible();
  const history = dialog.getByRole('list', { name: t('studio.homeTesting.parcel.history') });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText(
    t('studio.homeTesting.parcel.created', { to: t('studio.homeTesting.status.allocated') }),
  );
  await expect(history.getByRole('listitem').nth(1)).toContainText(
    t('studio.homeTesting.parcel.move', { from: t('studio.homeTesting.status.allocated'), to: t('studio.homeTesting.status.shipped') }),
  );
  await expect(history.getByRole('listitem').nth(1)).toContainText(t('studio.homeTesting.parcel.sources.tracking_import'));
  await expect(
    dialog.getByRole('button', { name: t('studio.homeTesting.parcel.moveTo', { status: t('studio.homeTesting.status.delivered') }) }),
  ).toBeVisible();
  await expectAxeClean(page, 'studio-shipment-history');
  await shot(page, 'shipment-history');
});
