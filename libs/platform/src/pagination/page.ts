import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-error';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not a cursor this API returned' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface KeysetCursor {
  t: string; // ISO time of the last row
  id: string;
}

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ t: createdAt.toISOString(), id } satisfies KeysetCursor)).toString('base64url');
}

function isIsoTime(t: string): boolean {
  const ms = Date.parse(t);
  // a four-digit year: the six-digit years toISOString writes beyond 9999 are out of PostgreSQL's reading (a 500)
  return /^\d{4}-/.test(t) && !Number.isNaN(ms) && new Date(ms).toISOString() === t;
}

export function decodeCursor(cursor: string): KeysetCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<KeysetCursor>;
    // the time must be exactly what encodeCursor wrote: JavaScript reads loose dates ("1", "March 7") PostgreSQL refuses
    if (typeof parsed.t === 'string' && isIsoTime(parsed.t) && typeof parsed.id === 'string' && isUUID(parsed.id, 'loose')) {
      return { t: parsed.t, id: parsed.id };
    }
  } catch {
    /* fall through */
  }
  throw new ValidationError(
    'The cursor is not valid',
    [{ field: 'cursor', message: 'cursor is not a cursor this API returned' }],
    'BAD_CURSOR',
  );
}

/**
 * Keyset pagination, newest first, on (createdAt, id). The createdAt column must have
 * millisecond precision (`precision: 3`) so that the cursor (a JS Date) matches it exactly. Adds the cursor condition,
 * the order and limit+1 to the query; `toPage` cuts the extra row into nextCursor.
 */
export function applyKeyset<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: PageQueryDto,
  createdAtProperty = 'createdAt',
): SelectQueryBuilder<E> {
  const limit = query.limit ?? 20;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    qb.andWhere(`(${alias}.${createdAtProperty}, ${alias}.id) < (:cursorT, :cursorId)`, { cursorT: c.t, cursorId: c.id });
  }
  return qb
    .orderBy(`${alias}.${createdAtProperty}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1);
}

export function toPage<E extends { id: string }, T>(
  rows: E[],
  query: PageQueryDto,
  map: (row: E) => T,
  createdAtOf: (row: E) => Date,
): Page<T> {
  const limit = query.limit ?? 20;
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: hasMore && last ? encodeCursor(createdAtOf(last), last.id) : null };
}
