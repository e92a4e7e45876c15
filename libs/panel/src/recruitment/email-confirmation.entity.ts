import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PanellistEntity } from '../panellists/panellist.entity';

/** A confirmation token (stored as its SHA-256), single-use, valid 7 days. */
@Entity('email_confirmations')
@Index('IDX_email_confirmations_panellist', ['panellistId'])
export class EmailConfirmationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
