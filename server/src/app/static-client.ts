import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { languageFromHeader } from '../common/i18n/language.js';

const notFoundPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found / Page introuvable</title></head>
<body><main>
<h1>Page not found</h1><p><a href="/en">Go to the Passerelle client portal</a></p>
<div lang="fr"><h2>Page introuvable</h2><p><a href="/fr">Aller au portail client Passerelle</a></p></div>
</main></body></html>`;

/**
 * Serves the built single-page app: hashed assets with a long cache, `index.html` for every route under
 * /en/ and /fr/ (the client router takes over), and `/` redirected by Accept-Language.
 */
export function staticClient(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');

  router.get('/', (req: Request, res: Response) => {
    res.redirect(302, `/${languageFromHeader(req.get('accept-language'))}`);
  });

  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));

  router.get(/^\/(en|fr)(\/.*)?$/, (_req: Request, res: Response) => {
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).type('html').send(notFoundPage);
  });
  return router;
}
