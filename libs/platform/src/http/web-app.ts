import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { buildProblem } from '../errors/problem.filter';

/**
 * Serves the built web app (apps/web/dist) from the API's origin and port. The `.br`/`.gz`
 * files written at build time (scripts/build-web.mjs) are served by content negotiation, so
 * nothing is compressed per request. Deep links get `index.html`, except under `/api`,
 * `/health` and `/metrics` (an unknown `/api/v1/...` stays a problem+json 404).
 */
export const WEB_DIST_DIR_DEFAULT = join('apps', 'web', 'dist');

const API_PATHS = /^\/(api|health|metrics)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The repository root: the nearest folder above this file holding package.json (works from src and dist). */
function repositoryRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** `WEB_DIST_DIR` (relative to the working directory), else apps/web/dist from the repository root. */
export function resolveWebDistDir(env: Record<string, string | undefined> = process.env): string {
  const raw = env.WEB_DIST_DIR?.trim();
  return raw ? resolve(raw) : join(repositoryRoot(), WEB_DIST_DIR_DEFAULT);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** br, then gzip, when the client takes them (q=0 refuses) and the file was pre-compressed. */
function negotiate(req: Request, file: string): { path: string; encoding: string | null } {
  const accepted = new Map<string, number>();
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (enc: string) => (accepted.get(enc) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br') && isFile(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (takes('gzip') && isFile(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return { path: file, encoding: null };
}

function sendStatic(req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): void {
  const { path, encoding } = negotiate(req, file);
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  // dotfiles 'allow': the path was already checked to lie inside the dist folder
  res.sendFile(path, { cacheControl: false, lastModified: true, etag: true, dotfiles: 'allow' }, (err?: Error) => {
    if (err && !res.headersSent) next(err);
  });
}

function acceptsHtml(req: Request): boolean {
  return String(req.headers.accept ?? '').includes('text/html');
}

/** The middleware serving `distDir`, or null when it holds no index.html (not built). */
export function webAppMiddleware(distDir: string): RequestHandler | null {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!isFile(index)) return null;
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(root, decoded));
    const inside = file.startsWith(root + sep);
    const hidden = decoded.split('/').some((segment) => segment.startsWith('.'));
    if (inside && !hidden && !file.endsWith('.br') && !file.endsWith('.gz') && isFile(file)) {
      const hashed = decoded.startsWith('/assets/');
      return sendStatic(req, res, next, file, hashed ? IMMUTABLE : 'no-cache');
    }
    // a missing asset is a 404, never index.html (a stale chunk must fail loudly), and so is
    // a request that does not take HTML
    if (decoded.startsWith('/assets/') || !acceptsHtml(req)) return notFound(req, res, 'No such file');
    return sendStatic(req, res, next, index, 'no-cache');
  };
}

function notFound(req: Request, res: Response, detail: string): void {
  const requestId = (req as Request & { id?: string }).id ?? 'unknown';
  res
    .status(404)
    .type('application/problem+json')
    .send(JSON.stringify(buildProblem(new NotFoundException(detail), requestId)));
}

/** `/` when the web app is not built: a short problem+json 404 that says how to build it. */
export function webAppMissingHandler(): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') return next();
    notFound(req, res, 'The web app is not built: run npm run build. The API is under /api/v1.');
  };
}
