import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PanellistStatus, Tier } from '@leadpanel/platform';

/**
 * A member of the panel. Shares its id with the user account that logs in.
 * PII (display name, birth year, free text) lives here and in the address table;
 * erasure replaces it and keeps the anonymous rest so reports stay true.
 */
@Entity('panellists')
@Index('IDX_panellists_status_country', ['status', 'country'])
@Index('IDX_panellists_campaign', ['campaignId'])
export class PanellistEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  status: PanellistStatus;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 2 })
  locale: 'en' | 'fr';

  @Column({ name: 'birth_year', type: 'smallint' })
  birthYear: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  gender: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  interests: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({
    name: 'score_overall',
    type: 'numeric',
    precision: 4,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  scoreOverall: number | null;

  @Column({ name: 'score_dimensions', type: 'jsonb', default: () => "'{}'" })
  scoreDimensions: Record<string, number>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  tier: Tier | null;

  @Column({ name: 'referred_by_panellist_id', type: 'uuid', nullable: true })
  referredByPanellistId: string | null;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ name: 'last_active_at', type: 'timestamptz' })
  lastActiveAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
