import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PanellistEntity } from './panellist.entity';

/** Shipping address: PII kept apart from the profile, read only where needed (allocation) and audited. */
@Entity('panellist_addresses')
export class PanellistAddressEntity {
  @PrimaryColumn({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ type: 'varchar', length: 200 })
  line1: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  line2: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 20 })
  postalCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
