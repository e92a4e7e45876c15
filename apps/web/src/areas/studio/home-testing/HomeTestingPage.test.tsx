import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ShipmentDetailDto } from '../../../api/generated';
import type { HomeTestingApi, Product, Shipment, ShipmentStatus } from './api';
import { HomeTestingPage } from './HomeTestingPage';
import { problem, renderStudioPage, STUDY } from './testing';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const product = (over: Partial<Product> = {}): Product => ({
  id: 'p1',
  brandId: 'b1',
  sku: 'KTL-K2',
  name: 'Kettle K2',
  description: null,
  unitsInStock: 3,
  requiresReturn: false,
  ndaRequired: false,
  ndaVersion: null,
  ndaTerms: null,
  usageDays: 7,
  usageSurveyId: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const shipment = (id: string, name: string, status: ShipmentStatus): Shipment => ({
  id,
  studyId: STUDY.id,
  panellistId: `pan-${id}`,
  product: {
    id: 'p1',
    sku: 'KTL-K2',
    name: 'Kettle K2',
    description: null,
    requiresReturn: false,
    ndaRequired: false,
    ndaVersion: null,
    ndaTerms: null,
    usageDays: 7,
  },
  status,
  address: { recipientName: name, line1: '1 rue de la Paix', line2: null, postalCode: '75002', city: 'Paris', country: 'FR', phone: null },
  carrier: status === 'shipped' ? 'Colissimo' : null,
  trackingNumber: status === 'shipped' ? '6A123' : null,
  readyToShip: true,
  ndaAcceptedAt: null,
  ndaVersion: null,
  shippedAt: null,
  deliveredAt: null,
  returnedAt: null,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
});

function fakeApi(parcels: Shipment[] = []) {
  return {
    listProducts: vi.fn(async () => {
      await network();
      return { items: [product(), product({ id: 'p2', sku: 'MUG-1', name: 'Smart mug', unitsInStock: 10 })], nextCursor: null };
    }),
    createProduct: vi.fn(async () => {
      await network();
      return product();
    }),
    listMovements: vi.fn(async () => {
      await network();
      return { items: [], nextCursor: null };
    }),
    addMovement: vi.fn(async () => {
      await network();
      throw problem(409);
    }),
    allocate: vi.fn(async () => {
      await network();
      return { allocated: 3, shortfall: 2, missingAddress: 1, missingAddressPanellistIds: ['pan-without-address'], unitsInStock: 0 };
    }),
    pickList: vi.fn(async () => {
      await network();
      return new Blob(['x']);
    }),
    importTracking: vi.fn(async () => {
      await network();
      return {
        updated: 1,
        errors: [
          { row: 3, shipmentId: '00000000-0000-4000-8000-000000000000', reason: 'unknown_shipment' },
          { row: 4, shipmentId: 'sh-9', reason: 'not_shippable: the shipment is cancelled' },
        ],
      };
    }),
    listShipments: vi.fn(async (_studyId: string, status: ShipmentStatus | undefined) => {
      await network();
      return { items: parcels.filter((p) => !status || p.status === status), nextCursor: null };
    }),
    shipment: vi.fn(async (id: string) => {
      await network();
      const s = parcels.find((p) => p.id === id) as Shipment;
      const detail: ShipmentDetailDto = {
        ...s,
        events: [
          {
            // the API sends null for the first event (its DTO says nullable; the generated type lost it)
            from: null as unknown as ShipmentStatus,
            to: 'allocated' as const,
            source: 'allocation' as const,
            actorUserId: null,
            note: null,
            carrierEventId: null,
            at: '2026-12-02T10:00:00.000Z',
          },
          {
            from: 'allocated' as const,
            to: s.status,
            source: 'tracking_import' as const,
            actorUserId: null,
            note: null,
            carrierEventId: null,
            at: '2026-12-03T10:00:00.000Z',
          },
        ],
      };
      return detail;
    }),
    move: vi.fn(async (id: string, status: ShipmentStatus) => {
      await network();
      const s = parcels.find((p) => p.id === id) as Shipment;
      s.status = status;
      return s;
    }),
    usageSurveys: vi.fn(async () => {
      await network();
      return [
        {
          id: 'sv-usage',
          studyId: STUDY.id,
          kind: 'usage' as const,
          title: 'Kettle week one',
          points: null,
          status: 'published' as const,
          questionCount: 3,
          assigned: 0,
          submitted: 0,
          createdAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:00:00.000Z',
          publishedAt: '2026-12-01T10:00:00.000Z',
        },
      ];
    }),
  } satisfies HomeTestingApi;
}

// whole pages with dialogs: slower than the default 5 s when the machine is busy
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5000 });

