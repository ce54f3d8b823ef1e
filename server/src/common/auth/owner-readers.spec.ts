import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 19 item 4: the owner readers the access directive calls (how a guarded root field finds what it
// touches) are typed by the arguments they read and by the context they use. A reader that looks an argument
// up by string (`args.input`, `args['id']`), casts the context (`context as AppContext`) or is typed by the
// untyped `OwnerFromArgs` fails here; `ownerFromArg` (access-directive.ts) declares the argument path it reads,
// which the schema build then checks against the field's arguments.

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** The files that define or pass owner readers: the *-owners.ts files and every file giving `owner:` to Access. */
const readerFiles = sources(modules).filter((file) => {
  const text = readFileSync(file, 'utf8');
  return (
    /owners\.ts$/.test(file) ||
    /@Access\([^)]*\{\s*owner:/.test(text) ||
    /OwnerFromArgs|OwnerReader/.test(text)
  );
});

const untyped: Array<[RegExp, string]> = [
  [/\bOwnerFromArgs\b/, 'the untyped OwnerFromArgs'],
  [/\bcontext as \w+/, 'a context cast'],
  [/\(context as /, 'a context cast'],
  [/\bargs\s*(\.\s*\w+|\[)/, 'a string argument lookup'],
  [/owner:\s*\(args/, 'an inline reader of untyped arguments'],
];

describe('owner readers are typed', () => {
  it('finds the readers', () => {
    expect(readerFiles.length).toBeGreaterThan(10);
  });

  it('never looks an argument up by string nor casts the context', () => {
    const found: string[] = [];
    for (const file of readerFiles) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const [pattern, what] of untyped)
          if (pattern.test(line)) found.push(`${path.relative(modules, file)}:${index + 1} ${what}`);
      });
    }
    expect(found).toEqual([]);
  });
});
