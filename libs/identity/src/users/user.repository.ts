import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
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
}
