import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ReportContent } from './report-content';

export const REPORT_STATUSES = ['queued', 'generating', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * An immutable, versioned snapshot of a study's insights. The content, the HTML and the
 * CSV are written together with `ready` in one statement, so a report is either whole
 * or not there; a failed generation keeps its error for researchers. `study_id` and
 * `brand_id` carry no foreign key (other contexts' tables); `brand_id` is copied from
 * the study so brand scoping needs no join.
 */
@Entity('reports')
@Unique('UQ_reports_study_version', ['studyId', 'version'])
@Index('IDX_reports_study', ['studyId', 'createdAt'])
@Index('IDX_reports_brand_published', ['brandId', 'createdAt'], { where: `"published_at" IS NOT NULL` })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: ReportStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  content: ReportContent | null;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  csv: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;
}
