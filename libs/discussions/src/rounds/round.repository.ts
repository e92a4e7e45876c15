import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { PageQueryDto } from '@leadpanel/platform';
import { applyAscendingKeyset } from '../paging';
import { DiscussionRoundEntity } from './round.entity';

export type NewRound = Pick<DiscussionRoundEntity, 'studyId' | 'title' | 'prompt' | 'mode' | 'opensAt' | 'closesAt' | 'createdBy'>;

/** The only place that speaks TypeORM for discussion rounds. */
@Injectable()
export class RoundRepository {
  constructor(@InjectRepository(DiscussionRoundEntity) private readonly rounds: Repository<DiscussionRoundEntity>) {}

  /** Inserts a round and answers the row as stored (uuids lower case, whatever the client sent). */
  async insert(em: EntityManager, round: NewRound): Promise<DiscussionRoundEntity> {
    const repo = em.getRepository(DiscussionRoundEntity);
    const saved = await repo.save(repo.create(round));
    return repo.findOneOrFail({ where: { id: saved.id } });
  }

  findById(id: string, em?: EntityManager): Promise<DiscussionRoundEntity | null> {
    return (em ? em.getRepository(DiscussionRoundEntity) : this.rounds).findOne({ where: { id } });
  }

  /** One page of a study's rounds, in the order they open. */
  listPage(studyId: string, query: PageQueryDto): Promise<DiscussionRoundEntity[]> {
    const qb = this.rounds.createQueryBuilder('r').where('r.study_id = :studyId', { studyId });
    return applyAscendingKeyset(qb, 'r', query, 'opensAt').getMany();
  }
}
