import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { appRoutePaths } from './src/app/route-table.ts';

const clientDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(clientDir, '..');
const require = createRequire(import.meta.url);
const gcdsFontsDir = path.join(path.dirname(require.resolve('@cdssnc/gcds-fonts/package.json')), 'fonts');
const gcdsComponentEntry = /[\\/]@cdssnc[\\/]gcds-components[\\/]dist[\\/]components[\\/]gcds-[a-z-]+\.js$/;
// The package exports no `require` entry point: find its folder through gcds.css, which it does export.
const gcdsReactComponents = path.join(
  path.dirname(require.resolve('@cdssnc/gcds-components-react/gcds.css')),
  'dist',
  'components.js',
);
const apiTarget = 'http://localhost:4000';
const apolloChunk =
  /[\\/]node_modules[\\/](@apollo|rxjs|optimism|@wry|tslib|ts-invariant)[\\/]|[\\/]src[\\/]lib[\\/](apollo-(client|runtime)|session-clock)\.tsx?$/;

/**
 * The app runs on Preact through `preact/compat`, which answers to React's package names: 11 kB gzip of
 * the first chunk instead of react-dom's 63 (docs/decisions/0053). The build, the dev server and the
 * client's specs all resolve React's names here, so what the specs render is what ships. The types stay
 * @types/react's. Exact names only: `react-router` and `react-i18next` are not React.
 */
const preactCompat = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  // Testing Library's `act` when React has none (React.act is React 19's).
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  // react-i18next's shim for Reacts before 18, a CommonJS module that requires React: compat has the hook.
  { find: /^use-sync-external-store\/shim$/, replacement: 'preact/compat' },
];
// The credential rules are shared with the server, which owns them (docs/decisions/0008).
const sharedRulesDir = path.join(repoRoot, 'server', 'src', 'common', 'rules');

/**
 * Canada.ca pages show a "Date modified"; for the portal it is the day the client was built, in the
 * agency's time zone. SOURCE_DATE_EPOCH (seconds) pins it for reproducible builds.
 */
const builtAt = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
  : new Date();
const dateModified = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(builtAt);

/**
 * gcds.css declares the gcds-icons @font-face with a URL on the GC Design System CDN. The portal must
 * not load anything from the network at run time (see docs/decisions/0003), so point that URL at the
 * same files shipped in @cdssnc/gcds-fonts and let Vite bundle them.
 */
function gcdsLocalAssets(): Plugin {
  const cdnFonts = /https:\/\/cdn\.design-system\.alpha\.canada\.ca\/@cdssnc\/gcds-fonts@[^/]+\//g;
  return {
    name: 'passerelle:gcds-local-assets',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('/gcds-components-react/gcds.css')) return null;
      const relative = path.relative(path.dirname(file), gcdsFontsDir).split(path.sep).join('/');
      const rewritten = code.replace(cdnFonts, `${relative}/`);
      if (/url\(\s*['"]?https?:/.test(rewritten)) {
        this.error('gcds.css still loads an asset from the network: extend gcdsLocalAssets()');
      }
      return { code: rewritten, map: null };
    },
  };
}

/**
 * The GCDS React package defines its 42 wrappers in one module, so the bundler keeps every wrapper the
 * app uses, with its web component, in one chunk that every page loads (90 kB gzip). This plugin serves
 * the package as one small module per wrapper, made from the package's own file: each page's chunk then
 * holds only the components it shows, and the first page loads the frame's and its own
 * (docs/decisions/0024). The build fails if the file no longer has the shape read here.
 */
