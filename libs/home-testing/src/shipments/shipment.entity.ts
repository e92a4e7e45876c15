import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ShipmentStatus } from '../domain';
import { ProductEntity } from '../products/product.entity';

/**
 * One product sample on its way to (and maybe back from) one participant of a study.
 * The address is a copy taken at allocation: a panellist who moves later does not
 * redirect a parcel already packed. At most one live (not cancelled) shipment per
 * study, product and panellist; a cancelled one may be allocated again.
 * `study_id` and `panellist_id` carry no foreign key (other contexts' tables).
 */
@Entity('shipments')
@Index('UQ_shipments_live', ['studyId', 'productId', 'panellistId'], { unique: true, where: `"status" <> 'cancelled'` })
@Index('UQ_shipments_tracking', ['trackingNumber'], { unique: true, where: `"tracking_number" IS NOT NULL` })
@Index('IDX_shipments_study_status', ['studyId', 'status', 'createdAt'])
@Index('IDX_shipments_panellist', ['panellistId', 'createdAt'])
export class ShipmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ type: 'varchar', length: 20 })
  status: ShipmentStatus;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200 })
  recipientName: string;

  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  addressLine1: string;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 20 })
  postalCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  carrier: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 100, nullable: true })
  trackingNumber: string | null;

  @Column({ name: 'nda_accepted_at', type: 'timestamptz', nullable: true })
  ndaAcceptedAt: Date | null;

  @Column({ name: 'nda_version', type: 'varchar', length: 50, nullable: true })
  ndaVersion: string | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
