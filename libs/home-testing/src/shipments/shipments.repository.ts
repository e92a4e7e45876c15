import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import type { ShipmentStatus } from '../domain';
import { CarrierEventEntity, type CarrierEventOutcome } from '../carrier/carrier-event.entity';
import { ShipmentEventEntity } from './shipment-event.entity';
import { ShipmentEntity } from './shipment.entity';

export type NewShipment = Omit<
  ShipmentEntity,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'product'
  | 'status'
  | 'carrier'
  | 'trackingNumber'
  | 'ndaAcceptedAt'
  | 'ndaVersion'
  | 'shippedAt'
  | 'deliveredAt'
  | 'returnedAt'
>;
export type NewShipmentEvent = Omit<ShipmentEventEntity, 'id' | 'createdAt' | 'shipment'>;
export type NewCarrierEvent = Omit<CarrierEventEntity, 'receivedAt'>;

/** The only place that speaks TypeORM for shipments, their events and carrier events. */
@Injectable()
export class ShipmentsRepository {
  constructor(
    @InjectRepository(ShipmentEntity) private readonly shipments: Repository<ShipmentEntity>,
    @InjectRepository(ShipmentEventEntity) private readonly events: Repository<ShipmentEventEntity>,
  ) {}

  findById(id: string, em?: EntityManager): Promise<ShipmentEntity | null> {
    return (em ? em.getRepository(ShipmentEntity) : this.shipments).findOne({ where: { id }, relations: { product: true } });
  }