function gcdsComponentPerModule(): Plugin {
  const barrel = '\0gcds-react';
  const prefix = `${barrel}/`;
  let wrappers: Map<string, string> | undefined;

  function parse(): Map<string, string> {
    const source = readFileSync(gcdsReactComponents, 'utf8');
    const imports = new Map<string, string>();
    for (const line of source.matchAll(
      /^import \{ (\w+) as \w+Element, defineCustomElement as \w+ \} from "[^"]+";$/gm,
    )) {
      imports.set(line[1] ?? '', line[0]);
    }
    const header = [
      "import { createComponent } from '@stencil/react-output-target/runtime';",
      "import React from 'react';",
    ];
    if (!header.every((line) => source.includes(line)))
      throw new Error(`${gcdsReactComponents}: unexpected imports`);
    const modules = new Map<string, string>();
    const blocks = source.split(/^(?=export const )/m).slice(1);
    for (const block of blocks) {
      const name = /^export const (\w+) = /.exec(block)?.[1] ?? '';
      const importLine = imports.get(name);
      if (!importLine) throw new Error(`${gcdsReactComponents}: no element import for ${name}`);
      modules.set(name, [...header, importLine, block].join('\n'));
    }
    if (modules.size !== imports.size || modules.size === 0) {
      throw new Error(`${gcdsReactComponents}: ${modules.size} wrappers for ${imports.size} elements`);
    }
    return modules;
  }

  return {
    name: 'passerelle:gcds-component-per-module',
    // Splitting matters for the chunks of a build only; tests and the dev server use the package as is.
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === '@cdssnc/gcds-components-react') return { id: barrel, moduleSideEffects: false };
      if (source.startsWith(prefix)) return { id: source, moduleSideEffects: false };
      // What a wrapper imports resolves as from the package's own file.
      if (importer?.startsWith(prefix)) return this.resolve(source, gcdsReactComponents, { skipSelf: true });
      return null;
    },
    load(id) {
      if (id !== barrel && !id.startsWith(prefix)) return null;
      wrappers ??= parse();
      if (id === barrel) {
        return [...wrappers.keys()].map((name) => `export { ${name} } from '${prefix}${name}';`).join('\n');
      }
      const code = wrappers.get(id.slice(prefix.length));
      if (!code) this.error(`unknown GCDS wrapper ${id}`);
      return { code, moduleSideEffects: false };
    },
  };
}

/**
 * React Router's package exports its development build to every bundler (it has no `production`
 * condition): its warnings and their messages. A build takes the production build beside it, for both
 * entry points the app imports (`react-router` and `react-router/dom`), which import only their own
 * chunks; 0.6 kB gzip of the first chunk (docs/decisions/0036, 0050). Tests and the dev server keep the
 * development build and its warnings.
 */
function reactRouterProductionBuild(): Plugin {
  const development = path.dirname(require.resolve('react-router'));
  const production = path.join(path.dirname(development), 'production');
  const entries: Record<string, string> = {
    'react-router': path.join(production, 'index.mjs'),
    'react-router/dom': path.join(production, 'dom-export.mjs'),
  };
  return {
    name: 'passerelle:react-router-production-build',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      if (path.basename(development) !== 'development')
        this.error(`react-router resolves to ${development}, not its development build: update this plugin`);
    },
    resolveId(source) {
      return entries[source] ?? null;
    },
  };
}

/**
 * Writes `x.br` (brotli, best level) and `x.gz` (gzip -9) beside each asset that compresses, once at
 * build; the server sends the one the browser accepts (server/src/app/static-client.ts). Fonts in
 * woff2 and images are compressed already and stay as they are.
 */
