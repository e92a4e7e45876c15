import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  JobRegistry,
  MailService,
  OutboxService,
  toPage,
  ValidationError,
  type AppConfig,
  type AuthUser,
  type Page,
  type PageQueryDto,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { ActivePanellistCheck, PanellistsService, PersonalDataRegistry } from '@leadpanel/panel';
import { StudiesService, StudyDirectory } from '@leadpanel/studies';
import { AssignmentsService } from '@leadpanel/responses';
import { canMove, csvDocument, isShipmentStatus, readTrackingImport, returnsStock, type ShipmentStatus } from '../domain';
import { HomeTestingError } from '../home-testing.errors';
import { ProductsRepository } from '../products/products.repository';
import type { AllocationResultDto, ShipmentDetailDto, ShipmentResponseDto, TrackingResultDto } from './dto/shipment.dto';
import type { ShipmentEventSource } from './shipment-event.entity';
import type { ShipmentEntity } from './shipment.entity';
import { ShipmentsRepository } from './shipments.repository';

export const SHIPMENT_SENT_JOB = 'home-testing.shipment-sent';
export const USAGE_SURVEY_JOB = 'home-testing.usage-survey';
/** a usage survey is due this long after it appears */
export const USAGE_SURVEY_DUE_DAYS = 7;
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

