import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, Clock, OutboxService, toPage, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { ActivePanellistCheck } from '@leadpanel/panel';
import { HomeTestingError } from '../home-testing.errors';
import type { ShipmentResponseDto } from './dto/shipment.dto';
import { toShipmentView } from './dto/shipment-view.mapper';
import type { ShipmentEntity } from './shipment.entity';
import { ShipmentMovesService } from './shipment-moves.service';
import { ShipmentsRepository } from './shipments.repository';

/** The participant's side: their own shipments, the product's NDA, and saying the parcel arrived. */
@Injectable()
export class MyShipmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly moves: ShipmentMovesService,
    private readonly active: ActivePanellistCheck,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** A panellist's own shipments (another's are never listed), newest first. */
  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<ShipmentResponseDto>> {
    return toPage(await this.shipments.minePage(user.id, query), query, toShipmentView, (s) => s.createdAt);
  }

  /**
   * The panellist accepts the product's NDA: recorded with time and version, once
   * (accepting again answers the first acceptance). 422 when the product needs no NDA,
   * 409 when the shipment was cancelled or the version read is not the current one.
   */
  async acceptNda(user: AuthUser, id: string, version?: string): Promise<ShipmentResponseDto> {
    const found = await this.ownShipment(user, id);
    return this.dataSource.transaction(async (em) => {
      const [s] = await this.shipments.lockMany(em, [found.id]);
      const product = s.product!;
      if (!product.ndaRequired) throw new HomeTestingError('NDA_NOT_REQUIRED', 'This product needs no NDA');
      if (s.ndaAcceptedAt) return toShipmentView(s);
      if (s.status === 'cancelled') throw new HomeTestingError('ILLEGAL_TRANSITION', 'The shipment was cancelled');
      if (version !== undefined && version !== product.ndaVersion) {
        throw new HomeTestingError('NDA_VERSION_CHANGED', `The NDA is now version ${product.ndaVersion}: read it again`);
      }
      const at = this.clock.now();
      await this.shipments.update(em, s.id, { ndaAcceptedAt: at, ndaVersion: product.ndaVersion });
      await this.audit.record(
        {
          action: 'shipment.nda_accepted',
          targetType: 'shipment',
          targetId: s.id,
          data: { productId: product.id, version: product.ndaVersion },
        },
        em,
      );
      return toShipmentView((await this.shipments.findById(s.id, em))!);
    });
  }

  /**
   * The panellist says the parcel arrived: shipped → delivered. Saying it again (or
   * after a return began) changes nothing and answers 200; before the parcel was
   * shipped it is a 409 NOT_YET_SHIPPED.
   */
  async received(user: AuthUser, id: string): Promise<ShipmentResponseDto> {
    const found = await this.ownShipment(user, id);
    const view = await this.dataSource.transaction(async (em) => {
      const [s] = await this.shipments.lockMany(em, [found.id]);
      if (s.status === 'delivered' || s.status === 'return_requested' || s.status === 'returned') return toShipmentView(s);
      if (s.status === 'allocated' || s.status === 'packed')
        throw new HomeTestingError('NOT_YET_SHIPPED', 'The parcel has not been shipped yet');
      await this.moves.applyMove(em, s, 'delivered', { source: 'panellist', actorUserId: user.id });
      return toShipmentView((await this.shipments.findById(s.id, em))!);
    });
    this.outbox.nudge();
    return view;
  }

  /** The caller's own shipment (404 otherwise), for a change by the caller: who must still take part (403 otherwise). */
  private async ownShipment(user: AuthUser, id: string): Promise<ShipmentEntity> {
    const s = await this.shipments.findById(id);
    if (!s || s.panellistId !== user.id) throw new HomeTestingError('SHIPMENT_NOT_FOUND', 'Shipment was not found');
    await this.active.assertActive(user.id);
    return s;
  }
}
