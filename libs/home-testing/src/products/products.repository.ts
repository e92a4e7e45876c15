import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto } from '@leadpanel/platform';
import { ProductEntity } from './product.entity';
import { StockMovementEntity } from './stock-movement.entity';

export type NewProduct = Omit<ProductEntity, 'id' | 'createdAt' | 'updatedAt' | 'skuKey'>;
export type NewStockMovement = Omit<StockMovementEntity, 'id' | 'createdAt' | 'product'>;

export const skuKeyOf = (sku: string): string => sku.toUpperCase();

/** The only place that speaks TypeORM for products and their stock movements. */
@Injectable()
export class ProductsRepository {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(StockMovementEntity) private readonly movements: Repository<StockMovementEntity>,
  ) {}

  async insert(em: EntityManager, product: NewProduct): Promise<ProductEntity> {
    const repo = em.getRepository(ProductEntity);
    const saved = await repo.save(repo.create({ ...product, skuKey: skuKeyOf(product.sku) }));
    return repo.findOneOrFail({ where: { id: saved.id } });
  }

  findById(id: string, em?: EntityManager): Promise<ProductEntity | null> {
    return (em ? em.getRepository(ProductEntity) : this.products).findOne({ where: { id } });
  }

  skuTaken(brandId: string, sku: string): Promise<boolean> {
    return this.products.exists({ where: { brandId, skuKey: skuKeyOf(sku) } });
  }

  /** Locks the product row: allocations and stock movements of one product run one at a time. */
  lock(em: EntityManager, id: string): Promise<ProductEntity | null> {
    return em.getRepository(ProductEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  /** A page of products, newest first, of one brand or of all. */
  listPage(brandId: string | undefined, query: PageQueryDto): Promise<ProductEntity[]> {
    const qb = this.products.createQueryBuilder('p');
    if (brandId) qb.where('p.brand_id = :brandId', { brandId });
    return applyKeyset(qb, 'p', query).getMany();
  }

  /**
   * Moves the stock by `delta` unless it would go below zero, and logs the movement,
   * on a product row the caller holds locked. Answers the movement, or null when the
   * stock is too low (nothing written).
   */
  async move(
    em: EntityManager,
    product: ProductEntity,
    movement: Omit<NewStockMovement, 'productId' | 'stockAfter'>,
  ): Promise<StockMovementEntity | null> {
    const stockAfter = product.unitsInStock + movement.delta;
    if (stockAfter < 0) return null;
    await em.getRepository(ProductEntity).update({ id: product.id }, { unitsInStock: stockAfter });
    product.unitsInStock = stockAfter;
    const repo = em.getRepository(StockMovementEntity);
    return repo.save(repo.create({ ...movement, productId: product.id, stockAfter }));
  }

  movementsPage(productId: string, query: PageQueryDto): Promise<StockMovementEntity[]> {
    const qb = this.movements.createQueryBuilder('m').where('m.product_id = :productId', { productId });
    return applyKeyset(qb, 'm', query).getMany();
  }
}