export function toShipmentView(s: ShipmentEntity): ShipmentResponseDto {
  const p = s.product!;
  return {
    id: s.id,
    studyId: s.studyId,
    panellistId: s.panellistId,
    product: {
      id: p.id,
      sku: p.sku,
      name: p.name,
      description: p.description,
      requiresReturn: p.requiresReturn,
      ndaRequired: p.ndaRequired,
      ndaVersion: p.ndaVersion,
      ndaTerms: p.ndaTerms,
      usageDays: p.usageDays,
    },
    status: s.status,
    address: {
      recipientName: s.recipientName,
      line1: s.addressLine1,
      line2: s.addressLine2,
      postalCode: s.postalCode,
      city: s.city,
      country: s.country,
      phone: s.phone,
    },
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    readyToShip: !p.ndaRequired || s.ndaAcceptedAt !== null,
    ndaAcceptedAt: s.ndaAcceptedAt,
    ndaVersion: s.ndaVersion,
    shippedAt: s.shippedAt,
    deliveredAt: s.deliveredAt,
    returnedAt: s.returnedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

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

/**
 * Shipments of product samples to study participants: allocation against stock,
 * the pick list and tracking import for the warehouse, researcher moves, the
 * panellist's NDA and receipt, and what delivery sets off (the usage survey).
 * Every status change goes through `applyMove`: the transition table, the NDA gate,
 * the event row, stock coming back, and the jobs a move causes, in the caller's
 * transaction.
 */
@Injectable()
export class ShipmentsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly products: ProductsRepository,
    private readonly studies: StudiesService,
    private readonly directory: StudyDirectory,
    private readonly panellists: PanellistsService,
    private readonly active: ActivePanellistCheck,
    private readonly users: UsersService,
    private readonly assignments: AssignmentsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register<{ shipmentId: string }>(SHIPMENT_SENT_JOB, ({ shipmentId }) => this.tellShipped(shipmentId));
    this.registry.register<{ shipmentId: string }>(USAGE_SURVEY_JOB, ({ shipmentId }) => this.assignUsageSurvey(shipmentId));
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
   * Tracking numbers from the warehouse, as a JSON array or CSV text: each good row
   * moves an allocated or packed shipment of this study to shipped with its carrier
   * and tracking number; each bad row is reported with its reason and changes
   * nothing. A row already applied (same shipment, same tracking number) is skipped
   * quietly, so a re-sent file does no harm; a shipment shipped by hand without a
   * tracking number gets the row's number (and counts as updated). A file that cannot be read at all
   * (not an array, no header, too many rows) is a 400.
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
        await this.applyMove(em, s, 'shipped', {
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
      await this.applyMove(em, s, input.status, {
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
      await this.applyMove(em, s, 'delivered', { source: 'panellist', actorUserId: user.id });
      return toShipmentView((await this.shipments.findById(s.id, em))!);
    });
    this.outbox.nudge();
    return view;
  }

  /**
   * The one way a shipment changes status, on a row the caller holds locked (with its
   * product): 409 for a move outside the table or a shipment of an NDA product whose
   * NDA is not accepted; then the event, the stock, and the jobs: the "shipped"
   * e-mail, the usage survey `usageDays` after delivery (deduplicated: once per
   * shipment, however often it is delivered).
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
      await this.outbox.add(em, {
        topic: SHIPMENT_SENT_JOB,
        payload: { shipmentId: s.id },
        dedupeKey: `shipment-sent:${s.id}`,
        subjectId: s.panellistId,
      });
    }
    if (to === 'delivered' && product.usageSurveyId) {
      await this.outbox.add(em, {
        topic: USAGE_SURVEY_JOB,
        payload: { shipmentId: s.id },
        availableAt: new Date(at.getTime() + product.usageDays * DAY),
        dedupeKey: `usage-survey:${s.id}`,
        subjectId: s.panellistId,
      });
    }
  }

  /** Job: the "your sample is on its way" e-mail, once per shipment. */
  async tellShipped(shipmentId: string): Promise<void> {
    const s = await this.shipments.findById(shipmentId);
    if (!s || s.status === 'cancelled') return;
    const facts = (await this.panellists.factsOfMany([s.panellistId]))[0];
    const to = (await this.users.emailsByIds([s.panellistId])).get(s.panellistId);
    const study = await this.directory.study(s.studyId);
    if (!facts || !to || !study) return;
    await this.dataSource.transaction(async (em) => {
      await this.mail.enqueue(em, {
        template: 'shipment-sent',
        locale: facts.locale,
        to,
        userId: s.panellistId,
        data: {
          displayName: facts.displayName,
          productName: s.product!.name,
          studyTitle: study.title,
          carrier: s.carrier ?? '—',
          trackingNumber: s.trackingNumber ?? '—',
          shipmentsUrl: `${this.config.http.publicBaseUrl}/me/shipments`,
        },
        dedupeKey: `shipment-sent-mail:${s.id}`,
      });
    });
    this.outbox.nudge();
  }

  /** Job: the product's usage survey for the participant, due a week after it appears. */
  async assignUsageSurvey(shipmentId: string): Promise<void> {
    const s = await this.shipments.findById(shipmentId);
    if (!s?.product?.usageSurveyId) return;
    await this.assignments.assignUsageSurvey({
      surveyId: s.product.usageSurveyId,
      studyId: s.studyId,
      panellistId: s.panellistId,
      dueAt: new Date(this.clock.now().getTime() + USAGE_SURVEY_DUE_DAYS * DAY),
    });
  }

  /** Erasure: parcels not yet shipped are cancelled (stock back); every address copy is blanked. */
  private async eraseRecipient(em: EntityManager, panellistId: string): Promise<void> {
    for (const s of await this.shipments.lockMany(em, await this.shipments.notShippedOf(em, panellistId))) {
      await this.applyMove(em, s, 'cancelled', { source: 'researcher', actorUserId: null, note: 'panellist erased' });
    }
    await this.shipments.eraseRecipient(em, panellistId);
  }

  private async researcherShipment(actor: AuthUser, id: string): Promise<ShipmentEntity> {
    const s = await this.shipments.findById(id);
    if (!s) throw new HomeTestingError('SHIPMENT_NOT_FOUND', 'Shipment was not found');
    await this.studies.visible(actor, s.studyId);
    return s;
  }

  /** The caller's own shipment (404 otherwise), for a change by the caller: who must still take part (403 otherwise). */
  private async ownShipment(user: AuthUser, id: string): Promise<ShipmentEntity> {
    const s = await this.shipments.findById(id);
    if (!s || s.panellistId !== user.id) throw new HomeTestingError('SHIPMENT_NOT_FOUND', 'Shipment was not found');
    await this.active.assertActive(user.id);
    return s;
  }
}
