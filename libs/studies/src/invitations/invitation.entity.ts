import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StudyEntity } from '../studies/study.entity';
import { WaveEntity } from './wave.entity';

export type InvitationStatus = 'invited' | 'accepted' | 'declined' | 'expired' | 'waitlisted';

/**
 * One invitation of one panellist to one study: (study, panellist) is unique, so
 * concurrent waves can never invite anyone twice. `cells` are the quota cell keys
 * the panellist belonged to when invited.
 */
@Entity('study_invitations')
@Unique('UQ_invitations_study_panellist', ['studyId', 'panellistId'])
@Index('IDX_invitations_panellist_created', ['panellistId', 'createdAt'])
@Index('IDX_invitations_study_status', ['studyId', 'status'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @ManyToOne(() => StudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;

  @Column({ name: 'wave_id', type: 'uuid' })
  waveId: string;

  @ManyToOne(() => WaveEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id' })
  wave?: WaveEntity;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @Column({ type: 'varchar', length: 20, default: 'invited' })
  status: InvitationStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cells: string[];

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'reminders_sent', type: 'int', default: 0 })
  remindersSent: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
