// The client's rooms, held by lint (docs/decisions/0026-client-boundaries-hooks-and-generated-docs.md), as
// bulletproof-react's `import/no-restricted-paths` zones hold its features:
//  - a feature never imports another feature, nor the app (the app composes features: app/routes);
//  - shared code (components/, lib/, i18n/, test/ support) never imports a feature; components/ and lib/
//    never import the app either;
//  - server/src/common/rules/, which the client bundles through the `@rules/*` alias, imports nothing
//    outside itself and no Node built-in (it runs in the browser too).
// Import paths are resolved against the importing file, so `../../x` means the same at any depth.
import path from 'node:path';

/** Where a file sits: `{ room: 'features', feature }`, `{ room: 'components' }`, … or null outside the client. */
function clientRoom(file) {
  const match = /^(.*[\\/]client[\\/]src)[\\/](.*)$/.exec(file);
  if (!match) return null;
  const [room, feature] = match[2].split(/[\\/]/);
  return room === 'features' ? { room, feature } : { room };
}

const sharedRooms = new Set(['components', 'lib', 'i18n', 'test']);

/** Why `from` may not import `to`, or null when it may. */
export function clientBoundaryProblem(from, to) {
  if (!from || !to) return null;
  if (from.room === 'features') {
    if (to.room === 'features' && to.feature !== from.feature)
      return `features never import each other (${from.feature} → ${to.feature}): move the shared piece to components/ or lib/, or compose both in app/routes`;
    if (to.room === 'app') return 'a feature never imports the app: the app composes features (app/routes)';
    return null;
  }
  if (sharedRooms.has(from.room) && to.room === 'features')
    return `shared code (${from.room}/) never imports a feature (${to.feature}): pass it in from app/ or move it to components/`;
  if ((from.room === 'components' || from.room === 'lib') && to.room === 'app')
    return `shared code (${from.room}/) never imports the app`;
  return null;
}

const rulesDir = /[\\/]server[\\/]src[\\/]common[\\/]rules[\\/]/;

function check(context, node) {
  const source = node.source;
  if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
  const spec = source.value;
  const file = context.filename;
  if (rulesDir.test(file)) {
    const outside =
      spec.startsWith('node:') ||
      (spec.startsWith('.') && !rulesDir.test(path.resolve(path.dirname(file), spec) + path.sep));
    if (outside)
      context.report({
        node: source,
        message: `server/src/common/rules/ is bundled by the client: it imports only itself (not ${spec})`,
      });
    return;
  }
  if (!spec.startsWith('.')) return;
  const problem = clientBoundaryProblem(clientRoom(file), clientRoom(path.resolve(path.dirname(file), spec)));
  if (problem) context.report({ node: source, message: problem });
}

/** The `boundaries/client` rule, as a local ESLint plugin. */
export const boundariesPlugin = {
  meta: { name: 'passerelle-boundaries' },
  rules: {
    client: {
      meta: {
        type: 'problem',
        docs: { description: 'Client features, shared code and the shared rules keep to their rooms' },
        schema: [],
      },
      create(context) {
        const visit = (node) => check(context, node);
        return {
          ImportDeclaration: visit,
          ExportNamedDeclaration: visit,
          ExportAllDeclaration: visit,
          ImportExpression: visit,
        };
      },
    },
  },
};
