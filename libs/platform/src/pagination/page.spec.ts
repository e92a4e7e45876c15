import { ValidationError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './page';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

function b64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function cursorError(cursor: string): ValidationError {
  try {
    decodeCursor(cursor);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error(`expected ${cursor} to be refused`);
}

describe('encodeCursor / decodeCursor', () => {
  it.each([
    [new Date('2026-03-01T10:20:30.456Z'), ID],
    [new Date(0), '00000000-0000-0000-0000-000000000000'],
    [new Date('2099-12-31T23:59:59.999Z'), ID.toUpperCase()],
  ])('round-trips %s and %s', (at, id) => {
    const cursor = encodeCursor(at, id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // what PageQueryDto accepts: URL-safe, no padding
    const decoded = decodeCursor(cursor);
    expect(decoded).toEqual({ t: at.toISOString(), id });
    expect(new Date(decoded.t).getTime()).toBe(at.getTime()); // millisecond precision kept
  });

  it.each<[string, string]>([
    ['an empty string', ''],
    ['garbage', 'not-a-cursor'],
    ['base64 of text', b64('hello world')],
    ['JSON null', b64('null')],
    ['a JSON number', b64('42')],
    ['a JSON string', b64('"2026-03-01T10:20:30.456Z"')],
    ['a JSON array', b64(JSON.stringify(['2026-03-01T10:20:30.456Z', ID]))],
    ['an empty object', b64('{}')],
    ['no id', b64(JSON.stringify({ t: '2026-03-01T10:20:30.456Z' }))],
    ['no time', b64(JSON.stringify({ id: ID }))],
    ['a numeric time', b64(JSON.stringify({ t: 1767225600000, id: ID }))],
    ['a time that is not a date', b64(JSON.stringify({ t: 'yesterday', id: ID }))],
    ['a number JavaScript reads as a year', b64(JSON.stringify({ t: '1', id: ID }))],
    ['a loose date JavaScript guesses at', b64(JSON.stringify({ t: 'March 7', id: ID }))],
    ['a non-uuid id', b64(JSON.stringify({ t: '2026-03-01T10:20:30.456Z', id: '42' }))],
    ['an id with SQL in it', b64(JSON.stringify({ t: '2026-03-01T10:20:30.456Z', id: `${ID}' OR '1'='1` }))],
    ['a numeric id', b64(JSON.stringify({ t: '2026-03-01T10:20:30.456Z', id: 42 }))],
    ['truncated JSON', b64('{"t":"2026-03-01T10:20:30.456Z","id":"3f2b')],
  ])('refuses %s as a ValidationError on the field cursor', (_what, cursor) => {
    const err = cursorError(cursor);
    expect(err.kind).toBe('validation');
    expect(err.code).toBe('BAD_CURSOR');
    expect(err.fieldErrors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});

describe('toPage', () => {
  interface Row {
    id: string;
    createdAt: Date;
  }
  const rows: Row[] = Array.from({ length: 6 }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    createdAt: new Date(Date.UTC(2026, 0, 10 - i)),
  }));
  const map = (r: Row) => r.id;
  const createdAt = (r: Row) => r.createdAt;

  it('cuts the extra row (limit + 1) into a cursor pointing at the last row shown', () => {
    const page = toPage(rows.slice(0, 4), { limit: 3 }, map, createdAt);
    expect(page.items).toEqual([rows[0].id, rows[1].id, rows[2].id]);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor!)).toEqual({ t: rows[2].createdAt.toISOString(), id: rows[2].id });
  });

  it.each([
    ['exactly the limit', 3, 3],
    ['fewer than the limit', 5, 3],
    ['no rows', 3, 0],
  ])('gives no next cursor with %s', (_what, limit, count) => {
    const page = toPage(rows.slice(0, count), { limit }, map, createdAt);
    expect(page.items).toHaveLength(count);
    expect(page.nextCursor).toBeNull();
  });

  it('uses a limit of 20 by default', () => {
    const many: Row[] = Array.from({ length: 21 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 60 - i)),
    }));
    const page = toPage(many, {}, map, createdAt);
    expect(page.items).toHaveLength(20);
    expect(decodeCursor(page.nextCursor!).id).toBe(many[19].id);
    expect(toPage(many.slice(0, 20), {}, map, createdAt).nextCursor).toBeNull();
  });
});
