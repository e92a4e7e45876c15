import { BadRequestException, ForbiddenException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import {
  BusinessRuleError,
  ConflictError,
  DomainError,
  type DomainErrorKind,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from './domain-error';
import { buildProblem, toProblemParts } from './problem.filter';

const SECRET_SQL = 'INSERT INTO "users"("email", "password_hash") VALUES ($1, $2)';
const SECRET_VALUE = 'anna.secret@example.com';

/** What the pg driver throws, wrapped by TypeORM as it does for a failed query. */
function queryFailed(code: string, message: string): QueryFailedError {
  const driverError = Object.assign(new Error(message), { code, detail: `Key (email)=(${SECRET_VALUE}) already exists.` });
  return new QueryFailedError(SECRET_SQL, [SECRET_VALUE, 'hash'], driverError);
}

/** body-parser's errors (http-errors): `type`, `status`, `statusCode`, `expose`. */
function bodyParserError(type: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { type, status, statusCode: status, expose: true, body: `{"password":"${SECRET_VALUE}"` });
}

function expectNoLeak(detail: string): void {
  expect(detail).not.toContain(SECRET_VALUE);
  expect(detail).not.toContain('INSERT');
  expect(detail).not.toMatch(/users|password|127\.0\.0\.1|5432/);
}

describe('toProblemParts', () => {
  it.each<[DomainErrorKind, number]>([
    ['validation', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['business_rule', 422],
    ['rate_limited', 429],
    ['unavailable', 503],
  ])('maps a DomainError of kind %s to %i with its code and message', (kind, status) => {
    expect(toProblemParts(new DomainError('SOME_RULE', kind, 'Told as it is'))).toEqual({
      status,
      code: 'SOME_RULE',
      detail: 'Told as it is',
      errors: undefined,
    });
  });

  it.each<[string, DomainError, number, string]>([
    ['NotFoundError', new NotFoundError('Study'), 404, 'NOT_FOUND'],
    ['ValidationError', new ValidationError('Bad input'), 400, 'VALIDATION_FAILED'],
    ['ConflictError', new ConflictError('ALREADY_INVITED', 'Already invited'), 409, 'ALREADY_INVITED'],
    ['ForbiddenError', new ForbiddenError(), 403, 'FORBIDDEN'],
    ['UnauthenticatedError', new UnauthenticatedError(), 401, 'UNAUTHENTICATED'],
    ['BusinessRuleError', new BusinessRuleError('QUOTA_CELL_FULL', 'The cell is full'), 422, 'QUOTA_CELL_FULL'],
  ])('maps %s', (_name, err, status, code) => {
    expect(toProblemParts(err)).toMatchObject({ status, code, detail: err.message });
  });

  it('keeps the field errors of a validation error', () => {
    const err = new ValidationError('Bad input', [{ field: 'email', message: 'email must be an e-mail' }]);
    expect(toProblemParts(err).errors).toEqual([{ field: 'email', message: 'email must be an e-mail' }]);
  });

  it.each<[string, string, number, string]>([
    ['unique violation', '23505', 409, 'ALREADY_EXISTS'],
    ['foreign key violation', '23503', 409, 'REFERENCE_CONFLICT'],
    ['check violation', '23514', 400, 'CONSTRAINT_VIOLATED'],
    ['not-null violation', '23502', 400, 'CONSTRAINT_VIOLATED'],
    ['invalid text representation (a bad uuid)', '22P02', 400, 'BAD_VALUE'],
    ['datetime format', '22007', 400, 'BAD_VALUE'],
    ['numeric out of range', '22003', 400, 'BAD_VALUE'],
    ['string too long', '22001', 400, 'BAD_VALUE'],
    ['serialization failure', '40001', 409, 'CONCURRENT_UPDATE'],
    ['deadlock', '40P01', 409, 'CONCURRENT_UPDATE'],
    ['admin shutdown', '57P01', 503, 'DATABASE_UNAVAILABLE'],
    ['too many connections', '53300', 503, 'DATABASE_UNAVAILABLE'],
    ['connection failure', '08006', 503, 'DATABASE_UNAVAILABLE'],
  ])('maps a query that failed with %s (%s) to %i, telling nothing of the query', (_what, pgCode, status, code) => {
    const parts = toProblemParts(queryFailed(pgCode, `some failure about ${SECRET_VALUE} in "users"`));
    expect(parts).toMatchObject({ status, code });
    expectNoLeak(parts.detail);
  });

  it('maps an unknown database failure to 500 without its message', () => {
    const parts = toProblemParts(queryFailed('42P01', 'relation "users" does not exist'));
    expect(parts).toMatchObject({ status: 500, code: 'INTERNAL' });
    expectNoLeak(parts.detail);
  });

  it.each<[string, unknown]>([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a refused connection on every address',
      Object.assign(new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432')], ''), { code: 'ECONNREFUSED' }),
    ],
    [
      'a query whose connection was refused',
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    [
      'a TypeORM error over an unavailable driver error',
      Object.assign(new Error('Query failed'), { driverError: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
    ],
  ])('maps %s to 503', (_what, err) => {
    const parts = toProblemParts(err);
    expect(parts).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expectNoLeak(parts.detail);
  });

  it.each<[string, string, number, number, string]>([
    ['a body over the limit', 'entity.too.large', 413, 413, 'PAYLOAD_TOO_LARGE'],
    ['malformed JSON', 'entity.parse.failed', 400, 400, 'MALFORMED_JSON'],
    ['an unsupported encoding', 'encoding.unsupported', 415, 415, 'UNSUPPORTED_ENCODING'],
    ['an unsupported charset', 'charset.unsupported', 415, 415, 'UNSUPPORTED_ENCODING'],
    ['a body that was cut short', 'request.aborted', 400, 400, 'BAD_REQUEST'],
  ])('maps the body-parser error for %s (%s) to %i', (_what, type, thrownStatus, status, code) => {
    const parts = toProblemParts(bodyParserError(type, thrownStatus, `Unexpected token in JSON at position 12: ${SECRET_VALUE}`));
    expect(parts).toMatchObject({ status, code });
    expectNoLeak(parts.detail);
  });

  it('does not trust a body-parser-like error with a 5xx status', () => {
    expect(toProblemParts(bodyParserError('stream.not.readable', 500, 'stream is not readable'))).toMatchObject({
      status: 500,
      code: 'INTERNAL',
    });
  });

  it.each<[string, Error, number, string]>([
    ['NotFoundException', new NotFoundException('Cannot GET /api/v1/nowhere'), 404, 'NOT_FOUND'],
    ['BadRequestException', new BadRequestException(['email must be an e-mail', 'password is required']), 400, 'BAD_REQUEST'],
    ['PayloadTooLargeException', new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    ['ForbiddenException', new ForbiddenException(), 403, 'HTTP_403'],
    ['ThrottlerException', new ThrottlerException(), 429, 'RATE_LIMITED'],
  ])("maps Nest's %s", (_name, err, status, code) => {
    expect(toProblemParts(err)).toMatchObject({ status, code });
  });

  it('joins the messages of a Nest validation error', () => {
    expect(toProblemParts(new BadRequestException(['email must be an e-mail', 'password is required'])).detail).toBe(
      'email must be an e-mail; password is required',
    );
  });

  it.each<[string, unknown]>([
    ['an Error', new Error(`cannot read properties of undefined (reading 'password') for ${SECRET_VALUE} at 127.0.0.1:5432`)],
    ['a TypeError', new TypeError(`users.password is not a function (${SECRET_VALUE})`)],
    ['an error with an unrelated code', Object.assign(new Error(`ENOENT: /srv/users/${SECRET_VALUE}`), { code: 'ENOENT' })],
    ['a string', `password for ${SECRET_VALUE}`],
    ['null', null],
    ['undefined', undefined],
    ['an object', { message: `users ${SECRET_VALUE}` }],
  ])('maps %s to 500 and a detail that tells nothing of it', (_what, err) => {
    const parts = toProblemParts(err);
    expect(parts).toEqual({ status: 500, code: 'INTERNAL', detail: expect.any(String) });
    expectNoLeak(parts.detail);
    expect(parts.detail).toMatch(/request id/);
  });
});

describe('buildProblem', () => {
  it('builds an RFC 9457 problem from a domain error, with its field errors and the request id', () => {
    const err = new ValidationError('The cursor is not valid', [{ field: 'cursor', message: 'bad' }], 'BAD_CURSOR');
    expect(buildProblem(err, 'req-1')).toEqual({
      type: 'urn:leadpanel:problem:bad-cursor',
      title: 'Bad Request',
      status: 400,
      detail: 'The cursor is not valid',
      errors: [{ field: 'cursor', message: 'bad' }],
      requestId: 'req-1',
    });
  });

  it('leaves out an empty list of field errors', () => {
    expect(buildProblem(new ValidationError('Bad input', []), 'req-2')).not.toHaveProperty('errors');
  });

  it.each<[unknown, number, string, string]>([
    [new NotFoundError('Study', 'STUDY_NOT_FOUND'), 404, 'Not Found', 'urn:leadpanel:problem:study-not-found'],
    [new BusinessRuleError('QUOTA_CELL_FULL', 'full'), 422, 'Unprocessable Content', 'urn:leadpanel:problem:quota-cell-full'],
    [new DomainError('SLOW_DOWN', 'rate_limited', 'slow down'), 429, 'Too Many Requests', 'urn:leadpanel:problem:slow-down'],
    [queryFailed('23505', 'duplicate key'), 409, 'Conflict', 'urn:leadpanel:problem:already-exists'],
    [queryFailed('22P02', 'invalid input syntax for type uuid: "x"'), 400, 'Bad Request', 'urn:leadpanel:problem:bad-value'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      503,
      'Service Unavailable',
      'urn:leadpanel:problem:database-unavailable',
    ],
    [
      bodyParserError('entity.too.large', 413, 'request entity too large'),
      413,
      'Content Too Large',
      'urn:leadpanel:problem:payload-too-large',
    ],
    [
      bodyParserError('entity.parse.failed', 400, 'Unexpected end of JSON input'),
      400,
      'Bad Request',
      'urn:leadpanel:problem:malformed-json',
    ],
    [new Error('boom'), 500, 'Internal Server Error', 'urn:leadpanel:problem:internal'],
  ])('gives %p the status %i, title %s and type %s', (err, status, title, type) => {
    const problem = buildProblem(err, 'req-3');
    expect(problem).toMatchObject({ status, title, type, requestId: 'req-3' });
  });

  it('never puts the message of an unexpected error in the problem', () => {
    const problem = buildProblem(new Error(`duplicate key for ${SECRET_VALUE}`), 'req-4');
    expect(JSON.stringify(problem)).not.toContain(SECRET_VALUE);
  });
});
