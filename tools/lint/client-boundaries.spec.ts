// @vitest-environment node
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { boundariesPlugin, clientBoundaryProblem } from './client-boundaries.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const at = (file: string) => path.join(root, file);

/** Lints `code` as if it were `file`, with the boundaries rule alone (no type information needed). */
async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { boundaries: boundariesPlugin },
        rules: { 'boundaries/client': 'error' },
      },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: at(file) });
  return result.messages.map((m) => m.message);
}

describe('client boundaries (eslint boundaries/client)', () => {
  it('refuses a feature importing another feature, at any depth', async () => {
    expect(
      await problems(
        'client/src/features/relationships/components/x.tsx',
        "import { NoActiveBusiness } from '../../business/components/business-parts';",
      ),
    ).toEqual([expect.stringContaining('features never import each other (relationships → business)')]);
    expect(
      await problems(
        'client/src/features/auth/components/registration/x.tsx',
        "export { x } from '../../../finance/components/finance-parts';\nvoid import('../../../notices/y');",
      ),
    ).toHaveLength(2);
  });

  it('refuses a feature importing the app, and shared code importing a feature', async () => {
    expect(
      await problems('client/src/features/notices/x.ts', "import { routes } from '../../app/router';"),
    ).toEqual([expect.stringContaining('never imports the app')]);
    expect(
      await problems(
        'client/src/components/layout/x.tsx',
        "import { NoticesBell } from '../../features/notices/components/notices-bell';",
      ),
    ).toEqual([expect.stringContaining('shared code (components/) never imports a feature (notices)')]);
    expect(
      await problems(
        'client/src/test/fixtures/x.ts',
        "import { a } from '../../features/finance/components/finance-parts';",
      ),
    ).toHaveLength(1);
  });

  it('lets a feature import itself and shared code, and the app import features', async () => {
    expect(
      await problems(
        'client/src/features/relationships/components/x.tsx',
        [
          "import { a } from './relationship-parts';",
          "import { b } from '../../../components/business/business-parts';",
          "import { c } from '../../../generated/graphql';",
          "import { d } from '@rules/credential-rules';",
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await problems(
        'client/src/app/routes/x.tsx',
        "import { WelcomePage } from '../../features/account/components/welcome-page';",
      ),
    ).toEqual([]);
  });

  it('keeps server/src/common/rules (bundled by the client) to itself', async () => {
    expect(
      await problems(
        'server/src/common/rules/x.ts',
        "import { readFileSync } from 'node:fs';\nimport { m } from '../i18n/messages';\nimport { y } from './credential-rules';",
      ),
    ).toHaveLength(2);
  });

  it('is on in eslint.config.js for the client (a cross-feature import fails the real config)', async () => {
    const eslint = new ESLint({ cwd: root });
    const config = (await eslint.calculateConfigForFile(
      at('client/src/features/account/components/welcome-page.tsx'),
    )) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['boundaries/client']).toEqual([2]);
    expect(
      clientBoundaryProblem(
        { room: 'features', feature: 'account' },
        { room: 'features', feature: 'finance' },
      ),
    ).toMatch(/account → finance/);
  });
});
