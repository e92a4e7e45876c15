import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssignmentEntity } from './assignment.entity';

/**
 * One row per answered question (per selected option for multi_choice, per item for
 * SUS): reports aggregate these in SQL. `survey_id` and `study_id` are copied so
 * that aggregation needs no join, and so the table can be partitioned by study.
 */
@Entity('survey_answers')
@Unique('UQ_answers_assignment_question_item', ['assignmentId', 'questionId', 'itemIndex'])
@Index('IDX_answers_survey_question', ['surveyId', 'questionId'])
@Index('IDX_answers_study', ['studyId'])
export class SurveyAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ name: 'question_id', type: 'varchar', length: 64 })
  questionId: string;

  @Column({ name: 'item_index', type: 'smallint', default: 0 })
  itemIndex: number;

  @Column({
    name: 'numeric_value',
    type: 'numeric',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  numericValue: number | null;

  @Column({ name: 'option_value', type: 'varchar', length: 100, nullable: true })
  optionValue: string | null;

  @Column({ name: 'text_value', type: 'text', nullable: true })
  textValue: string | null;

  /** false while saved partially, true once submitted: reports read submitted answers only */
  @Column({ type: 'boolean', default: false })
  submitted: boolean;
}