function precompressAssets(): Plugin {
  const compressible = /\.(js|css|svg|json|ttf|woff|map)$/;
  let outDir = '';
  return {
    name: 'passerelle:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const assetsDir = path.join(outDir, 'assets');
      for (const name of readdirSync(assetsDir)) {
        if (!compressible.test(name)) continue;
        const file = path.join(assetsDir, name);
        const content = readFileSync(file);
        const brotli = brotliCompressSync(content, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        });
        const gzip = gzipSync(content, { level: 9 });
        // A copy no smaller than the file (a tiny chunk) is not worth a second request path.
        if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

/**
 * codegen writes every operation's document and hooks into one module (client/src/generated/graphql.ts,
 * 15 kB gzip of documents), so every page loaded all 100 documents. In a build, this plugin serves that
 * module as a list of re-exports of one small module per document and per hook, cut from the file's own
 * lines: each page's chunk holds the documents it uses (docs/decisions/0024). The build fails if a line
 * of the file no longer has the shape read here (a change of tools/codegen).
 */
function generatedOperationPerModule(): Plugin {
  const generated = path.join(clientDir, 'src', 'generated', 'graphql.ts');
  const persistedIdsFile = path.join(clientDir, 'src', 'generated', 'persisted-document-ids.json');
  const prefix = '\0graphql-operation/';
  const registry = '\0graphql-persisted-ids';
  const documentLine = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<[^;]*>;$/;
  const hookLines =
    /^export function (use\w+)\(options\??: [^)]*\) \{\n {2}return (use\w+)<[^>]*>\((\w+), options\);\n\}$/gm;
  let pieces: Map<string, string> | undefined;

  function cut(source: string, persistedIds: Record<string, string>): Map<string, string> {
    const modules = new Map<string, string>();
    const ids = JSON.stringify(registry);
    for (const line of source.split('\n')) {
      const match = documentLine.exec(line);
      if (!match?.[1] || !match[2]) continue;
      const operation =
        /"kind":"OperationDefinition","operation":"\w+","name":\{"kind":"Name","value":"(\w+)"\}/.exec(
          match[2],
        )?.[1];
      const id = operation ? persistedIds[operation] : undefined;
      // An operation's persisted id comes with its document: the link reads it from the same object the
      // JSON import gives it, which holds the ids of the documents loaded so far (a document is loaded
      // before it is sent), not all of them in the entry chunk.
      modules.set(
        match[1],
        id
          ? [
              `import persistedIds from ${ids};`,
              `persistedIds[${JSON.stringify(operation)}] = ${JSON.stringify(id)};`,
              `export const ${match[1]} = ${match[2]};`,
            ].join('\n')
          : `export const ${match[1]} = ${match[2]};`,
      );
    }
    for (const [, hook = '', apolloHook = '', document = ''] of source.matchAll(hookLines)) {
      if (!modules.has(document)) throw new Error(`${generated}: ${hook} uses ${document}, not found`);
      modules.set(
        hook,
        [
          `import { ${apolloHook} } from '@apollo/client/react';`,
          `import { ${document} } from '${prefix}${document}';`,
          `export function ${hook}(options) { return ${apolloHook}(${document}, options); }`,
        ].join('\n'),
      );
    }
    const runtimeExports = source.match(/^export (const|function) /gm)?.length ?? 0;
    if (modules.size !== runtimeExports) {
      throw new Error(
        `${generated}: read ${modules.size} of its ${runtimeExports} exports; update this plugin`,
      );
    }
    return modules;
  }

  return {
    name: 'passerelle:generated-operation-per-module',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith(prefix) || source === registry) return { id: source, moduleSideEffects: false };
      const file =
        importer && !importer.startsWith('\0') ? path.resolve(path.dirname(importer), source) : source;
      return file === persistedIdsFile ? { id: registry, moduleSideEffects: false } : null;
    },
    load(id) {
      if (id.startsWith(prefix)) {
        const code = pieces?.get(id.slice(prefix.length));
        if (!code) this.error(`unknown generated export ${id}`);
        return { code, moduleSideEffects: false };
      }
      if (id === registry) {
        // Filled in by each document's module as it loads (see cut()).
        return { code: 'export default {};', moduleSideEffects: false };
      }
      if (id !== generated) return null;
      const persistedIds = JSON.parse(readFileSync(persistedIdsFile, 'utf8')) as Record<string, string>;
      pieces = cut(readFileSync(generated, 'utf8'), persistedIds);
      const operations = [...pieces.values()].filter((code) => code.startsWith('import persistedIds')).length;
      if (operations !== Object.keys(persistedIds).length) {
        throw new Error(
          `${persistedIdsFile}: ${Object.keys(persistedIds).length} ids for ${operations} operation documents; update this plugin`,
        );
      }
      return {
        code: [...pieces.keys()].map((name) => `export { ${name} } from '${prefix}${name}';`).join('\n'),
        moduleSideEffects: false,
      };
    },
  };
}

/**
 * Writes the app's route table (src/app/route-table.ts, the one the router uses) to `routes.json` beside
 * index.html: the server answers HTTP 404 for a path under /en or /fr that no page has, from this file
 * (server/src/app/static-client.ts), so the two cannot disagree.
 */
function routeTable(): Plugin {
  return {
    name: 'passerelle:route-table',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: JSON.stringify(appRoutePaths) });
    },
  };
}

