import { Injectable } from '@nestjs/common';
import { AuditService, NotFoundError, Page, PageQueryDto, toPage } from '@leadpanel/platform';
import { IdentityError } from '../identity.errors';
import { BrandEntity } from './brand.entity';
import { BrandRepository } from './brand.repository';

export interface BrandView {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
}

const toView = (b: BrandEntity): BrandView => ({ id: b.id, name: b.name, slug: b.slug, createdAt: b.createdAt });

@Injectable()
export class BrandsService {
  constructor(
    private readonly brands: BrandRepository,
    private readonly audit: AuditService,
  ) {}

  async create(name: string, slug: string): Promise<BrandView> {
    if (await this.brands.findBySlug(slug)) throw new IdentityError('BRAND_SLUG_TAKEN', `A brand with slug "${slug}" already exists`);
    let brand: BrandEntity;
    try {
      brand = await this.brands.insert(name.trim(), slug);
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new IdentityError('BRAND_SLUG_TAKEN', `A brand with slug "${slug}" already exists`);
      throw err;
    }
    await this.audit.record({ action: 'brand.created', targetType: 'brand', targetId: brand.id });
    return toView(brand);
  }

  async list(query: PageQueryDto): Promise<Page<BrandView>> {
    return toPage(await this.brands.listPage(query), query, toView, (b) => b.createdAt);
  }

  async get(id: string): Promise<BrandView> {
    const b = await this.brands.findById(id);
    if (!b) throw new NotFoundError('Brand');
    return toView(b);
  }

  /** The brand's name, or null when there is no such brand. */
  async nameOf(id: string): Promise<string | null> {
    return (await this.brands.findById(id))?.name ?? null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.brands.findById(id)) !== null;
  }
}
