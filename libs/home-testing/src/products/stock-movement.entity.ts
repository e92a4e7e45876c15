import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

export const STOCK_MOVEMENT_KINDS = ['initial', 'manual', 'allocation', 'cancellation', 'return'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** Append-only log of every stock change; `stock_after` makes the history readable without a running sum. */
@Entity('stock_movements')
@Index('IDX_stock_movements_product', ['productId', 'createdAt'])
@Check('CHK_stock_movements_delta', `"delta" <> 0`)
@Check('CHK_stock_movements_after', `"stock_after" >= 0`)
export class StockMovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'int' })
  delta: number;

  @Column({ name: 'stock_after', type: 'int' })
  stockAfter: number;

  @Column({ type: 'varchar', length: 20 })
  kind: StockMovementKind;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'study_id', type: 'uuid', nullable: true })
  studyId: string | null;

  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
