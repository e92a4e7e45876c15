import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, OutboxService } from '@leadpanel/platform';
import { canMove, isShipmentStatus, returnsStock, type ShipmentStatus } from '../domain';
import { HomeTestingError } from '../home-testing.errors';
import { homeTestingJobs, SHIPMENT_SENT_JOB, USAGE_SURVEY_JOB } from '../jobs/shipment-jobs';
import { ProductsRepository } from '../products/products.repository';
import type { ShipmentEventSource } from './shipment-event.entity';
import type { ShipmentEntity } from './shipment.entity';
import { ShipmentsRepository } from './shipments.repository';

const DAY = 86_400_000;

export interface MoveContext {
  source: ShipmentEventSource;
  actorUserId: string | null;
  note?: string | null;
  carrierEventId?: string | null;
  /** when it happened (a carrier's occurredAt); now by default */
  at?: Date;
  tracking?: { carrier: string; trackingNumber: string };
}

/**
 * The transition engine: every status change of a shipment (researcher, panellist,
 * tracking import, carrier webhook, erasure) goes through `applyMove`: the transition
 * table, the NDA gate, the event row, stock coming back, and the jobs a move causes, in
 * the caller's transaction.
 */
@Injectable()
export class ShipmentMovesService {
  constructor(
    private readonly shipments: ShipmentsRepository,
    private readonly products: ProductsRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * The one way a shipment changes status, on a row the caller holds locked (with its
   * product). The usage survey is deduplicated: once per shipment, however often it is
   * delivered.
   */
  async applyMove(em: EntityManager, s: ShipmentEntity, to: ShipmentStatus, ctx: MoveContext): Promise<void> {
    const from = s.status;
    const product = s.product!;
    if (!isShipmentStatus(to) || !canMove(from, to)) {
      throw new HomeTestingError('ILLEGAL_TRANSITION', `A shipment cannot go from ${from} to ${to}`);
    }
    if (to === 'shipped' && product.ndaRequired && !s.ndaAcceptedAt) {
      throw new HomeTestingError('NDA_NOT_ACCEPTED', 'The participant has not accepted the NDA: the product cannot ship yet');
    }
    const now = this.clock.now();
    // the carrier's time unless it is in the future; it may come before shippedAt when the
    // tracking import was late: the carrier knows when the parcel arrived, we keep its word
    const at = ctx.at && ctx.at.getTime() < now.getTime() ? ctx.at : now;
    const change: Parameters<ShipmentsRepository['update']>[2] = { status: to };
    if (to === 'shipped') {
      change.shippedAt = at;
      if (ctx.tracking) Object.assign(change, ctx.tracking);
    }
    if (to === 'delivered') change.deliveredAt = at;
    if (to === 'returned') change.returnedAt = at;
    await this.shipments.update(em, s.id, change);
    Object.assign(s, change);
    await this.shipments.insertEvents(em, [
      {
        shipmentId: s.id,
        fromStatus: from,
        toStatus: to,
        source: ctx.source,
        actorUserId: ctx.actorUserId,
        note: ctx.note ?? null,
        carrierEventId: ctx.carrierEventId ?? null,
      },
    ]);
    if (returnsStock(from, to, product.requiresReturn)) {
      const locked = await this.products.lock(em, product.id);
      await this.products.move(em, locked!, {
        delta: 1,
        kind: to === 'cancelled' ? 'cancellation' : 'return',
        reason: to === 'cancelled' ? 'shipment cancelled' : 'unit returned',
        studyId: s.studyId,
        shipmentId: s.id,
        actorUserId: ctx.actorUserId,
      });
    }
    if (to === 'shipped') {
      await this.outbox.add(
        em,
        homeTestingJobs.message(SHIPMENT_SENT_JOB, { shipmentId: s.id }, { dedupeKey: `shipment-sent:${s.id}`, subjectId: s.panellistId }),
      );
    }
    if (to === 'delivered' && product.usageSurveyId) {
      await this.outbox.add(
        em,
        homeTestingJobs.message(
          USAGE_SURVEY_JOB,
          { shipmentId: s.id },
          { availableAt: new Date(at.getTime() + product.usageDays * DAY), dedupeKey: `usage-survey:${s.id}`, subjectId: s.panellistId },
        ),
      );
    }
  }
}
