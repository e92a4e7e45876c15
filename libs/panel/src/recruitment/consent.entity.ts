import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PanellistEntity } from '../panellists/panellist.entity';

/** What a panellist agreed to, when, from where. Kept after erasure without the IP. */
@Entity('panellist_consents')
@Index('IDX_consents_panellist', ['panellistId'])
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ name: 'terms_version', type: 'varchar', length: 50 })
  termsVersion: string;

  @Column({ type: 'boolean' })
  research: boolean;

  @Column({ name: 'product_testing', type: 'boolean' })
  productTesting: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz', precision: 3 })
  grantedAt: Date;
}
