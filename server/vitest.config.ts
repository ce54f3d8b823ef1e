import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { usesWorld } from './test/support/world-files.js';

/**
 * vitest's order (failed, then longest or largest first), with the files that read the run's portfolio world
 * last: the global setup builds it while the other files run (test/support/world-templates.ts, decision 0054).
 */
class WorldFilesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = sorted.filter((file) => usesWorld(file.moduleId));
    return [...sorted.filter((file) => !last.includes(file)), ...last];
  }
}

export default defineConfig({
  // esbuild does not emit decorator metadata, which type-graphql and TypeORM read; swc does.
  plugins: [swc.vite({ jsc: { target: 'es2022' } })],
  resolve: {
    // One graphql module instance, or type-graphql reports "Duplicate graphql modules".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // SQLite files and MySQL databases are per test file, so files can run in parallel. vitest's default is
    // one worker less than the cores, one on two cores: two keep both busy while a file waits on its
    // database (docs/decisions/0025).
    pool: 'forks',
    maxWorkers: 2,
    // One module registry per worker, shared by its files one after the other: each file still makes its own
    // databases, apps and servers and closes them in afterAll, but TypeORM, type-graphql, Apollo and the app's
    // modules load once per worker instead of once per file, half the suite's CPU (docs/decisions/0060).
    // SERVER_ISOLATE=true gives each file its own registry again.
    isolate: process.env.SERVER_ISOLATE === 'true',
    sequence: { sequencer: WorldFilesLast },
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
  },
});
