import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { languageFromHeader } from '../common/i18n/language.js';

const notFoundPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found / Page introuvable</title></head>
<body><main>
<h1>Page not found</h1><p><a href="/en">Go to the Passerelle client portal</a></p>
<div lang="fr"><h2>Page introuvable</h2><p><a href="/fr">Aller au portail client Passerelle</a></p></div>
</main></body></html>`;

/** Precompressed copies the client build writes beside each asset (client/vite.config.ts), best first. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The encoding to send among those available: the highest `q` in Accept-Encoding (`*` stands for any
 * encoding it does not name), brotli before gzip when the browser likes both as much (browsers list
 * gzip first, and `accepts` would keep their order). None when nothing available is accepted.
 */
export function preferredEncoding(
  header: string | undefined,
  available: ReadonlySet<string>,
): (typeof encodings)[number] | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  let best: (typeof encodings)[number] | undefined;
  let bestWeight = 0;
  for (const encoding of encodings) {
    if (!available.has(encoding.name)) continue;
    const weight = weights.get(encoding.name) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Sends `x.js.br` or `x.js.gz` for `x.js` when the browser accepts it and the build wrote it, with the
 * type of `x.js`: the files are compressed once at build (brotli at its best level, which is too slow
 * per request), never per request. Which copies exist is looked up once per file: hashed assets do
 * not change while the server runs.
 */
function precompressed(assetsDir: string) {
  const available = new Map<string, Set<string>>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Every answer under /assets depends on Accept-Encoding, the uncompressed one too (for caches).
    res.vary('Accept-Encoding');
    let relative: string;
    try {
      // An absolute path: normalizing it cannot climb out of the assets folder.
      relative = path.posix.normalize(decodeURIComponent(req.path));
    } catch {
      return next(); // a malformed %-escape: express.static answers it
    }
    if (relative.includes('\0')) return next();
    const file = path.join(assetsDir, relative);
    let found = available.get(file);
    if (!found) {
      // Only files that exist are remembered: requests for made-up names cannot grow the map.
      if (!existsSync(file)) return next();
      found = new Set(encodings.filter((e) => existsSync(file + e.suffix)).map((e) => e.name));
      available.set(file, found);
    }
    const encoding = found.size ? preferredEncoding(req.get('accept-encoding'), found) : undefined;
    if (!encoding) return next();
    // express.static keeps a Content-Type already set, so the type is the original file's, not `.br`'s.
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    req.url = `${req.url.split('?')[0]}${encoding.suffix}`;
    next();
  };
}

/**
 * Whether `pathWithinLanguage` (the path after `/en` or `/fr`) is one of the app's pages in `table`, the
 * client's route table (client/src/app/route-table.ts) as its build writes it to `routes.json`:
 * `:name` stands for any one segment; a trailing slash does not count.
 */
export function isAppRoute(pathWithinLanguage: string, table: readonly string[]): boolean {
  const segments = pathWithinLanguage.split('/').filter((s) => s !== '');
  return table.some((pattern) => {
    const parts = pattern === '' ? [] : pattern.split('/');
    return (
      parts.length === segments.length &&
      parts.every((part, i) => part.startsWith(':') || part === segments[i])
    );
  });
}

/** The build's route table, read once it exists; undefined for a build that wrote none. */
function routeTableReader(distDir: string): () => readonly string[] | undefined {
  const file = path.join(distDir, 'routes.json');
  let table: readonly string[] | undefined;
  return () => {
    if (!table && existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string'))
        throw new Error(`${file} is not a list of route paths`);
      table = parsed;
    }
    return table;
  };
}

/**
 * Serves the built single-page app: hashed assets with a long cache, precompressed when the browser
 * accepts it, `index.html` (never cached without asking) for every route under /en/ and /fr/ (the client router takes over), and `/` redirected by Accept-Language.
 * A path under /en/ or /fr/ that is none of the app's pages gets `index.html` too, so the app shows its own
 * "page not found" in the page's language, but with status 404 (issue 14, defect 3).
 */
export function staticClient(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');

  router.get('/', (req: Request, res: Response) => {
    res.redirect(302, `/${languageFromHeader(req.get('accept-language'))}`);
  });

  const assetsDir = path.join(distDir, 'assets');
  router.use(
    '/assets',
    precompressed(assetsDir),
    // `public, max-age=31536000, immutable`: the file names carry a hash of their content.
    express.static(assetsDir, { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));

  const routeTable = routeTableReader(distDir);
  router.get(/^\/(en|fr)(\/.*)?$/, (req: Request, res: Response) => {
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    const table = routeTable();
    const known = !table || isAppRoute(req.path.replace(/^\/(en|fr)/, ''), table);
    res.setHeader('Cache-Control', 'no-cache');
    res.status(known ? 200 : 404).sendFile(indexFile);
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).type('html').send(notFoundPage);
  });
  return router;
}
