import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PanellistEntity } from '../panellists/panellist.entity';

/** The screener answers of an application, as validated against the published screener. */
@Entity('screener_responses')
@Unique('UQ_screener_responses_panellist_campaign', ['panellistId', 'campaignId'])
export class ScreenerResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
