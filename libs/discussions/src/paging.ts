import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, type PageQueryDto } from '@leadpanel/platform';

/**
 * The platform's keyset pagination, oldest first: discussions read in the order they
 * happened (posts, replies, code book) or will happen (rounds, by opening time). The
 * cursor is the platform's (`encodeCursor` in `toPage`), on (`timeProperty`, id); the
 * column must have millisecond precision so that the cursor matches it exactly.
 */
export function applyAscendingKeyset<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: PageQueryDto,
  timeProperty = 'createdAt',
): SelectQueryBuilder<E> {
  const limit = query.limit ?? 20;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    qb.andWhere(`(${alias}.${timeProperty}, ${alias}.id) > (:cursorT, :cursorId)`, { cursorT: c.t, cursorId: c.id });
  }
  return qb
    .orderBy(`${alias}.${timeProperty}`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(limit + 1);
}

/**
 * The same keyset, newest first (a moderation queue): the next page holds what comes before
 * the cursor's (`timeProperty`, id).
 */
export function applyDescendingKeyset<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: PageQueryDto,
  timeProperty = 'createdAt',
): SelectQueryBuilder<E> {
  const limit = query.limit ?? 20;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    qb.andWhere(`(${alias}.${timeProperty}, ${alias}.id) < (:cursorT, :cursorId)`, { cursorT: c.t, cursorId: c.id });
  }
  return qb
    .orderBy(`${alias}.${timeProperty}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1);
}
