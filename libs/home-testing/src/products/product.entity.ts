import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A product sample a brand lends or gives to study participants. `units_in_stock`
 * changes only together with a stock movement row (same transaction) and can never go
 * below zero (the check is the last line of defence; services refuse first with 409).
 * `brand_id` and `usage_survey_id` carry no foreign key: brands and surveys belong to
 * other contexts.
 */
@Entity('products')
@Index('UQ_products_brand_sku', ['brandId', 'skuKey'], { unique: true })
@Check('CHK_products_stock', `"units_in_stock" >= 0`)
@Check('CHK_products_usage_days', `"usage_days" >= 0`)
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  /** as entered */
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  /** upper-cased SKU: "abc-1" and "ABC-1" are the same SKU within a brand */
  @Column({ name: 'sku_key', type: 'varchar', length: 64 })
  skuKey: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 5000, nullable: true })
  description: string | null;

  @Column({ name: 'units_in_stock', type: 'int' })
  unitsInStock: number;

  @Column({ name: 'requires_return', type: 'boolean' })
  requiresReturn: boolean;

  @Column({ name: 'nda_required', type: 'boolean' })
  ndaRequired: boolean;

  /** the NDA a panellist accepts: its version is recorded with the acceptance */
  @Column({ name: 'nda_version', type: 'varchar', length: 50, nullable: true })
  ndaVersion: string | null;

  @Column({ name: 'nda_terms', type: 'text', nullable: true })
  ndaTerms: string | null;

  @Column({ name: 'usage_days', type: 'int' })
  usageDays: number;

  @Column({ name: 'usage_survey_id', type: 'uuid', nullable: true })
  usageSurveyId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
