import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import express, { type Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Services } from './services';
import { requireAuth } from './http/middleware/auth';
import { errorHandler, notFoundHandler } from './http/middleware/errors';
import { auditPhiDenial } from './modules/audit/phi-denials';
import { jsonOnly } from './http/middleware/json-only';
import { requestId } from './http/middleware/request-context';
import { routeTable } from './http/routes';

/** Builds the HTTP app from its dependencies. Never listens itself (see index.ts / server.ts). */
export function createApp(s: Services): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', s.config.TRUST_PROXY);
  app.use(requestId);
  app.use(
    pinoHttp({
      logger: s.log,
      genReqId: (req) => (req as express.Request).requestId,
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'silent'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:', 'mediastream:'],
          'worker-src': ["'self'", 'blob:'],
          'script-src': ["'self'", "'wasm-unsafe-eval'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(express.json({ limit: '256kb' }));

  const api = express.Router();
  // Every API answer may carry patient data: never kept by browsers or shared caches.
  api.use(noStore);
  api.use(jsonOnly({ except: RAW_BODY_ROUTES }));
  const routes = routeTable(s);
  for (const mount of routes.open) api.use(mount.path, mount.router);
  api.use(requireAuth(s.sessions, { onDenied: (req, err) => auditPhiDenial(s.audit, { method: req.method, path: req.path, ip: req.ip, requestId: req.requestId }, err) }));
  for (const mount of routes.authenticated) api.use(mount.path, mount.router);
  api.use(notFoundHandler);
  app.use('/api', api);
  for (const mount of routes.root) app.use(mount.path, mount.router);

  serveClient(app, s.config.CLIENT_DIST_DIR);
  app.use(notFoundHandler);
  app.use(errorHandler(s.log));
  return app;
}

/** Routes that declare a non-JSON body of their own (field attachments: the image is the body). */
const RAW_BODY_ROUTES = [/^\/consultations\/[^/]+\/attachments\/?$/];

function noStore(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * The built React client, with SPA fallback to index.html for client-side routes. The build writes
 * brotli and gzip copies next to its assets (client/vite.config.ts): they are sent to browsers that
 * accept them (`Content-Encoding`, `Vary: Accept-Encoding`), the file itself to others.
 */
function serveClient(app: Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use(expressStaticGzip(dist, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, maxAge: '1h', setHeaders: cacheHeaders } }));
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Hashed assets never change under their name: cached for a year; HTML is checked every time. */
function cacheHeaders(res: http.ServerResponse, file: string): void {
  const name = file.replace(/\.(br|gz)$/, '');
  if (name.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (name.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
