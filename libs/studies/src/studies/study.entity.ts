import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Quota, StudyCriteria, StudyStatus } from '../domain';

/** A themed study run for one brand. Brand-scoped: a brand user sees only their brand's. */
@Entity('studies')
@Index('IDX_studies_brand', ['brandId', 'createdAt'])
export class StudyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  theme: string;

  @Column({ type: 'text' })
  brief: string;

  @Column({ name: 'target_size', type: 'int' })
  targetSize: number;

  @Column({ name: 'incentive_points', type: 'int' })
  incentivePoints: number;

  /** credited once per discussion round, for a participant's first top-level post in it */
  @Column({ name: 'post_points', type: 'int', default: 0 })
  postPoints: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  criteria: StudyCriteria;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  quotas: Quota[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: StudyStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
