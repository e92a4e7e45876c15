import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { PageQueryDto } from '@leadpanel/platform';
import { applyAscendingKeyset } from '../paging';
import { DiscussionCodeEntity } from './code.entity';
import { DiscussionPostCodeEntity } from './post-code.entity';

export type NewCode = Pick<DiscussionCodeEntity, 'studyId' | 'name' | 'nameKey' | 'description' | 'createdBy'>;

export interface CodeCounts {
  /** posts carrying the code, hidden ones included */
  count: number;
  /** of those, the hidden ones */
  hiddenCount: number;
}

export interface CodeRef {
  id: string;
  name: string;
}

/** The only place that speaks TypeORM for the code book and the codes set on posts. */
@Injectable()
export class CodeRepository {
  constructor(@InjectRepository(DiscussionCodeEntity) private readonly codes: Repository<DiscussionCodeEntity>) {}

  /** Inserts a code, or answers null when the study already has one of that name (any case). */
  async insert(code: NewCode): Promise<DiscussionCodeEntity | null> {
    const res = await this.codes
      .createQueryBuilder()
      .insert()
      .into(DiscussionCodeEntity)
      .values(code)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = res.raw as Array<{ id: string }>;
    return rows.length > 0 ? this.codes.findOneOrFail({ where: { id: rows[0].id } }) : null;
  }

  /** One page of a study's code book, in the order the codes were created. */
  listPage(studyId: string, query: PageQueryDto): Promise<DiscussionCodeEntity[]> {
    const qb = this.codes.createQueryBuilder('c').where('c.study_id = :studyId', { studyId });
    return applyAscendingKeyset(qb, 'c', query).getMany();
  }

  /** How many posts carry each code. */
  async counts(codeIds: string[]): Promise<Map<string, CodeCounts>> {
    if (codeIds.length === 0) return new Map();
    const rows = (await this.codes.query(
      `SELECT pc.code_id AS id, count(*)::int AS n, (count(*) FILTER (WHERE p.hidden))::int AS hidden
         FROM discussion_post_codes pc JOIN discussion_posts p ON p.id = pc.post_id
        WHERE pc.code_id = ANY($1::uuid[]) GROUP BY pc.code_id`,
      [codeIds],
    )) as Array<{ id: string; n: number; hidden: number }>;
    return new Map(rows.map((r) => [r.id, { count: r.n, hiddenCount: r.hidden }]));
  }

  /** Every code id of a study's code book. */
  async idsOfStudy(studyId: string): Promise<Set<string>> {
    const rows = await this.codes.find({ where: { studyId }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  /** Replaces the codes of a post. */
  async setPostCodes(em: EntityManager, postId: string, codeIds: string[]): Promise<void> {
    await em.getRepository(DiscussionPostCodeEntity).delete({ postId });
    if (codeIds.length > 0) {
      await em.getRepository(DiscussionPostCodeEntity).insert(codeIds.map((codeId) => ({ postId, codeId })));
    }
  }

  /** The codes of each post, by name. */
  async ofPosts(postIds: string[], em?: EntityManager): Promise<Map<string, CodeRef[]>> {
    if (postIds.length === 0) return new Map();
    const rows = (await (em ?? this.codes.manager).query(
      `SELECT pc.post_id AS "postId", c.id, c.name FROM discussion_post_codes pc JOIN discussion_codes c ON c.id = pc.code_id
        WHERE pc.post_id = ANY($1::uuid[]) ORDER BY c.name_key, c.id`,
      [postIds],
    )) as Array<{ postId: string; id: string; name: string }>;
    const out = new Map<string, CodeRef[]>();
    for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), { id: r.id, name: r.name }]);
    return out;
  }
}
