import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StudyEntity } from '../studies/study.entity';

export type ParticipantStatus = 'enrolled' | 'waitlisted' | 'withdrawn';

/** A panellist taking part in a study (enrolled), or waiting for a place (waitlisted). */
@Entity('study_participants')
@Unique('UQ_participants_study_panellist', ['studyId', 'panellistId'])
@Index('IDX_participants_panellist', ['panellistId'])
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => StudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ type: 'varchar', length: 20 })
  status: ParticipantStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cells: string[];

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
