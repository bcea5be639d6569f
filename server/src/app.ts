import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Services } from './services';
import { requireAuth } from './http/middleware/auth';
import { errorHandler, notFoundHandler } from './http/middleware/errors';
import { requestId } from './http/middleware/request-context';
import { auditRoutes } from './http/routes/audit-routes';
import { authRoutes } from './http/routes/auth-routes';
import { healthRoutes } from './http/routes/health-routes';
import { jwksRoutes } from './http/routes/jwks-routes';

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
  api.use('/health', healthRoutes(s.health));
  api.use('/auth', authRoutes(s.auth, s.signer));
  api.use(requireAuth(s.signer));
  api.use('/audit', auditRoutes(s.audit));
  for (const mount of s.routes) api.use(mount.path, mount.router);
  api.use(notFoundHandler);
  app.use('/api', api);
  app.use('/.well-known', jwksRoutes(s.prescriptions.keys));

  serveClient(app, s.config.CLIENT_DIST_DIR);
  app.use(notFoundHandler);
  app.use(errorHandler(s.log));
  return app;
}

/** The built React client, with SPA fallback to index.html for client-side routes. */
function serveClient(app: Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: noCacheHtml }));
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
