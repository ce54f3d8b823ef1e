import base from './vite.config.ts';
import { gzipSync } from 'node:zlib';
const cfg: any = base;
const variant = process.env.VARIANT ?? '';
if (variant.includes('rr')) cfg.resolve.alias = { ...cfg.resolve.alias, 'react-router/dom': '/work/wt/scale-web/node_modules/react-router/dist/production/dom-export.mjs', 'react-router': '/work/wt/scale-web/node_modules/react-router/dist/production/index.mjs' };
if (variant.includes('esb')) cfg.build.minify = 'esbuild';
cfg.plugins = [...cfg.plugins, {
  name: 'report', generateBundle(_o: any, bundle: any) {
    let t = 0; const rows: string[] = [];
    for (const [f, c] of Object.entries<any>(bundle)) {
      if (c.type !== 'chunk') continue;
      if (!/index-|p-CwNv|use-document-title|visitor|networkStatus/.test(f)) continue;
      const g = gzipSync(c.code, {level:9}).length; t += g; rows.push(`${g} ${f}`);
    }
    console.log('REPORT', variant, t, rows.join(' | '));
  }}];
cfg.build.outDir = '/tmp/scale-web-dist';
export default cfg;
