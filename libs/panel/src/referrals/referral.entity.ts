import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PanellistEntity } from '../panellists/panellist.entity';

/** Pyramiding: a panellist nominates someone who knows more; the code links the nominee's application back. */
@Entity('referrals')
@Index('IDX_referrals_referrer', ['referrerPanellistId'])
@Index('IDX_referrals_campaign_nominee', ['campaignId', 'nomineeEmail'])
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referrer_panellist_id', type: 'uuid' })
  referrerPanellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referrer_panellist_id' })
  referrerPanellist?: PanellistEntity;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ name: 'nominee_email', type: 'varchar', length: 320 })
  nomineeEmail: string;

  @Column({ name: 'nominee_name', type: 'varchar', length: 100 })
  nomineeName: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ name: 'applied_panellist_id', type: 'uuid', nullable: true })
  appliedPanellistId: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;

  /**
   * When the nominee was mailed for this referral; null when nothing was sent (a member, or the
   * address was mailed for this campaign in the last 30 days). Never exported nor shown to the
   * referrer: it would reveal membership.
   */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
