import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, OutboxService, type AuthUser } from '@leadpanel/platform';
import { StudiesService } from '@leadpanel/studies';
import { csvDocument, readTrackingImport } from '../domain';
import type { TrackingResultDto } from './dto/shipment.dto';
import { toShipmentView } from './dto/shipment-view.mapper';
import { ShipmentMovesService } from './shipment-moves.service';
import { ShipmentsRepository } from './shipments.repository';

export const PICK_LIST_HEADER = [
  'shipmentId',
  'status',
  'sku',
  'productName',
  'readyToShip',
  'recipientName',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'phone',
  'carrier',
  'trackingNumber',
] as const;

/** The warehouse's side of a study's shipments: the pick list out, tracking numbers in. */
@Injectable()
export class ShipmentFulfilmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly moves: ShipmentMovesService,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The warehouse's pick list: allocated and packed shipments with their address copies, as CSV (formula-safe). */
  async pickList(actor: AuthUser, studyId: string, productId?: string): Promise<string> {
    const study = await this.studies.visible(actor, studyId);
    const rows = await this.shipments.toPack(study.id, productId);
    await this.audit.record({
      action: 'shipments.pick_list_exported',
      targetType: 'study',
      targetId: study.id,
      data: { rows: rows.length, productId: productId ?? null },
    });
    return csvDocument(
      PICK_LIST_HEADER,
      rows.map((s) => {
        const v = toShipmentView(s);
        return [
          v.id,
          v.status,
          v.product.sku,
          v.product.name,
          v.readyToShip ? 'yes' : 'no (NDA not accepted)',
          v.address.recipientName,
          v.address.line1,
          v.address.line2,
          v.address.postalCode,
          v.address.city,
          v.address.country,
          v.address.phone,
          v.carrier,
          v.trackingNumber,
        ];
      }),
      { bom: true },
    );
  }

  /**
   * Tracking numbers from the warehouse, as a JSON array or CSV text. A row already applied
   * (same shipment, same tracking number) is skipped quietly, so a re-sent file does no
   * harm; a shipment shipped by hand without a tracking number gets the row's number.
   */
  async importTracking(actor: AuthUser, studyId: string, body: unknown, contentType: string | undefined): Promise<TrackingResultDto> {
    const { rows, errors } = readTrackingImport(body, contentType);
    const study = await this.studies.visible(actor, studyId);
    const result = await this.dataSource.transaction(async (em) => {
      const locked = await this.shipments.lockMany(
        em,
        rows.map((r) => r.shipmentId.toLowerCase()),
      );
      const byId = new Map(locked.map((s) => [s.id, s]));
      const owners = await this.shipments.trackingOwners(
        em,
        rows.map((r) => r.trackingNumber),
      );
      const seenShipments = new Set<string>();
      const seenTracking = new Map<string, string>();
      let updated = 0;
      for (const r of rows) {
        const fail = (reason: string): void => {
          errors.push({ row: r.row, ...(r.shipmentId ? { shipmentId: r.shipmentId } : {}), reason });
        };
        const id = r.shipmentId.toLowerCase();
        const s = byId.get(id);
        if (!s || s.studyId !== study.id) {
          fail('unknown_shipment');
          continue;
        }
        if (seenShipments.has(id)) {
          fail('duplicate_shipment');
          continue;
        }
        seenShipments.add(id);
        const otherInFile = seenTracking.get(r.trackingNumber);
        const owner = owners.get(r.trackingNumber);
        if ((otherInFile && otherInFile !== id) || (owner && owner !== id)) {
          fail('tracking_number_taken');
          continue;
        }
        seenTracking.set(r.trackingNumber, id);
        if (s.trackingNumber === r.trackingNumber && s.status !== 'allocated' && s.status !== 'packed') continue; // applied before
        if (s.status === 'shipped' && s.trackingNumber === null) {
          // shipped by hand without a number: the file brings it (no move, no second e-mail)
          await this.shipments.update(em, s.id, { carrier: r.carrier, trackingNumber: r.trackingNumber });
          Object.assign(s, { carrier: r.carrier, trackingNumber: r.trackingNumber });
          updated++;
          continue;
        }
        if (s.status !== 'allocated' && s.status !== 'packed') {
          fail(`not_shippable: the shipment is ${s.status}`);
          continue;
        }
        if (s.product!.ndaRequired && !s.ndaAcceptedAt) {
          fail('nda_not_accepted');
          continue;
        }
        await this.moves.applyMove(em, s, 'shipped', {
          source: 'tracking_import',
          actorUserId: actor.id,
          tracking: { carrier: r.carrier, trackingNumber: r.trackingNumber },
        });
        updated++;
      }
      await this.audit.record(
        { action: 'shipments.tracking_imported', targetType: 'study', targetId: study.id, data: { updated, errors: errors.length } },
        em,
      );
      return { updated, errors: errors.sort((a, b) => a.row - b.row) };
    });
    this.outbox.nudge();
    return result;
  }
}