describe('HomeTestingPage', () => {
  it('allocates the chosen product and shows what was allocated, the shortfall and the missing addresses', async () => {
    const api = fakeApi();
    renderStudioPage(() => <HomeTestingPage studyId={STUDY.id} api={api} />, 'en');
    expect(await screen.findByRole('rowheader', { name: 'Kettle K2' })).toBeTruthy();
    expect(api.listProducts).toHaveBeenCalledWith('b1', undefined);

    await userEvent.selectOptions(screen.getByLabelText('Product to allocate'), 'p2');
    await userEvent.click(screen.getByRole('button', { name: 'Allocate to participants' }));
    expect(api.allocate).toHaveBeenCalledWith(STUDY.id, 'p2');
    expect(await screen.findByText('Allocation of Smart mug done.')).toBeTruthy();
    const figures = screen.getByText('parcels allocated now').closest('ul') as HTMLElement;
    expect(within(figures).getByText('participants left without a unit (shortfall)').querySelector('strong')?.textContent).toBe('2');
    expect(within(figures).getByText('participant without an address').querySelector('strong')?.textContent).toBe('1');
    expect(screen.getByText('Stock ran out: add units, then allocate again to serve the 2 participants left.')).toBeTruthy();
    expect(screen.getByText('pan-without-address')).toBeTruthy();
  });

  it('creates a product with a usage survey picked among the study’s published ones', async () => {
    const api = fakeApi();
    renderStudioPage(() => <HomeTestingPage studyId={STUDY.id} api={api} />, 'en');
    await userEvent.type(await screen.findByLabelText('SKU'), 'KTL-K9');
    await userEvent.type(screen.getByLabelText('Name'), 'Kettle K9');
    await screen.findByRole('option', { name: 'Kettle week one' });
    await userEvent.selectOptions(screen.getByLabelText('Usage survey (optional)'), 'sv-usage');
    await userEvent.click(screen.getByRole('button', { name: 'Create the product' }));
    await waitFor(() => expect(api.createProduct).toHaveBeenCalledTimes(1));
    expect(api.usageSurveys).toHaveBeenCalledWith(STUDY.id);
    expect(api.createProduct).toHaveBeenCalledWith(
      expect.objectContaining({ sku: 'KTL-K9', name: 'Kettle K9', usageSurveyId: 'sv-usage' }),
    );
  });

  it('refuses a stock movement that would go below zero, in French', async () => {
    const api = fakeApi();
    renderStudioPage(() => <HomeTestingPage studyId={STUDY.id} api={api} />, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: 'Stock de Kettle K2' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Unités entrées ou sorties'), '-50');
    await userEvent.type(within(dialog).getByLabelText('Motif'), 'casse');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer le mouvement' }));
    expect(await within(dialog).findByText('Impossible : le stock passerait sous zéro.')).toBeTruthy();
    expect(api.addMovement).toHaveBeenCalledWith('p1', { delta: -50, reason: 'casse' });
  });

  it('imports a tracking file and reports each refused row with its reason, in French', async () => {
    const api = fakeApi();
    renderStudioPage(() => <HomeTestingPage studyId={STUDY.id} api={api} />, 'fr');
    await screen.findByRole('rowheader', { name: 'Kettle K2' });
    const csv = 'shipmentId,carrier,trackingNumber\nsh-1,Colissimo,6A1\n';
    await userEvent.upload(screen.getByLabelText('Fichier de suivi (CSV)'), new File([csv], 'suivi.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Importer le fichier' }));
    expect(await screen.findByText('suivi.csv : 1 colis passé à « expédié ».')).toBeTruthy();
    expect(api.importTracking).toHaveBeenCalledWith(STUDY.id, csv);
    expect(screen.getByText('2 lignes ont été refusées :')).toBeTruthy();
    const row3 = screen.getByRole('rowheader', { name: '3' }).closest('tr') as HTMLElement;
    expect(within(row3).getByText('Aucun colis de ce nom dans l’étude')).toBeTruthy();
    const row4 = screen.getByRole('rowheader', { name: '4' }).closest('tr') as HTMLElement;
    expect(within(row4).getByText('Envoi impossible : le colis est Annulé')).toBeTruthy();
  });

  it('shows the parcels of one status, a parcel’s history and moves it on', async () => {
    const api = fakeApi([shipment('sh-1', 'Ada Lovelace', 'allocated'), shipment('sh-2', 'Grace Hopper', 'shipped')]);
    renderStudioPage(() => <HomeTestingPage studyId={STUDY.id} api={api} />, 'en');
    expect(await screen.findByRole('rowheader', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Grace Hopper' })).toBeTruthy();

    const filter = screen.getByRole('list', { name: 'Show parcels by status' });
    await userEvent.click(within(filter).getByRole('button', { name: 'Shipped' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Ada Lovelace' })).toBeNull());
    expect(api.listShipments).toHaveBeenLastCalledWith(STUDY.id, 'shipped', undefined);
    expect(screen.getByRole('rowheader', { name: 'Grace Hopper' })).toBeTruthy();
    expect(within(filter).getByRole('button', { name: 'Shipped' }).getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(screen.getByRole('button', { name: 'History of the parcel to Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Parcel to Grace Hopper' });
    expect(await within(dialog).findByText(/created as Allocated/)).toBeTruthy();
    expect(within(dialog).getByText(/Allocated → Shipped/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Mark as Packed' })).toBeNull();
    // a final move is said before it is done; cancelling it changes nothing
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark as Lost' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Mark this parcel as lost?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.move).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark as Delivered' }));
    expect(api.move).toHaveBeenCalledWith('sh-2', 'delivered');
  });
});
