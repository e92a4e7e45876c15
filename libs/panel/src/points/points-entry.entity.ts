import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PanellistEntity } from '../panellists/panellist.entity';

/** Append-only points ledger; (panellist, key) is unique, so the same reason is never credited twice. */
@Entity('points_entries')
@Unique('UQ_points_entries_key', ['panellistId', 'key'])
@Index('IDX_points_entries_panellist', ['panellistId', 'createdAt'])
export class PointsEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'varchar', length: 50 })
  reason: string;

  /** e.g. `survey:<assignmentId>`: the unique key of the reason */
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
