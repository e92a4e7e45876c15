import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { StudyEntity } from '../studies/study.entity';

/** A participant's pseudonym in one study (`P-07`): stable, the only name brands ever see. */
@Entity('study_pseudonyms')
@Unique('UQ_study_pseudonyms_number', ['studyId', 'number'])
export class StudyPseudonymEntity {
  @PrimaryColumn({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => StudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;

  @PrimaryColumn({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ type: 'int' })
  number: number;
}
