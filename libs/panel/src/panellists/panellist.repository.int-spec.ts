import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, uniqueKey, type PlatformTestContext } from '@leadpanel/platform/testing';
import { PanelModule } from '../panel.module';
import { PanellistRepository } from './panellist.repository';

describe('PanellistRepository (integration)', () => {
  let t: PlatformTestContext;
  let panellists: PanellistRepository;

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, imports: [PanelModule] });
    panellists = t.get(PanellistRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A panellist written in SQL, last active `daysAgo` days ago. */
  async function panellist(p: { status?: string; name?: string; daysAgo?: number } = {}): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO panellists (id, status, display_name, country, locale, birth_year, last_active_at)
       VALUES ($1, $2, $3, 'FR', 'fr', 1990, now() - make_interval(days => $4))`,
      [id, p.status ?? 'active', p.name ?? 'Panellist', p.daysAgo ?? 0],
    );
    return id;
  }

  it('markDormant moves only active panellists last active before the cutoff, and answers their ids', async () => {
    const cutoff = new Date(Date.now() - 180 * 86_400_000);
    const [old, recent, paused] = [
      await panellist({ daysAgo: 200 }),
      await panellist({ daysAgo: 10 }),
      await panellist({ status: 'paused', daysAgo: 200 }),
    ];
    const moved = await t.dataSource.transaction((em) => panellists.markDormant(em, cutoff));
    expect(moved).toContain(old);
    expect(moved).not.toContain(recent);
    expect(moved).not.toContain(paused);
    const statuses = new Map((await panellists.statusesOf([old, recent, paused])).map((r) => [r.id, r.status]));
    expect(statuses).toEqual(
      new Map([
        [old, 'dormant'],
        [recent, 'active'],
        [paused, 'paused'],
      ]),
    );
  });

  it('the panel list searches display names (escaped) or the ids matched by e-mail, and leaves erased panellists out', async () => {
    const tag = uniqueKey('name');
    const [named, percent, byEmail] = [
      await panellist({ name: `Ann ${tag}` }),
      await panellist({ name: `50% ${tag}` }),
      await panellist({ name: 'Someone else' }),
    ];
    await panellist({ name: `Erased ${tag}`, status: 'erased' });
    const search = (pattern: string, emailIds: string[] = []) =>
      panellists.listPage({ search: { pattern, emailIds } }, { limit: 50 }).then((rows) => rows.map((p) => p.id).sort());
    expect(await search(`%${tag}%`)).toEqual([named, percent].sort());
    expect(await search(`%50\\% ${tag}%`)).toEqual([percent]);
    expect(await search(`%${tag}%`, [byEmail])).toEqual([named, percent, byEmail].sort());
  });

  it('addresses come with the panellist, erased panellists left out', async () => {
    const [kept, erased] = [await panellist({ name: 'Recipient' }), await panellist({ status: 'erased' })];
    for (const id of [kept, erased]) {
      await panellists.upsertAddress({
        panellistId: id,
        line1: '1 rue',
        line2: null,
        postalCode: '75001',
        city: 'Paris',
        country: 'FR',
        phone: null,
      });
    }
    const rows = await panellists.addressesWithPanellist([kept, erased, randomUUID()]);
    expect(rows.map((a) => [a.panellistId, a.panellist?.displayName, a.city])).toEqual([[kept, 'Recipient', 'Paris']]);
  });
});
