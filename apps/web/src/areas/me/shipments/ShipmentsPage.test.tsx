import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../../api/generated';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import type { Shipment } from '../shared/api';
import { ok, renderPage } from '../testing';
import { ShipmentsPage } from './ShipmentsPage';

vi.mock('../../../api/generated', () => ({
  shipmentsControllerMine: vi.fn(),
  shipmentsControllerAcceptNda: vi.fn(),
  shipmentsControllerReceived: vi.fn(),
}));

const mine = vi.mocked(sdk.shipmentsControllerMine);
const acceptNda = vi.mocked(sdk.shipmentsControllerAcceptNda);
const received = vi.mocked(sdk.shipmentsControllerReceived);

function shipment(over: Partial<Shipment> = {}, product: Partial<Shipment['product']> = {}): Shipment {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    studyId: 's',
    panellistId: 'p',
    product: {
      id: 'prod',
      sku: 'LAMP-1',
      name: 'Aurora desk lamp',
      description: null,
      requiresReturn: false,
      ndaRequired: true,
      ndaVersion: 'v2',
      ndaTerms: 'You will not disclose anything about the Aurora lamp.',
      usageDays: 14,
      ...product,
    },
    status: 'allocated',
    address: { recipientName: 'P', line1: 'x', line2: null, postalCode: '1', city: 'c', country: 'FR', phone: null },
    carrier: null,
    trackingNumber: null,
    readyToShip: false,
    ndaAcceptedAt: null,
    ndaVersion: null,
    shippedAt: null,
    deliveredAt: null,
    returnedAt: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...over,
  } as Shipment;
}

const page = (items: Shipment[]) => ok({ items, nextCursor: null }) as never;

beforeEach(() => {
  mine.mockReset();
  acceptNda.mockReset();
  received.mockReset();
});

describe('shipments: NDA acceptance', () => {
  it('shows the terms and version, gates the button on the checkbox, sends the version read, then shows the acceptance', async () => {
    mine.mockReturnValueOnce(page([shipment()]));
    renderPage(ShipmentsPage, 'en');
    expect(await screen.findByText('You will not disclose anything about the Aurora lamp.')).toBeTruthy();
    expect(screen.getByText('Version v2')).toBeTruthy();
    const button = screen.getByRole('button', { name: en.shipments.nda.accept });
    expect(button.hasAttribute('disabled')).toBe(true);

    mine.mockReturnValueOnce(page([shipment({ ndaAcceptedAt: '2026-12-07T09:00:00.000Z', ndaVersion: 'v2', readyToShip: true })]));
    acceptNda.mockReturnValueOnce(ok(shipment({ ndaAcceptedAt: '2026-12-07T09:00:00.000Z', ndaVersion: 'v2' })) as never);
    await userEvent.click(screen.getByRole('checkbox', { name: en.shipments.nda.checkbox }));
    expect(button.hasAttribute('disabled')).toBe(false);
    await userEvent.click(button);

    expect(acceptNda).toHaveBeenCalledTimes(1);
    expect(acceptNda.mock.calls[0][0]).toMatchObject({ path: { id: '11111111-1111-4111-8111-111111111111' }, body: { version: 'v2' } });
    expect(await screen.findByText('Agreement (version v2) accepted on December 7, 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.shipments.nda.accept })).toBeNull();
    expect(mine).toHaveBeenCalledTimes(2);
  });

  it('says a refused acceptance in the panellist’s language', async () => {
    mine.mockReturnValue(page([shipment()]));
    acceptNda.mockImplementationOnce(
      () =>
        Promise.reject({
          type: 'https://leadpanel.dev/problems/panellist-not-active',
          title: 'Forbidden',
          status: 403,
          detail: 'x',
        }) as never,
    );
    renderPage(ShipmentsPage, 'fr');
    await userEvent.click(await screen.findByRole('checkbox', { name: fr.shipments.nda.checkbox }));
    await userEvent.click(screen.getByRole('button', { name: fr.shipments.nda.accept }));
    expect((await screen.findByRole('alert')).textContent).toBe(fr.home.errors.notActive);
  });

  it('shows the steps, the tracking, and confirms "I received it"', async () => {
    const shipped = shipment(
      {
        status: 'shipped',
        carrier: 'Colissimo',
        trackingNumber: '6A123',
        ndaAcceptedAt: '2026-12-02T09:00:00.000Z',
        ndaVersion: 'v2',
        shippedAt: '2026-12-03T09:00:00.000Z',
      },
      {},
    );
    mine.mockReturnValueOnce(page([shipped]));
    renderPage(ShipmentsPage, 'en');
    const steps = await screen.findByRole('list', { name: en.shipments.stepsLabel });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['done', 'current', 'upcoming']);
    expect(items[1].getAttribute('aria-current')).toBe('step');
    expect(screen.getByText('6A123')).toBeTruthy();
    expect(screen.getByText('Colissimo')).toBeTruthy();

    mine.mockReturnValueOnce(page([{ ...shipped, status: 'delivered', deliveredAt: '2026-12-07T09:00:00.000Z' }]));
    received.mockReturnValueOnce(ok({ ...shipped, status: 'delivered' }) as never);
    await userEvent.click(screen.getByRole('button', { name: en.shipments.received.button }));
    expect(await screen.findByText(en.shipments.received.thanks)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: en.shipments.received.button })).toBeNull());
    expect(received.mock.calls[0][0]).toMatchObject({ path: { id: shipped.id } });
  });
});
