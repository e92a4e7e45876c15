import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { applyKeyset, AuditService, Page, PageQueryDto, toPage, ValidationError } from '@leadpanel/platform';
import { PanelError } from '../panel.errors';
import { AttributeDefinition, AttributeType, checkAttributeDefinition } from './attribute-values';
import { ProfileAttributeEntity } from './profile-attribute.entity';

export interface AttributeView {
  id: string;
  key: string;
  label: string;
  type: AttributeType;
  options: string[] | null;
  createdAt: Date;
}

const toView = (a: ProfileAttributeEntity): AttributeView => ({
  id: a.id,
  key: a.key,
  label: a.label,
  type: a.type,
  options: a.options,
  createdAt: a.createdAt,
});

@Injectable()
export class AttributesService {
  constructor(
    @InjectRepository(ProfileAttributeEntity) private readonly repo: Repository<ProfileAttributeEntity>,
    private readonly audit: AuditService,
  ) {}

  async create(input: { key: string; label: string; type: AttributeType; options?: string[] }): Promise<AttributeView> {
    const problems = checkAttributeDefinition(input.type, input.options);
    if (problems.length) throw new ValidationError(problems[0].message, problems);
    if (await this.repo.findOne({ where: { key: input.key } }))
      throw new PanelError('ATTRIBUTE_KEY_TAKEN', `An attribute "${input.key}" already exists`);
    try {
      const saved = await this.repo.save(
        this.repo.create({ key: input.key, label: input.label.trim(), type: input.type, options: input.options ?? null }),
      );
      await this.audit.record({ action: 'profile_attribute.created', targetType: 'profile_attribute', targetId: saved.id });
      return toView(saved);
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new PanelError('ATTRIBUTE_KEY_TAKEN', `An attribute "${input.key}" already exists`);
      throw err;
    }
  }

  async list(query: PageQueryDto): Promise<Page<AttributeView>> {
    const rows = await applyKeyset(this.repo.createQueryBuilder('a'), 'a', query).getMany();
    return toPage(rows, query, toView, (a) => a.createdAt);
  }

  async definitions(): Promise<AttributeDefinition[]> {
    return (await this.repo.find()).map((a) => ({ key: a.key, type: a.type, options: a.options }));
  }
}
