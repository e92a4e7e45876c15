import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ShipmentStatus } from '../domain';
import { ShipmentEntity } from './shipment.entity';

export const SHIPMENT_EVENT_SOURCES = ['allocation', 'researcher', 'tracking_import', 'carrier', 'panellist'] as const;
export type ShipmentEventSource = (typeof SHIPMENT_EVENT_SOURCES)[number];

/** Append-only history of a shipment: every status change, who or what caused it, and when. */
@Entity('shipment_events')
@Index('IDX_shipment_events_shipment', ['shipmentId', 'createdAt'])
export class ShipmentEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  /** null for the allocation that created the shipment */
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: ShipmentStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: ShipmentStatus;

  @Column({ type: 'varchar', length: 20 })
  source: ShipmentEventSource;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** the carrier event that caused it, for source `carrier` */
  @Column({ name: 'carrier_event_id', type: 'varchar', length: 200, nullable: true })
  carrierEventId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
