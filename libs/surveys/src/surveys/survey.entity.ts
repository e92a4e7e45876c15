import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Question, SurveyKind } from '../definitions';

export type SurveyStatus = 'draft' | 'published';

/** A survey definition. Drafts are edited; a published survey never changes (a new survey is the way to change it). */
@Entity('surveys')
@Index('IDX_surveys_study', ['studyId'])
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid', nullable: true })
  studyId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: SurveyKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: SurveyStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: Question[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
