import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, DomainError, toPage, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { BrandsService } from '@leadpanel/identity';
import { StudyDirectory } from '@leadpanel/studies';
import { SurveysService } from '@leadpanel/surveys';
import { HomeTestingError } from '../home-testing.errors';
import type { CreateProductDto, ProductResponseDto, StockMovementResponseDto } from './dto/product.dto';
import type { ProductEntity } from './product.entity';
import { ProductsRepository } from './products.repository';
import type { StockMovementEntity } from './stock-movement.entity';

export const DEFAULT_NDA_VERSION = '1';

export function toProductView(p: ProductEntity): ProductResponseDto {
  return {
    id: p.id,
    brandId: p.brandId,
    sku: p.sku,
    name: p.name,
    description: p.description,
    unitsInStock: p.unitsInStock,
    requiresReturn: p.requiresReturn,
    ndaRequired: p.ndaRequired,
    ndaVersion: p.ndaVersion,
    ndaTerms: p.ndaTerms,
    usageDays: p.usageDays,
    usageSurveyId: p.usageSurveyId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toMovementView(m: StockMovementEntity): StockMovementResponseDto {
  return {
    id: m.id,
    productId: m.productId,
    delta: m.delta,
    stockAfter: m.stockAfter,
    kind: m.kind,
    reason: m.reason,
    studyId: m.studyId,
    shipmentId: m.shipmentId,
    actorUserId: m.actorUserId,
    createdAt: m.createdAt,
  };
}

/**
 * Products of a brand and their stock. Researchers create products and move stock;
 * brand users may read their own brand's products (another brand's is a 404).
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly brands: BrandsService,
    private readonly surveys: SurveysService,
    private readonly directory: StudyDirectory,
    private readonly audit: AuditService,
  ) {}

  /**
   * 422 when the brand does not exist or the usage survey is unfit (not a published
   * `usage` survey, or one of another brand's study); 409 when the SKU is taken in the
   * brand (case-insensitively). The initial stock is the first logged movement.
   */
  async create(actor: AuthUser, input: CreateProductDto): Promise<ProductResponseDto> {
    if (!(await this.brands.exists(input.brandId))) throw new HomeTestingError('BRAND_NOT_FOUND', 'The brand does not exist');
    if (input.usageSurveyId) await this.assertUsageSurvey(input.usageSurveyId, input.brandId);
    const skuTaken = (): HomeTestingError => new HomeTestingError('SKU_TAKEN', `The brand already has a product with SKU ${input.sku}`);
    if (await this.products.skuTaken(input.brandId, input.sku)) throw skuTaken();
    const product = await this.dataSource
      .transaction(async (em) => {
        const p = await this.products.insert(em, {
          brandId: input.brandId,
          sku: input.sku,
          name: input.name.trim(),
          description: input.description?.trim() || null,
          unitsInStock: 0,
          requiresReturn: input.requiresReturn,
          ndaRequired: input.ndaRequired,
          ndaVersion: input.ndaRequired ? (input.ndaVersion ?? DEFAULT_NDA_VERSION) : null,
          ndaTerms: input.ndaRequired ? (input.ndaTerms ?? null) : null,
          usageDays: input.usageDays,
          usageSurveyId: input.usageSurveyId?.toLowerCase() ?? null,
          createdBy: actor.id,
        });
        if (input.unitsInStock > 0) {
          await this.products.move(em, p, {
            delta: input.unitsInStock,
            kind: 'initial',
            reason: 'initial stock',
            studyId: null,
            shipmentId: null,
            actorUserId: actor.id,
          });
        }
        await this.audit.record(
          { action: 'product.created', targetType: 'product', targetId: p.id, data: { brandId: p.brandId, sku: p.sku } },
          em,
        );
        return this.products.findById(p.id, em);
      })
      .catch((err: unknown) => {
        // a concurrent create of the same SKU got there first: the unique index says so
        if ((err as { code?: string }).code === '23505') throw skuTaken();
        throw err;
      });
    return toProductView(product!);
  }

  async get(actor: AuthUser, id: string): Promise<ProductResponseDto> {
    return toProductView(await this.visible(actor, id));
  }

  async list(actor: AuthUser, query: PageQueryDto & { brandId?: string }): Promise<Page<ProductResponseDto>> {
    const brandId = actor.role === 'brand' ? actor.brandId! : query.brandId;
    if (actor.role === 'brand' && query.brandId && query.brandId.toLowerCase() !== actor.brandId) return { items: [], nextCursor: null };
    const rows = await this.products.listPage(brandId, query);
    return toPage(rows, query, toProductView, (p) => p.createdAt);
  }

  /** A manual stock movement (restock, breakage, count correction): 409 when it would take the stock below zero. */
  async move(
    actor: AuthUser,
    id: string,
    input: { delta: number; reason: string },
  ): Promise<StockMovementResponseDto & { unitsInStock: number }> {
    return this.dataSource.transaction(async (em) => {
      const product = await this.products.lock(em, id);
      if (!product) throw new HomeTestingError('PRODUCT_NOT_FOUND', 'Product was not found');
      const movement = await this.products.move(em, product, {
        delta: input.delta,
        kind: 'manual',
        reason: input.reason.trim() || 'manual',
        studyId: null,
        shipmentId: null,
        actorUserId: actor.id,
      });
      if (!movement) {
        throw new HomeTestingError(
          'INSUFFICIENT_STOCK',
          `Only ${product.unitsInStock} units are in stock: a movement of ${input.delta} would go below zero`,
        );
      }
      return { ...toMovementView(movement), unitsInStock: product.unitsInStock };
    });
  }

  async movements(actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<StockMovementResponseDto>> {
    const product = await this.visible(actor, id);
    return toPage(await this.products.movementsPage(product.id, query), query, toMovementView, (m) => m.createdAt);
  }

  /** The product if the actor may see it: researchers any, brand users their own brand's (else 404). */
  async visible(actor: AuthUser, id: string): Promise<ProductEntity> {
    const p = await this.products.findById(id);
    if (!p || (actor.role === 'brand' && p.brandId !== actor.brandId) || actor.role === 'panellist') {
      throw new HomeTestingError('PRODUCT_NOT_FOUND', 'Product was not found');
    }
    return p;
  }

  private async assertUsageSurvey(surveyId: string, brandId: string): Promise<void> {
    let survey: Awaited<ReturnType<SurveysService['get']>>;
    try {
      survey = await this.surveys.get(surveyId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found')
        throw new HomeTestingError('USAGE_SURVEY_UNFIT', 'The usage survey does not exist');
      throw err;
    }
    if (survey.kind !== 'usage')
      throw new HomeTestingError('USAGE_SURVEY_UNFIT', `The usage survey must be of kind usage, not ${survey.kind}`);
    if (survey.status !== 'published')
      throw new HomeTestingError('USAGE_SURVEY_UNFIT', 'Publish the usage survey first: it is sent as it is');
    if (survey.studyId) {
      const study = await this.directory.study(survey.studyId);
      if (!study || study.brandId !== brandId)
        throw new HomeTestingError('USAGE_SURVEY_UNFIT', 'The usage survey belongs to another brand’s study');
    }
  }
}
