import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, OutboxService, toPage, ValidationError, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { PanellistsService, PersonalDataRegistry } from '@leadpanel/panel';
import { StudiesService, StudyDirectory } from '@leadpanel/studies';
import type { ShipmentStatus } from '../domain';
import { HomeTestingError } from '../home-testing.errors';
import { ProductsRepository } from '../products/products.repository';
import type { AllocationResultDto, ShipmentDetailDto, ShipmentResponseDto } from './dto/shipment.dto';
import { toShipmentView } from './dto/shipment-view.mapper';
import type { ShipmentEntity } from './shipment.entity';
import { ShipmentMovesService } from './shipment-moves.service';
import { ShipmentsRepository } from './shipments.repository';

/**
 * A study's shipments as the researcher sees them, and their part of a panellist's personal
 * data. Moves go through ShipmentMovesService; the warehouse's side is
 * ShipmentFulfilmentService, the participant's MyShipmentsService.
 */
@Injectable()
export class ShipmentsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly products: ProductsRepository,
    private readonly moves: ShipmentMovesService,
    private readonly studies: StudiesService,
    private readonly directory: StudyDirectory,
    private readonly panellists: PanellistsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.personalData.registerExport('shipments', async (panellistId) =>
      (await this.shipments.byPanellist(panellistId)).map((s) => {
        const { panellistId: _, ...view } = toShipmentView(s);
        return view;
      }),
    );
    this.personalData.registerErasure('shipments', (em, panellistId) => this.eraseRecipient(em, panellistId));
  }

  /**
   * One shipment of the product for each enrolled participant who has an address and
   * no live shipment of it in this study, in order of enrolment, while stock lasts.
   * The product row is locked for the whole allocation, so concurrent allocations
   * (of this study or any other) take stock one after the other and never oversell.
   */
  async allocate(actor: AuthUser, studyId: string, productId: string): Promise<AllocationResultDto> {
    const study = await this.studies.visible(actor, studyId);
    if (study.status === 'closed') throw new HomeTestingError('STUDY_CLOSED', 'The study is closed');
    const result = await this.dataSource.transaction(async (em) => {
      const product = await this.products.lock(em, productId);
      if (!product) throw new HomeTestingError('PRODUCT_NOT_FOUND', 'Product was not found');
      if (product.brandId !== study.brandId) {
        throw new HomeTestingError('PRODUCT_OF_OTHER_BRAND', 'The product belongs to another brand than the study');
      }
      const enrolled = await this.directory.enrolledIds(study.id, em);
      const served = await this.shipments.liveRecipients(em, study.id, product.id);
      // an erased panellist stays an enrolled participant of the study's numbers, but has no one to ship to or to ask
      const present = new Set((await this.panellists.factsOfMany(enrolled, em)).map((f) => f.id));
      const candidates = enrolled.filter((id) => present.has(id) && !served.has(id));
      const addresses = await this.panellists.addressesOf(candidates, em);
      const withAddress = candidates.filter((id) => addresses.has(id));
      const missing = candidates.filter((id) => !addresses.has(id));
      const chosen = withAddress.slice(0, product.unitsInStock);
      const ids = await this.shipments.insertAllocated(
        em,
        chosen.map((panellistId) => {
          const a = addresses.get(panellistId)!;
          return {
            studyId: study.id,
            productId: product.id,
            panellistId,
            recipientName: a.recipientName,
            addressLine1: a.line1,
            addressLine2: a.line2,
            postalCode: a.postalCode,
            city: a.city,
            country: a.country,
            phone: a.phone,
          };
        }),
        actor.id,
      );
      if (ids.length > 0) {
        await this.products.move(em, product, {
          delta: -ids.length,
          kind: 'allocation',
          reason: `allocated to ${ids.length} participant(s) of study ${study.id}`,
          studyId: study.id,
          shipmentId: null,
          actorUserId: actor.id,
        });
      }
      await this.audit.record(
        {
          action: 'shipments.allocated',
          targetType: 'study',
          targetId: study.id,
          // addresses were read and copied: the audit says how many, never which
          data: {
            productId: product.id,
            allocated: ids.length,
            shortfall: withAddress.length - chosen.length,
            missingAddress: missing.length,
          },
        },
        em,
      );
      return {
        allocated: ids.length,
        shortfall: withAddress.length - chosen.length,
        missingAddress: missing.length,
        missingAddressPanellistIds: missing,
        unitsInStock: product.unitsInStock,
      };
    });
    return result;
  }

  async list(actor: AuthUser, studyId: string, query: PageQueryDto & { status?: ShipmentStatus }): Promise<Page<ShipmentResponseDto>> {
    const study = await this.studies.visible(actor, studyId);
    const rows = await this.shipments.listPage(study.id, query.status, query);
    return toPage(rows, query, toShipmentView, (s) => s.createdAt);
  }

  async detail(actor: AuthUser, id: string): Promise<ShipmentDetailDto> {
    const s = await this.researcherShipment(actor, id);
    const events = await this.shipments.eventsOf(s.id);
    return {
      ...toShipmentView(s),
      events: events.map((e) => ({
        from: e.fromStatus,
        to: e.toStatus,
        source: e.source,
        actorUserId: e.actorUserId,
        note: e.note,
        carrierEventId: e.carrierEventId,
        at: e.createdAt,
      })),
    };
  }

  /** A researcher's move: legal transitions only (409), the NDA gate on shipped, a note kept on the event. */
  async update(
    actor: AuthUser,
    id: string,
    input: { status: ShipmentStatus; note?: string; carrier?: string; trackingNumber?: string },
  ): Promise<ShipmentResponseDto> {
    if ((input.carrier !== undefined || input.trackingNumber !== undefined) && input.status !== 'shipped') {
      throw new ValidationError('carrier and trackingNumber go with status shipped', [
        { field: input.carrier !== undefined ? 'carrier' : 'trackingNumber', message: 'only with status shipped' },
      ]);
    }
    if ((input.carrier === undefined) !== (input.trackingNumber === undefined)) {
      throw new ValidationError('Give carrier and trackingNumber together', [
        { field: input.carrier === undefined ? 'carrier' : 'trackingNumber', message: 'give carrier and trackingNumber together' },
      ]);
    }
    const found = await this.researcherShipment(actor, id);
    const view = await this.dataSource.transaction(async (em) => {
      const [s] = await this.shipments.lockMany(em, [found.id]);
      if (input.trackingNumber !== undefined) {
        const owner = (await this.shipments.trackingOwners(em, [input.trackingNumber])).get(input.trackingNumber);
        if (owner && owner !== s.id)
          throw new HomeTestingError('TRACKING_NUMBER_TAKEN', 'Another shipment already has this tracking number');
      }
      await this.moves.applyMove(em, s, input.status, {
        source: 'researcher',
        actorUserId: actor.id,
        note: input.note?.trim() || null,
        tracking: input.carrier !== undefined ? { carrier: input.carrier, trackingNumber: input.trackingNumber! } : undefined,
      });
      await this.audit.record(
        { action: 'shipment.status_changed', targetType: 'shipment', targetId: s.id, data: { to: input.status } },
        em,
      );
      return toShipmentView((await this.shipments.findById(s.id, em))!);
    });
    this.outbox.nudge();
    return view;
  }

  /** Erasure: parcels not yet shipped are cancelled (stock back); every address copy is blanked. */
  private async eraseRecipient(em: EntityManager, panellistId: string): Promise<void> {
    for (const s of await this.shipments.lockMany(em, await this.shipments.notShippedOf(em, panellistId))) {
      await this.moves.applyMove(em, s, 'cancelled', { source: 'researcher', actorUserId: null, note: 'panellist erased' });
    }
    await this.shipments.eraseRecipient(em, panellistId);
  }

  private async researcherShipment(actor: AuthUser, id: string): Promise<ShipmentEntity> {
    const s = await this.shipments.findById(id);
    if (!s) throw new HomeTestingError('SHIPMENT_NOT_FOUND', 'Shipment was not found');
    await this.studies.visible(actor, s.studyId);
    return s;
  }
}
