import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Raw, Repository } from 'typeorm';
import { applyKeyset, type PageQueryDto, type Role } from '@leadpanel/platform';
import { UserEntity, type UserStatus } from './user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  brandId: string | null;
  emailConfirmedAt?: Date | null;
  mustChangePassword?: boolean;
}

export interface UserFilters {
  role?: Role;
  brandId?: string;
  status?: UserStatus;
  q?: string;
}

const likePattern = (fragment: string): string => `%${fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
    return this.r(em).save(
      this.r(em).create({
        ...user,
        email: user.email.toLowerCase(),
        status: 'active',
        emailConfirmedAt: user.emailConfirmedAt ?? null,
        mustChangePassword: user.mustChangePassword ?? false,
      }),
    );
  }

  async markEmailConfirmed(id: string, em?: EntityManager): Promise<void> {
    await this.r(em).update({ id, emailConfirmedAt: IsNull() }, { emailConfirmedAt: () => 'now()' });
  }

  async recordLogin(id: string): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: () => 'now()' });
  }

  /** A new password (hashed): clears mustChangePassword. */
  async setPasswordHash(id: string, passwordHash: string, em: EntityManager): Promise<void> {
    await this.r(em).update({ id }, { passwordHash, mustChangePassword: false });
  }

  /** Deletes a panellist account that never confirmed its e-mail (sessions and tokens go with it); false when it is not one. */
  async deleteUnconfirmedPanellist(id: string, em: EntityManager): Promise<boolean> {
    const res = await this.r(em).delete({ id, role: 'panellist', emailConfirmedAt: IsNull() });
    return (res.affected ?? 0) === 1;
  }

  listPage(filters: UserFilters, query: PageQueryDto): Promise<UserEntity[]> {
    const qb = this.repo.createQueryBuilder('u');
    if (filters.role) qb.andWhere('u.role = :role', { role: filters.role });
    if (filters.brandId) qb.andWhere('u.brand_id = :brandId', { brandId: filters.brandId });
    if (filters.status) qb.andWhere('u.status = :status', { status: filters.status });
    if (filters.q) qb.andWhere(`u.email LIKE :pattern ESCAPE '\\'`, { pattern: likePattern(filters.q) });
    return applyKeyset(qb, 'u', query).getMany();
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
    const rows = await this.repo
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.role = :role', { role })
      .andWhere(`u.email LIKE :pattern ESCAPE '\\'`, { pattern: likePattern(fragment) })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
