import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyEntity } from '@leadpanel/surveys';

export type AssignmentStatus = 'assigned' | 'submitted';

/** A survey to be answered by one participant by a due date; answered at most once. */
@Entity('survey_assignments')
@Unique('UQ_assignments_survey_panellist', ['surveyId', 'panellistId'])
@Index('IDX_assignments_panellist', ['panellistId', 'createdAt'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: SurveyEntity;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 20, default: 'assigned' })
  status: AssignmentStatus;

  @Column({ name: 'points_credited', type: 'int', nullable: true })
  pointsCredited: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;
}