  /** Locks shipments in id order (two imports never deadlock), with their products (not locked). */
  async lockMany(em: EntityManager, ids: string[]): Promise<ShipmentEntity[]> {
    if (ids.length === 0) return [];
    const locked = await em
      .getRepository(ShipmentEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('s.id', 'ASC')
      .getMany();
    return this.withProducts(em, locked);
  }

  async lockByTracking(em: EntityManager, trackingNumber: string): Promise<ShipmentEntity | null> {
    const s = await em
      .getRepository(ShipmentEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.tracking_number = :trackingNumber', { trackingNumber })
      .getOne();
    return s ? (await this.withProducts(em, [s]))[0] : null;
  }

  private async withProducts(em: EntityManager, shipments: ShipmentEntity[]): Promise<ShipmentEntity[]> {
    if (shipments.length === 0) return shipments;
    const full = await em
      .getRepository(ShipmentEntity)
      .find({ where: { id: In(shipments.map((s) => s.id)) }, relations: { product: true } });
    const byId = new Map(full.map((s) => [s.id, s.product]));
    for (const s of shipments) s.product = byId.get(s.id);
    return shipments;
  }

  /** Panellists who already have a live (not cancelled) shipment of the product in the study. */
  async liveRecipients(em: EntityManager, studyId: string, productId: string): Promise<Set<string>> {
    const rows = await em.getRepository(ShipmentEntity).find({
      where: { studyId, productId, status: Not('cancelled') },
      select: { panellistId: true },
    });
    return new Set(rows.map((r) => r.panellistId));
  }

  /** Inserts allocated shipments and their first events; answers the new ids in the order given. */
  async insertAllocated(em: EntityManager, rows: NewShipment[], actorUserId: string): Promise<string[]> {
    if (rows.length === 0) return [];
    const ids: string[] = [];
    // chunks keep each INSERT well under PostgreSQL's 65,535 bind parameters
    for (let i = 0; i < rows.length; i += 1000) {
      const res = await em
        .createQueryBuilder()
        .insert()
        .into(ShipmentEntity)
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, status: 'allocated' as const })))
        .returning(['id'])
        .execute();
      ids.push(...(res.raw as Array<{ id: string }>).map((r) => r.id));
    }
    await this.insertEvents(
      em,
      ids.map((shipmentId) => ({
        shipmentId,
        fromStatus: null,
        toStatus: 'allocated',
        source: 'allocation',
        actorUserId,
        note: null,
        carrierEventId: null,
      })),
    );
    return ids;
  }

  async insertEvents(em: EntityManager, events: NewShipmentEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 1000) {
      await em
        .createQueryBuilder()
        .insert()
        .into(ShipmentEventEntity)
        .values(events.slice(i, i + 1000))
        .execute();
    }
  }

  async update(
    em: EntityManager,
    id: string,
    change: Partial<
      Pick<
        ShipmentEntity,
        'status' | 'carrier' | 'trackingNumber' | 'ndaAcceptedAt' | 'ndaVersion' | 'shippedAt' | 'deliveredAt' | 'returnedAt'
      >
    >,
  ): Promise<void> {
    await em.getRepository(ShipmentEntity).update({ id }, change);
  }

  /** Which shipment already carries each of these tracking numbers (tracking number → shipment id). */
  async trackingOwners(em: EntityManager, trackingNumbers: string[]): Promise<Map<string, string>> {
    if (trackingNumbers.length === 0) return new Map();
    const rows = await em
      .getRepository(ShipmentEntity)
      .find({ where: { trackingNumber: In(trackingNumbers) }, select: { id: true, trackingNumber: true } });
    return new Map(rows.map((r) => [r.trackingNumber!, r.id]));
  }

  listPage(studyId: string, status: ShipmentStatus | undefined, query: PageQueryDto): Promise<ShipmentEntity[]> {
    const qb = this.shipments.createQueryBuilder('s').leftJoinAndSelect('s.product', 'p').where('s.study_id = :studyId', { studyId });
    if (status) qb.andWhere('s.status = :status', { status });
    return applyKeyset(qb, 's', query).getMany();
  }

  /** Rows a warehouse packs: allocated or packed, oldest first. */
  toPack(studyId: string, productId?: string): Promise<ShipmentEntity[]> {
    return this.shipments.find({
      where: { studyId, status: In(['allocated', 'packed']), ...(productId ? { productId } : {}) },
      relations: { product: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  minePage(panellistId: string, query: PageQueryDto): Promise<ShipmentEntity[]> {
    const qb = this.shipments
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.product', 'p')
      .where('s.panellist_id = :panellistId', { panellistId });
    return applyKeyset(qb, 's', query).getMany();
  }

  eventsOf(shipmentId: string): Promise<ShipmentEventEntity[]> {
    return this.events.find({ where: { shipmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  byPanellist(panellistId: string): Promise<ShipmentEntity[]> {
    return this.shipments.find({ where: { panellistId }, relations: { product: true }, order: { createdAt: 'ASC' } });
  }

  /**
   * Records a carrier event once: answers false (nothing written) when the event id is
   * known. A concurrent delivery of the same event waits for the first and then finds it.
   */
  async recordCarrierEvent(em: EntityManager, event: NewCarrierEvent): Promise<boolean> {
    const res = await em.createQueryBuilder().insert().into(CarrierEventEntity).values(event).orIgnore().returning(['eventId']).execute();
    return (res.raw as unknown[]).length > 0;
  }

  async setCarrierOutcome(em: EntityManager, eventId: string, outcome: CarrierEventOutcome, shipmentId: string | null): Promise<void> {
    await em.getRepository(CarrierEventEntity).update({ eventId }, { outcome, shipmentId });
  }

  /** Ids of a panellist's shipments that have not left the warehouse. */
  async notShippedOf(em: EntityManager, panellistId: string): Promise<string[]> {
    const rows = await em
      .getRepository(ShipmentEntity)
      .find({ where: { panellistId, status: In(['allocated', 'packed']) }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Erasure: the copied address and phone are personal data; the shipment's facts stay for the study's numbers. */
  async eraseRecipient(em: EntityManager, panellistId: string): Promise<void> {
    await em
      .getRepository(ShipmentEntity)
      .update(
        { panellistId },
        { recipientName: '[erased]', addressLine1: '[erased]', addressLine2: null, postalCode: '-', city: '[erased]', phone: null },
      );
  }
}
