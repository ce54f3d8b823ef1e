// A small local ESLint rule for the server's walls (decision 0020), so no import-plugin is needed:
//  - server/src/common/** never imports server/src/modules/** (common is the ground floor);
//  - a module never imports another module's entities or repositories (`*.entity.ts`, `*.entities.ts`,
//    `*.repository.ts`): it goes through that module's service, types, view or manifest instead.
// One narrow exception (decision 0042): an entity file (`*.entity.ts`, `*.entities.ts`) may name another
// module's entity for a TypeORM relation, through a type-only import (`import type { User } …` or
// `import { type User } …`); the decorator then names its target by string (`@ManyToOne('User')`), so no
// value crosses the wall and nothing can query the other module's table through it.
// Imports that broke the second wall when it was raised are listed, name by name, in the allowlist
// (entity-imports-allowlist.mjs), which only shrinks: an entry whose import is gone is reported too.
import path from 'node:path';

const ENTITY_FILE = /\.(entity|entities|repository)\.ts$/;
const RELATION_HOLDER = /\.(entity|entities)\.ts$/;

/** Whether an import brings in types only (`import type { A }`, or `import { type A, type B }`). */
function typeOnly(node) {
  if (node.type !== 'ImportDeclaration') return false;
  if (node.importKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type')
  );
}

/** `server/src/…` relative path of an absolute or cwd-relative file name, or null outside server/src. */
function serverPath(file) {
  const normalized = file.split(path.sep).join('/');
  const at = normalized.lastIndexOf('server/src/');
  return at === -1 ? null : normalized.slice(at + 'server/src/'.length);
}

/** The module folder of a server/src path (`modules/<name>/…`), or null. */
function moduleOf(rel) {
  const match = /^modules\/([^/]+)\//.exec(rel);
  return match ? match[1] : null;
}

/** Names an import or re-export brings in: `default`, `*` or the imported names. */
function importedNames(node) {
  if (node.type === 'ExportAllDeclaration') return ['*'];
  if (node.type === 'ImportExpression') return ['*'];
  return (node.specifiers ?? []).map((s) => {
    if (s.type === 'ImportDefaultSpecifier') return 'default';
    if (s.type === 'ImportNamespaceSpecifier') return '*';
    const name = s.type === 'ExportSpecifier' ? s.local : s.imported;
    return name.type === 'Identifier' ? name.name : name.value;
  });
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'common/ never imports modules/; a module never imports another module’s entities' },
    schema: [
      {
        type: 'object',
        properties: {
          allowlist: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      commonImportsModule: 'common/ never imports modules/ ({{target}}): move the shared part into common/.',
      entityImport:
        '{{name}} is an entity of the {{owner}} module ({{target}}): use a service, loader or view of {{owner}} instead.',
      staleAllowlistEntry:
        'The allowlist entry "{{entry}}" for this file is no longer needed: delete it from tools/lint/entity-imports-allowlist.mjs.',
    },
  },
  create(context) {
    const importer = serverPath(context.filename);
    if (!importer) return {};
    const inCommon = importer.startsWith('common/');
    const ownModule = moduleOf(importer);
    if (!inCommon && !ownModule) return {};
    const allowed = new Set(context.options[0]?.allowlist?.[importer] ?? []);
    const used = new Set();

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(importer), source));
      const target = resolved.replace(/\.js$/, '.ts');
      if (inCommon) {
        if (target.startsWith('modules/'))
          context.report({ node, messageId: 'commonImportsModule', data: { target } });
        return;
      }
      const owner = moduleOf(target);
      if (!owner || owner === ownModule || !ENTITY_FILE.test(target)) return;
      // The relation exception: an entity file's type-only import of another module's entity (not repository).
      if (RELATION_HOLDER.test(importer) && RELATION_HOLDER.test(target) && typeOnly(node)) return;
      const fromModules = target.slice('modules/'.length);
      for (const name of importedNames(node)) {
        const entry = `${fromModules}#${name}`;
        if (allowed.has(entry)) used.add(entry);
        else context.report({ node, messageId: 'entityImport', data: { name, owner, target: fromModules } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      'Program:exit'(program) {
        for (const entry of allowed)
          if (!used.has(entry))
            context.report({ node: program, messageId: 'staleAllowlistEntry', data: { entry } });
      },
    };
  },
};

/** The plugin as eslint.config.js registers it (`passerelle/module-boundaries`). */
export const passerellePlugin = { rules: { 'module-boundaries': moduleBoundaries } };
