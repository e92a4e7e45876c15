import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttributeType } from './attribute-values';

/** A typed custom profile attribute defined by researchers (e.g. "owns_3d_printer": boolean). */
@Entity('profile_attributes')
export class ProfileAttributeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 20 })
  type: AttributeType;

  @Column({ type: 'jsonb', nullable: true })
  options: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
