import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CarrierEventStatus } from '../domain';

export const CARRIER_EVENT_OUTCOMES = ['applied', 'recorded', 'unmatched', 'nda_pending'] as const;
/**
 * - applied: the shipment moved;
 * - recorded: matched a shipment but caused no move (exception, already there, not a legal move);
 * - unmatched: no shipment has that tracking number (kept: the import may come later, staff look);
 * - nda_pending: `in_transit` for an NDA product whose NDA is not accepted: not shipped, for staff.
 */
export type CarrierEventOutcome = (typeof CARRIER_EVENT_OUTCOMES)[number];

/** Every authentic carrier webhook call, once per `eventId` (the primary key is the deduplication). */
@Entity('carrier_events')
@Index('IDX_carrier_events_tracking', ['trackingNumber'])
export class CarrierEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 200 })
  eventId: string;

  @Column({ name: 'tracking_number', type: 'varchar', length: 100 })
  trackingNumber: string;

  @Column({ type: 'varchar', length: 20 })
  status: CarrierEventStatus;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: CarrierEventOutcome;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt: Date;
}
