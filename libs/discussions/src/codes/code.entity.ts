import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A code of a study's code book (qualitative coding). `name_key` is the name
 * lower-cased with its spacing collapsed: names are unique per study whatever their case.
 */
@Entity('discussion_codes')
@Unique('UQ_discussion_codes_study_name', ['studyId', 'nameKey'])
export class DiscussionCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'study_id', type: 'uuid' })
  studyId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 1_000, nullable: true })
  description: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** paged on (created_at, id): millisecond precision so that the cursor matches exactly */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
