import { type ModuleManifest } from '../../app/module-manifest.js';
import { DemoResolver } from './demo.resolver.js';

/** The demo anyone can try: its one-click sign-ins (the world is seeded by main.ts and `npm run demo:seed`). */
export const demoModule: ModuleManifest = {
  name: 'demo',
  resolvers: [DemoResolver],
};
