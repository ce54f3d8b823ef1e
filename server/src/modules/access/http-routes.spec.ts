import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 19 item 4: the REST routes that serve a business's data (documents, message attachments, letters'
// PDFs, export downloads) take their caller from the shared `httpCaller` (session cookie or bearer token,
// terms, CSRF: http-access.ts) and decide through `decideFor`, the access directive's own decision, with the
// typed owner readers of the GraphQL fields. A route that rebuilds the session, the CSRF check, the standing
// or the decision fails here.

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const routeFiles = readdirSync(modules, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.routes.ts'))
  .map((file) => path.join(modules, file))
  .filter((file) => /router\.(get|post)\(/.test(readFileSync(file, 'utf8')));

/** Routes outside the access tables, with the reason. */
const outside: Record<string, string> = {
  'partner-sign-in/partner-sign-in.routes.ts': 'identity: signing in through a partner, before any caller',
  'notices/notices-stream.routes.ts':
    'the caller’s own notice stream: each event is filtered by the notices’ own reach (notices-stream-reach.spec)',
};

const rebuilt: Array<[RegExp, string]> = [
  [/new RequestSession\(/, 'a session rebuilt'],
  [/readSessionToken\(|readBearerToken\(/, 'a cookie or bearer token read'],
  [/csrfTokenMatches\(/, 'a CSRF check rebuilt'],
  [/createStandingSource\(/, 'a standing source rebuilt'],
  [/\bdecideAccess\(/, 'a decision outside decideFor'],
  [/\.role === /, 'a role compared'],
];

describe('REST routes decide through the access table’s one path', () => {
  it('finds the routes that serve a business’s data', () => {
    const names = routeFiles.map((file) => path.relative(modules, file)).filter((name) => !(name in outside));
    expect(names.sort()).toEqual([
      'documents/documents.routes.ts',
      'exports/exports.routes.ts',
      'messaging/messaging.routes.ts',
    ]);
  });

  it('takes the caller from httpCaller and decides with decideFor', () => {
    const found: string[] = [];
    for (const file of routeFiles) {
      const name = path.relative(modules, file);
      if (name in outside) continue;
      const text = readFileSync(file, 'utf8');
      for (const [pattern, what] of rebuilt) if (pattern.test(text)) found.push(`${name}: ${what}`);
      if (!/httpCaller\(/.test(text)) found.push(`${name}: no httpCaller`);
      if (!/decideFor\(/.test(text)) found.push(`${name}: no decideFor`);
    }
    expect(found).toEqual([]);
  });
});
