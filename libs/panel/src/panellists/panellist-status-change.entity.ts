import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PanellistEntity } from './panellist.entity';

/** Who moved a panellist from which status to which, when and why. */
@Entity('panellist_status_changes')
@Index('IDX_status_changes_panellist', ['panellistId', 'createdAt'])
export class PanellistStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'panellist_id', type: 'uuid' })
  panellistId: string;

  @ManyToOne(() => PanellistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panellist_id' })
  panellist?: PanellistEntity;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30 })
  toStatus: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