export default defineConfig({
  root: clientDir,
  plugins: [
    gcdsLocalAssets(),
    gcdsComponentPerModule(),
    generatedOperationPerModule(),
    reactRouterProductionBuild(),
    precompressAssets(),
    routeTable(),
  ],
  define: { 'import.meta.env.VITE_DATE_MODIFIED': JSON.stringify(dateModified) },
  // Vite's own defaults for the browser, spelled out because vitest (see test.server below) needs
  // them too: @lit/react, under the GCDS React wrappers, only sets element properties in its
  // browser build.
  resolve: {
    conditions: ['module', 'browser', 'es2015', 'development|production'],
    // Testing Library's ES module build (its `module` field), whose React imports take the aliases below;
    // its CommonJS build would `require` React itself.
    mainFields: ['browser', 'module', 'jsnext:main', 'jsnext'],
    alias: [{ find: '@rules', replacement: sharedRulesDir }, ...preactCompat],
  },
  // JSX through `react/jsx-runtime`, that is Preact's (above). No React Fast Refresh: it needs React's
  // renderer, so the dev server reloads the page when a component changes.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: path.join(clientDir, 'dist'),
    emptyOutDir: true,
    // Fonts stay separate files: inlining a woff2 into CSS as base64 only makes the CSS heavier.
    assetsInlineLimit: 0,
    // Every browser the portal supports preloads modules itself (Chrome 66, Firefox 115, Safari 17);
    // an older one only loads a page's chunks a little later. Vite's polyfill was 0.4 kB gzip of the
    // first chunk (docs/decisions/0050).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // React Router marks its modules "use client" (for React Server Components, which the portal does
      // not use); bundling drops the directive, as it should.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'frame', tags: ['$initial'] },
            // Apollo Client and what it brings (rxjs, its caches), with the app’s client: one chunk
            // that the first page needing it loads, rather than some 20 shared pieces (docs/decisions/0061).
            { name: 'apollo-client', test: apolloChunk },
          ],
        },
      },
      treeshake: {
        // The GCDS React package imports every component's entry module; those entries only
        // define a custom element when their wrapper is used, so unused ones (gcds-topic-menu alone
        // is 120 kB and fetches a menu from canada.ca) can go.
        moduleSideEffects: (id: string) => !gcdsComponentEntry.test(id) && !id.startsWith('\0gcds-react'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
      // Document routes and the live bell's event stream.
      '/api': apiTarget,
    },
    fs: { allow: [repoRoot] },
  },
  test: {
    // The codegen plugin's spec lives in tools/ at the repo root, so scan from there.
    dir: repoRoot,
    include: ['client/src/**/*.spec.{ts,tsx}', 'tools/**/*.spec.ts'],
    environment: 'jsdom',
    // Time zone of the agency: date bugs show up in tests, as in production.
    env: { TZ: 'America/Toronto' },
    setupFiles: [path.join(clientDir, 'src/test/setup.ts')],
    css: false,
    // Bundle the GCDS React wrappers through Vite (browser conditions) instead of Node's loader, and
    // every package that imports React, so that it gets Preact through the aliases above; Preact itself
    // too, so that one copy of it serves them all (Node's loader would take its other build).
    server: {
      deps: {
        inline: [
          '@cdssnc/gcds-components-react',
          '@stencil/react-output-target',
          '@lit/react',
          '@apollo/client',
          'react-router',
          'react-i18next',
          '@testing-library/react',
          'preact',
          // The optimizer's chunks (deps.optimizer below), which vitest would otherwise load through Node's
          // loader once per worker, shared by the files it runs.
          /[\\/]node_modules[\\/]\.vite[\\/]vitest[\\/]/,
        ],
      },
    },
    // A registry imports the libraries (its own module graph): some 900 modules of Apollo Client,
    // GCDS, React Router, i18next, Testing Library and Preact, each fetched from the main process and
    // evaluated on its own. vitest's dependency optimizer bundles them once per run (a second or two) into
    // a few chunks that every worker evaluates instead; the chunks are inlined (server.deps.inline above), so
    // they are evaluated in the worker's registry with its jsdom's globals (docs/decisions/0058, 0064). Every entry the
    // specs and the app import must be listed: one left out is loaded from its own files beside the bundle,
    // a second copy of the library (vitest leaves out `react` and the JSX runtimes itself: they come through
    // the aliases to Preact's entries listed here).
    deps: {
      optimizer: {
        client: {
          enabled: true,
          include: [
            'preact',
            'preact/compat',
            'preact/hooks',
            'preact/debug',
            'preact/test-utils',
            '@apollo/client',
            '@apollo/client/errors',
            '@apollo/client/react',
            '@apollo/client/testing',
            '@apollo/client/testing/react',
            '@cdssnc/gcds-components-react',
            'graphql',
            'i18next',
            'react-i18next',
            'react-router',
            'react-router/dom',
            'rxjs',
            '@testing-library/react',
            '@testing-library/user-event',
            '@testing-library/jest-dom/vitest',
          ],
        },
      },
    },
    restoreMocks: true,
    // vitest's default is one worker less than the cores, one on two cores: two keep both busy while the
    // main process transforms the next files (docs/decisions/0025).
    maxWorkers: 2,
    // Worker threads instead of vitest's default child processes: each file still gets its own jsdom and its
    // own modules, without a process to start. The whole suite: 201 and 201 s against 237 and 243 s with
    // forks, interleaved, at a load of 7 (docs/decisions/0055).
    pool: 'threads',
    // The files of a worker share its jsdom and its module registry: vitest 4 builds a worker's window once,
    // and its libraries and app modules are evaluated once (each spec file and src/test/setup.ts afresh).
    // The setup puts the window and the app's module state back after each file (src/app/reset-between-spec-files.ts).
    // 133 CPU-seconds against 356 isolated, at a load of 9 to 11 (docs/decisions/0064). CLIENT_ISOLATE=true
    // gives each file its own worker again, to tell a leak from a bug.
    isolate: process.env.CLIENT_ISOLATE === 'true',
    // Waiting queries give up after 15 s (src/test/setup.ts); a journey of several steps needs more on a busy machine.
    testTimeout: 20_000,
  },
});
