import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Raw, Repository } from 'typeorm';
import type { Role } from '@leadpanel/platform';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  brandId: string | null;
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  private r(em?: EntityManager): Repository<UserEntity> {
    return em ? em.getRepository(UserEntity) : this.repo;
  }

  findByEmail(email: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.r(em).findOne({ where: { email: email.toLowerCase() } });
  }

  findById(id: string, em?: EntityManager): Promise<UserEntity | null> {
    return this.r(em).findOne({ where: { id } });
  }

  async insert(user: NewUser, em?: EntityManager): Promise<UserEntity> {
    return this.r(em).save(this.r(em).create({ ...user, email: user.email.toLowerCase(), status: 'active' }));
  }

  async anyAdmin(em?: EntityManager): Promise<boolean> {
    return (await this.r(em).count({ where: { role: 'admin', status: 'active' } })) > 0;
  }

  async markErased(id: string, placeholderEmail: string, em: EntityManager): Promise<void> {
    await this.r(em).update({ id }, { status: 'erased', email: placeholderEmail, passwordHash: '!' });
  }

  async setStatus(id: string, status: UserEntity['status'], em?: EntityManager): Promise<void> {
    await this.r(em).update({ id }, { status });
  }

  async emailsByIds(ids: string[], em?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    // one array parameter, not one per id (a wave looks up 10,000)
    const rows = await this.r(em).find({
      where: { id: Raw((col) => `${col} = ANY(CAST(:ids AS uuid[]))`, { ids }) },
      select: { id: true, email: true },
    });
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** Active brand users of a brand (id and e-mail), for the e-mails a brand receives. */
  async activeBrandUsers(brandId: string, em?: EntityManager): Promise<Array<{ id: string; email: string }>> {
    const rows = await this.r(em).find({
      where: { brandId, role: 'brand', status: 'active' },
      select: { id: true, email: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => ({ id: r.id, email: r.email }));
  }

  /** Ids of users of a role whose e-mail contains `fragment` (LIKE wildcards escaped), at most `limit`. */
  async idsByEmailFragment(role: string, fragment: string, limit: number): Promise<string[]> {
    const escaped = fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.repo
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.role = :role', { role })
      .andWhere(`u.email LIKE :pattern ESCAPE '\\'`, { pattern: `%${escaped}%` })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
