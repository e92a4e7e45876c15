import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { applyKeyset, PageQueryDto } from '@leadpanel/platform';
import { BrandEntity } from './brand.entity';

@Injectable()
export class BrandRepository {
  constructor(@InjectRepository(BrandEntity) private readonly repo: Repository<BrandEntity>) {}

  findById(id: string): Promise<BrandEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findBySlug(slug: string): Promise<BrandEntity | null> {
    return this.repo.findOne({ where: { slug } });
  }

  insert(name: string, slug: string): Promise<BrandEntity> {
    return this.repo.save(this.repo.create({ name, slug }));
  }

  listPage(query: PageQueryDto): Promise<BrandEntity[]> {
    return applyKeyset(this.repo.createQueryBuilder('b'), 'b', query).getMany();
  }
}
