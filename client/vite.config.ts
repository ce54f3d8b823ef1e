import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const clientDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(clientDir, '..');
const require = createRequire(import.meta.url);
const gcdsFontsDir = path.join(path.dirname(require.resolve('@cdssnc/gcds-fonts/package.json')), 'fonts');
const gcdsComponentEntry = /[\\/]@cdssnc[\\/]gcds-components[\\/]dist[\\/]components[\\/]gcds-[a-z-]+\.js$/;
const apiTarget = 'http://localhost:4000';
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

export default defineConfig({
  root: clientDir,
  plugins: [react(), gcdsLocalAssets()],
  define: { 'import.meta.env.VITE_DATE_MODIFIED': JSON.stringify(dateModified) },
  // Vite's own defaults for the browser, spelled out because vitest (see test.server below) needs
  // them too: @lit/react, under the GCDS React wrappers, only sets element properties in its
  // browser build.
  resolve: {
    conditions: ['module', 'browser', 'development|production'],
    alias: { '@rules': sharedRulesDir },
  },
  build: {
    outDir: path.join(clientDir, 'dist'),
    emptyOutDir: true,
    // Fonts stay separate files: inlining a woff2 into CSS as base64 only makes the CSS heavier.
    assetsInlineLimit: 0,
    rolldownOptions: {
      treeshake: {
        // The GCDS React package imports every component's entry module; those entries only
        // define a custom element when their wrapper is used, so unused ones (gcds-topic-menu alone
        // is 120 kB and fetches a menu from canada.ca) can go.
        moduleSideEffects: (id: string) => !gcdsComponentEntry.test(id),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
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
    // Bundle the GCDS React wrappers through Vite (browser conditions) instead of Node's loader.
    server: {
      deps: { inline: ['@cdssnc/gcds-components-react', '@stencil/react-output-target', '@lit/react'] },
    },
    restoreMocks: true,
    // vitest's default is one worker less than the cores, one on two cores: two keep both busy while the
    // main process transforms the next files (docs/decisions/0025).
    maxWorkers: 2,
    // With waits of up to 5 s (src/test/setup.ts), a journey of several steps needs more than 5 s on a busy machine.
    testTimeout: 20_000,
  },
});
