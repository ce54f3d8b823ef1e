// Preloaded (`--import`) into an app process by start-footprint.spec.ts: when the process exits, writes to
// LOADED_PACKAGES_FILE the npm packages its CommonJS loader loaded (the ES modules' imports of CommonJS
// packages go through it too), one per line.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { cache } = createRequire(import.meta.url);

process.on('exit', () => {
  const packages = new Set();
  for (const file of Object.keys(cache)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (match) packages.add(match[1].replace('\\', '/'));
  }
  writeFileSync(process.env.LOADED_PACKAGES_FILE, [...packages].sort().join('\n'));
});
