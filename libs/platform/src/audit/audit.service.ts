import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestContext } from '../http/request-context';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
  /** defaults to the current request's actor */
  actorUserId?: string | null;
  actorRole?: string | null;
}

export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly repo: Repository<AuditEntryEntity>) {}

  /** Records an entry; pass the transaction's manager to record it with the change it describes. */
  async record(input: AuditInput, em?: EntityManager): Promise<void> {
    const ctx = RequestContext.current();
    const repo = em ? em.getRepository(AuditEntryEntity) : this.repo;
    await repo.insert({
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      data: (input.data ?? {}) as never,
      actorUserId: input.actorUserId !== undefined ? input.actorUserId : (ctx?.actorUserId ?? null),
      actorRole: input.actorRole !== undefined ? input.actorRole : (ctx?.actorRole ?? null),
      requestId: ctx?.requestId ?? null,
    });
  }

  async forTarget(targetType: string, targetId: string): Promise<AuditEntry[]> {
    return this.repo.find({ where: { targetType, targetId }, order: { createdAt: 'ASC' } });
  }
}
