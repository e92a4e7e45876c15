import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public recruitment page with a published screener; applicants scoring ≥ acceptScore become active. */
@Entity('recruitment_campaigns')
export class RecruitmentCampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'screener_survey_id', type: 'uuid' })
  screenerSurveyId: string;

  @Column({
    name: 'accept_score',
    type: 'numeric',
    precision: 4,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  acceptScore: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  weights: Record<string, number>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
