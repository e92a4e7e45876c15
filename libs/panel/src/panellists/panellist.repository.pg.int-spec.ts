import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, isRowLocked, type PlatformTestContext } from '@leadpanel/platform/testing';
import { PanelModule } from '../panel.module';
import { PanellistRepository } from './panellist.repository';

describe('PanellistRepository.lockById (integration, PostgreSQL)', () => {
  let t: PlatformTestContext;
  let panellists: PanellistRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [PanelModule] });
    panellists = t.get(PanellistRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks the panellist row until the transaction ends, and answers null for an unknown id', async () => {
    const url = t.config.database.url!;
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO panellists (id, status, display_name, country, locale, birth_year, last_active_at)
       VALUES ($1, 'active', 'Locked panellist', 'FR', 'fr', 1990, now())`,
      [id],
    );
    await t.dataSource.transaction(async (em) => {
      expect(await panellists.lockById(em, id)).toMatchObject({ id, status: 'active', displayName: 'Locked panellist' });
      expect(await isRowLocked(url, 'panellists', id)).toBe(true);
    });
    expect(await isRowLocked(url, 'panellists', id)).toBe(false);
    expect(await t.dataSource.transaction((em) => panellists.lockById(em, randomUUID()))).toBeNull();
  });
});
