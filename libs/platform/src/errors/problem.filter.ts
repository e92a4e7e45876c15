import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { RequestContext } from '../http/request-context';
import { redactUrl } from '../logging/request-log';
import { DomainError, FieldError, problemType, STATUS_BY_KIND } from './domain-error';
import { Problem, TITLE_BY_STATUS } from './problem';

interface Mapped {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
}

const PG_BAD_INPUT = new Set(['22P02', '22009', '22007', '22008', '22003', '22001', '22023', '2201W', '2201X', '22021', '22P05']);
const PG_UNAVAILABLE_PREFIXES = ['08', '57P', '53'];
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

function isDbUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NET_UNAVAILABLE.has(code)) return true;
  if (PG_UNAVAILABLE_PREFIXES.some((p) => code.startsWith(p))) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
      msg,
    )
  ) {
    return true;
  }
  return e.driverError !== undefined && e.driverError !== err && isDbUnavailable(e.driverError);
}

/** Maps any error to an RFC 9457 problem. Exported for reuse outside HTTP (e.g. tests). */
export function toProblemParts(exception: unknown): Mapped {
  if (exception instanceof DomainError) {
    return { status: STATUS_BY_KIND[exception.kind], code: exception.code, detail: exception.message, errors: exception.fieldErrors };
  }
  if (exception instanceof ThrottlerException) {
    return { status: 429, code: 'RATE_LIMITED', detail: 'Too many requests; slow down and try again shortly' };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let detail = exception.message;
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const m = (response as { message: unknown }).message;
      detail = Array.isArray(m) ? m.join('; ') : String(m);
    }
    const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : status === 413 ? 'PAYLOAD_TOO_LARGE' : `HTTP_${status}`;
    return { status, code, detail };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception as QueryFailedError & { code?: string }).code ?? '';
    if (code === '23505') return { status: 409, code: 'ALREADY_EXISTS', detail: 'A record with the same unique value already exists' };
    if (code === '23503')
      return { status: 409, code: 'REFERENCE_CONFLICT', detail: 'The record refers to, or is referred to by, another record' };
    if (code === '23514' || code === '23502')
      return { status: 400, code: 'CONSTRAINT_VIOLATED', detail: 'The value breaks a rule of the data model' };
    if (PG_BAD_INPUT.has(code)) return { status: 400, code: 'BAD_VALUE', detail: 'A value has the wrong format' };
    if (code === '40001' || code === '40P01')
      return { status: 409, code: 'CONCURRENT_UPDATE', detail: 'A concurrent change got in the way; retry the request' };
    if (code === '57014') return { status: 503, code: 'QUERY_TIMEOUT', detail: 'The database took too long to answer; retry shortly' };
  }
  if (isDbUnavailable(exception)) {
    return { status: 503, code: 'DATABASE_UNAVAILABLE', detail: 'The database is not reachable right now; retry shortly' };
  }
  // body-parser errors carry `type` and `status`
  const bp = exception as { type?: unknown; status?: unknown };
  if (bp && typeof bp === 'object' && typeof bp.type === 'string' && typeof bp.status === 'number') {
    switch (bp.type) {
      case 'entity.too.large':
        return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than 1 MB' };
      case 'entity.parse.failed':
        return { status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON' };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { status: 415, code: 'UNSUPPORTED_ENCODING', detail: 'The request body encoding is not supported' };
      default:
        if (bp.status >= 400 && bp.status < 500) return { status: bp.status, code: 'BAD_REQUEST', detail: 'The request could not be read' };
    }
  }
  return { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; quote the request id when reporting it' };
}

export function buildProblem(exception: unknown, requestId: string): Problem {
  const mapped = toProblemParts(exception);
  const problem: Problem = {
    type: problemType(mapped.code),
    title: TITLE_BY_STATUS[mapped.status] ?? 'Error',
    status: mapped.status,
    detail: mapped.detail,
    requestId,
  };
  if (mapped.errors && mapped.errors.length > 0) problem.errors = mapped.errors;
  return problem;
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const requestId = req?.id ?? RequestContext.requestId() ?? 'unknown';
    const problem = buildProblem(exception, requestId);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId, path: redactUrl(req?.originalUrl) }, `request failed with ${problem.status}`);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem.status === 429) standardRetryAfter(res);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/**
 * A named throttler sends `Retry-After-<name>`; clients (RFC 9110) read `Retry-After`, so
 * a 429 carries that too, with the longest wait of the throttlers that refused.
 */
function standardRetryAfter(res: Response): void {
  const waits = Object.entries(res.getHeaders())
    .filter(([name]) => /^retry-after-/i.test(name))
    .map(([, value]) => Number(value))
    .filter((n) => Number.isFinite(n));
  if (waits.length > 0 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(Math.max(...waits)));
}
